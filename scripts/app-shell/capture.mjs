// Reads the tool's screen in a browser, for scripts/app-shell/snapshot.mjs and
// tests/e2e/shell.test.mjs. CAPTURE is an init script (Playwright's addInitScript): it fills
// `window.__fazhiScreens` with
//   shell: the app shell as first painted (before the tool is mounted), and
//   live:  the tool's own first frame (the first animation frame after it is mounted, before
//          what it mounts after its first paint: src/components/deferred.rs),
// and attachedAt, when the host's shadow root was attached; each screen as { markup, css, at }: the shadow root's markup without its <style> (input values and
// checked states written as attributes: they are properties, which innerHTML leaves out), the
// CSS text in it (the shell's <style>; the tool's own, which embed.rs leaves on the root), and
// performance.now() when it was read.
export const CAPTURE = () => {
  const screens = (window.__fazhiScreens = {});
  // When the host's shadow root was attached (by the shell, or by the tool).
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    if (screens.attachedAt === undefined) screens.attachedAt = performance.now();
    return attach.call(this, init);
  };
  const read = (root) => {
    const box = document.createElement('div');
    for (const node of root.childNodes) if (node.nodeName !== 'STYLE') box.appendChild(node.cloneNode(true));
    const from = [...root.querySelectorAll('input, textarea')];
    const to = [...box.querySelectorAll('input, textarea')];
    from.forEach((el, i) => {
      if (el.checked) to[i].setAttribute('checked', '');
      if (el.type !== 'radio' && el.type !== 'checkbox' && el.value) to[i].setAttribute('value', el.value);
    });
    return box.innerHTML;
  };
  (function frame() {
    const host = document.getElementById('fazhi-report');
    const root = host && host.shadowRoot;
    if (root && root.getElementById('f-organ')) {
      const which = host.hasAttribute('data-fazhi-mounted') ? 'live' : 'shell';
      if (!screens[which]) {
        const style = root.querySelector('style');
        const css = which === 'live' ? root.fazhiCssText : style && style.textContent;
        screens[which] = { markup: read(root), css, at: performance.now() };
      }
    }
    if (!screens.live) requestAnimationFrame(frame);
  })();
};
