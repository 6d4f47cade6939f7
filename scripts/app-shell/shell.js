// The app shell: the tool's first screen (a new draft on 文头), painted from markup before the
// tool's script is even parsed, so that the clerk sees the form and can type into it while the
// wasm compiles. scripts/single-file.mjs inlines this into fazhi-report.html before the tool's
// script, with FAZHI_SHELL_GZ the gzipped `<style>` + markup in base64 (the CSS built from the
// same sources as the wasm's, the markup scripts/app-shell/first-screen.html, which
// tests/e2e/shell.test.mjs checks against the tool's own first render), and scripts/inflate.js
// beside it: inflated here, synchronously, the shell is in the page before the parser even
// reaches the tool's 400 KB script (DecompressionStream, asynchronous, painted it about 14 ms
// later). The tool then mounts in the same shadow root and takes over what was done in the
// shell (scripts/app-shell/handover.js).
// Shown only where that screen is exactly what the tool will show and lay out:
// - the page's own host, with no options (no data-fazhi-* attribute);
// - no draft stored by the tool (no key of its own in localStorage): a returning clerk gets the
//   stored draft on its own step, which no snapshot can show;
// - a layout the CSS alone gives: where container queries are missing (Chromium 86, Firefox
//   before 110) the tool lays itself out by script once mounted (scripts/container-fallback.js),
//   so there the shell shows only in a box wider than any container query's width
//   (FAZHI_SHELL_WIDEST px), where no such rule applies.
// Elsewhere nothing happens here and the tool starts as it always did. ES5 on purpose.
(function () {
  var host = document.getElementById('fazhi-report');
  // Where the tool cannot run, the page's first script has put its message in the host: it stays.
  if (!host || host.shadowRoot || host.attributes.length !== 1 || !host.attachShadow || typeof TextDecoder !== 'function'
    || typeof WebAssembly !== 'object' || typeof Promise !== 'function') return;
  var queries = window.CSS && CSS.supports && CSS.supports('container-type: inline-size');
  // 20 px to spare: the page has no vertical scrollbar yet, which the tool's page may get.
  if (!queries && !(host.clientWidth > FAZHI_SHELL_WIDEST + 20)) return;
  try {
    for (var i = 0; i < localStorage.length; i++) if (/^fazhi-report\//.test(localStorage.key(i))) return;
  } catch (e) {
    return; // storage blocked: the tool says so on its first screen
  }
  var html;
  try {
    var text = atob(FAZHI_SHELL_GZ), bytes = new Uint8Array(text.length);
    for (var j = 0; j < text.length; j++) bytes[j] = text.charCodeAt(j);
    html = new TextDecoder().decode(fazhiInflate(bytes));
  } catch (e) {
    return; // no shell then: the tool starts as usual
  }
  var root = host.attachShadow({ mode: 'open' });
  root.innerHTML = html;
  root.fazhiShell = true;
  // Not the live tool yet: assistive technology waits (handover.js clears it).
  host.setAttribute('aria-busy', 'true');
  // What the handover needs to know: which <details> were open at first; an IME composition
  // still open (its text is not final); and a button clicked, the tool clicking it again only
  // if it was the one click and the last thing done (not after the clerk went on typing, nor a
  // toggle such as 我的草稿 clicked twice).
  root.fazhiOpenAtFirst = Array.prototype.map.call(root.querySelectorAll('details'), function (d) { return d.open; });
  root.fazhiClicks = 0;
  root.addEventListener('compositionstart', function () { root.fazhiComposing = true; });
  root.addEventListener('compositionend', function () { root.fazhiComposing = false; });
  root.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('button');
    if (!button) return;
    root.fazhiClicks++;
    root.fazhiClicked = button;
  });
  var after = function (e) { if (root.fazhiClicked && e.target !== root.fazhiClicked) root.fazhiClicked = null; };
  root.addEventListener('input', after);
  root.addEventListener('keydown', after);
  root.addEventListener('focusin', after);
  // A slow PC: after a second, the status line says the tool is still loading (the page's
  // own loading line is hidden behind the shadow root); not once the loader has said it failed.
  var status = root.querySelector('.save-state');
  setTimeout(function () { if (status && status.isConnected && !root.fazhiFailed) status.textContent = '正在加载起草工具…'; }, 1000);
})();
