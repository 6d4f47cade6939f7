// The app shell (scripts/app-shell/shell.js) hands over to the tool: the loader in
// scripts/single-file.mjs calls fazhiShellHandover() just before the tool mounts into the shell's
// shadow root (which clears it), and the function it returns just after. Whatever the clerk did in
// the shell is done again in the live tool: text typed, a choice made, a <details> opened, the
// focus and the caret, and the first button clicked. The live first screen has the same markup as
// the shell (tests/e2e/shell.test.mjs), so the nth field of one is the nth of the other.
var FAZHI_SHELL_FIELDS = 'input, textarea, details';
var FAZHI_SHELL_FOCUSABLE = 'input, textarea, button, summary, [tabindex]';
function fazhiShellRoot() {
  var host = document.getElementById('fazhi-report');
  var root = host && host.shadowRoot;
  return root && root.fazhiShell ? root : null;
}
// Resolves once no IME composition is open in the shell: until then its text is not final.
function fazhiShellSettled(root) {
  return new Promise(function (resolve) {
    (function check() {
      if (!root.fazhiComposing) { resolve(); return; }
      // The composition's last input event comes with or just after compositionend.
      root.addEventListener('compositionend', function () { setTimeout(check); }, { once: true });
    })();
  });
}
function fazhiShellHandover(root) {
  var all = function (selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); };
  var fields = all(FAZHI_SHELL_FIELDS);
  var focusable = all(FAZHI_SHELL_FOCUSABLE);
  var state = fields.map(function (el) {
    return el.tagName === 'DETAILS' ? el.open : el.type === 'radio' || el.type === 'checkbox' ? el.checked : el.value;
  });
  var active = root.activeElement;
  var focus = focusable.indexOf(active);
  var selection = null;
  try {
    if (active && typeof active.selectionStart === 'number') selection = [active.selectionStart, active.selectionEnd, active.selectionDirection];
  } catch (e) { /* not a text control */ }
  var clicked = focusable.indexOf(root.fazhiClicked);
  return function () {
    var live = all(FAZHI_SHELL_FIELDS);
    var liveFocusable = all(FAZHI_SHELL_FOCUSABLE);
    // Not the same screen (a shell older than the tool): nothing can be matched safely.
    if (live.length !== fields.length || liveFocusable.length !== focusable.length) return;
    fields.forEach(function (el, i) {
      var to = live[i], was = state[i];
      if (to.tagName !== el.tagName || to.type !== el.type) return;
      if (el.tagName === 'DETAILS') {
        if (was && !to.open) to.open = true;
      } else if (el.type === 'radio') {
        if (was && !to.checked) to.click();
      } else if (el.type === 'checkbox') {
        if (was !== to.checked) to.click();
      } else if (was !== to.value) {
        to.value = was;
        to.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
    });
    var target = liveFocusable[focus];
    var select = function () {
      try { target.setSelectionRange(selection[0], selection[1], selection[2]); } catch (e) { /* not a text control */ }
    };
    if (target) {
      target.focus();
      if (selection) {
        select();
        // The tool's first effects (microtasks after its mount) write the field's value again,
        // which puts the caret at the end: put it back once they have run, unless the clerk has
        // typed or moved on meanwhile.
        var value = target.value;
        setTimeout(function () {
          if (root.activeElement === target && target.value === value) select();
        });
      }
    }
    if (liveFocusable[clicked]) liveFocusable[clicked].click();
  };
}
