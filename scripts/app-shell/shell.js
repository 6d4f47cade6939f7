// The app shell: the tool's first screen (a new draft on 文头), painted from markup before the
// tool's script is even parsed, so that the clerk sees the form and can type into it while the
// wasm compiles. scripts/single-file.mjs inlines this into fazhi-report.html before the tool's
// script, with FAZHI_SHELL_GZ the gzipped `<style>` + markup in base64 (the CSS built from the
// same sources as the wasm's, the markup scripts/app-shell/first-screen.html, which
// tests/e2e/shell.test.mjs checks against the tool's own first render). The tool then mounts in
// the same shadow root and takes over what was done in the shell (scripts/app-shell/handover.js).
// Shown only where that screen is exactly what the tool will show and lay out:
// - the page's own host, with no options (no data-fazhi-* attribute);
// - no draft stored by the tool (no key of its own in localStorage): a returning clerk gets the
//   stored draft on its own step, which no snapshot can show;
// - container queries (the layout; older browsers lay it out by script once mounted) and
//   DecompressionStream.
// Elsewhere nothing happens here and the tool starts as it always did. ES5 on purpose.
(function () {
  var host = document.getElementById('fazhi-report');
  if (!host || host.shadowRoot || host.attributes.length !== 1 || !host.attachShadow
    || typeof DecompressionStream !== 'function' || typeof Response !== 'function'
    || !window.CSS || !CSS.supports || !CSS.supports('container-type: inline-size')) return;
  try {
    for (var i = 0; i < localStorage.length; i++) if (/^fazhi-report\//.test(localStorage.key(i))) return;
  } catch (e) {
    return; // storage blocked: the tool says so on its first screen
  }
  var root = host.attachShadow({ mode: 'open' });
  var text = atob(FAZHI_SHELL_GZ), bytes = new Uint8Array(text.length);
  for (var j = 0; j < text.length; j++) bytes[j] = text.charCodeAt(j);
  var api = window.FazhiReport = window.FazhiReport || {};
  // The tool's script waits for this before it starts its own work (the shell is painted first).
  api._shell = new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
    .then(function (html) {
      if (root.childNodes.length) return; // the tool is there already
      root.innerHTML = html;
      root.fazhiShell = true;
      // What the handover needs to know: an IME composition still open (its text is not final),
      // and the first button clicked (the tool clicks it again once it is live).
      root.addEventListener('compositionstart', function () { root.fazhiComposing = true; });
      root.addEventListener('compositionend', function () { root.fazhiComposing = false; });
      root.addEventListener('click', function (e) {
        var button = e.target.closest && e.target.closest('button');
        if (button && !root.fazhiClicked) root.fazhiClicked = button;
      });
      // A slow PC: after a second, the status line says the tool is still loading (the page's
      // own loading line is hidden behind the shadow root).
      var status = root.querySelector('.save-state');
      setTimeout(function () { if (status && status.isConnected) status.textContent = '正在加载起草工具…'; }, 1000);
    })
    .catch(function () {}); // no shell then: the tool mounts into the empty root as usual
})();
