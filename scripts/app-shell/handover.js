// The app shell (scripts/app-shell/shell.js) hands over to the tool: the loader in
// scripts/single-file.mjs calls fazhiShellHandover() just before the tool mounts into the shell's
// shadow root (which clears it), and the function it returns just after. What the clerk changed
// in the shell is done again in the live tool: text typed, a choice made, a <details> opened, the
// focus and the caret, and a button clicked if that was the one click and the last thing done.
// The live first screen has the same markup as the shell (tests/e2e/shell.test.mjs): fields are
// found by id, the others by position while the two screens match.
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
  var openAtFirst = root.fazhiOpenAtFirst || [];
  var details = all('details');
  // Only what the clerk changed in the shell: its untouched fields say nothing (the live tool
  // may have opened a draft another tab saved meanwhile, which they must not blank).
  var changed = [];
  fields.forEach(function (el, i) {
    var was = el.tagName === 'DETAILS' ? el.open : el.type === 'radio' || el.type === 'checkbox' ? el.checked : el.value;
    var first = el.tagName === 'DETAILS' ? !!openAtFirst[details.indexOf(el)]
      : el.type === 'radio' || el.type === 'checkbox' ? el.defaultChecked : el.defaultValue;
    if (was !== first) changed.push({ at: i, id: el.id, tag: el.tagName, type: el.type, value: was });
  });
  var active = root.activeElement;
  var focus = focusable.indexOf(active);
  var focusId = active && active.id;
  var selection = null;
  try {
    if (active && typeof active.selectionStart === 'number') selection = [active.selectionStart, active.selectionEnd, active.selectionDirection];
  } catch (e) { /* not a text control */ }
  var clicked = root.fazhiClicks === 1 && root.fazhiClicked ? focusable.indexOf(root.fazhiClicked) : -1;
  return function () {
    delete root.fazhiShell;
    root.host.removeAttribute('aria-busy');
    var live = all(FAZHI_SHELL_FIELDS);
    var liveFocusable = all(FAZHI_SHELL_FOCUSABLE);
    // The live first screen has the shell's markup (tests/e2e/shell.test.mjs); a field with an
    // id is found by it all the same, the others by position only while the screens match.
    var same = live.length === fields.length && liveFocusable.length === focusable.length;
    var lost = [];
    changed.forEach(function (c) {
      var to = c.id ? root.getElementById(c.id) : same ? live[c.at] : null;
      if (!to || to.tagName !== c.tag || to.type !== c.type) { lost.push(c.id || c.tag); return; }
      if (c.tag === 'DETAILS') {
        if (c.value && !to.open) to.open = true;
      } else if (c.type === 'radio') {
        if (c.value && !to.checked) to.click();
      } else if (c.type === 'checkbox') {
        if (c.value !== to.checked) to.click();
      } else if (c.value !== to.value) {
        to.value = c.value;
        to.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
    });
    if (lost.length) console.warn('fazhi-report: the app shell and the tool differ; not carried over:', lost);
    var target = focusId ? root.getElementById(focusId) : same ? liveFocusable[focus] : null;
    var select = function () {
      try { target.setSelectionRange(selection[0], selection[1], selection[2]); } catch (e) { /* not a text control */ }
    };
    if (target) {
      target.focus();
      if (selection) {
        select();
        // The tool's first effects (microtasks just after its mount) write the field's value
        // twice (its value at the mount, then the carried one), and each write puts the caret
        // at the end, where keys typed during the mount (queued already) would go in. Until the
        // clerk acts (a key, the pointer, text put in) or a task has passed, a write that leaves
        // the carried text puts the caret back where it was.
        var value = target.value;
        var native = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(target), 'value');
        var pending = true;
        var stop = function () {
          if (!pending) return;
          pending = false;
          delete target.value; // the element's own accessor below goes: the prototype's again
          target.removeEventListener('keydown', restore, true);
          target.removeEventListener('mousedown', stop, true);
          target.removeEventListener('input', typed, true);
        };
        var restore = function () {
          var still = pending && root.activeElement === target && target.value === value;
          stop();
          if (still) select();
        };
        var typed = function (e) { if (e.isTrusted) stop(); };
        if (native && native.set && native.get) {
          Object.defineProperty(target, 'value', {
            configurable: true,
            get: function () { return native.get.call(this); },
            set: function (v) {
              native.set.call(this, v);
              if (pending && root.activeElement === target && native.get.call(this) === value) select();
            },
          });
        }
        target.addEventListener('keydown', restore, true);
        target.addEventListener('mousedown', stop, true);
        target.addEventListener('input', typed, true);
        setTimeout(restore);
      }
    }
    if (same && liveFocusable[clicked]) liveFocusable[clicked].click();
  };
}
