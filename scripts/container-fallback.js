// Container queries for browsers without them (Chromium before 105, Firefox before 110).
// The tool's layout follows the width of its own box, not the window's (the embed's 360 px
// side panel sits in a wide page), through `@container (max-width: Npx) { … }` rules. Where
// `container-type` is unknown, scripts/single-file.mjs calls this for each mounted shadow root:
// it copies those rules into a second style sheet, each selector behind `.fr-root.fr-cq-N`, and a
// ResizeObserver (Chromium 64, Firefox 69) sets class fr-cq-N on .fr-root while its width is at
// most N px. Only that form of query is understood (scripts/compat-lint.mjs enforces it). ES5.
function fazhiContainerFallback(shadow) {
  var root = shadow.querySelector('.fr-root');
  if (!root || root.hasAttribute('data-fazhi-cq')) return;
  root.setAttribute('data-fazhi-cq', '');
  var widths = [], css = '';
  // Our CSS is a constructed sheet where the browser has them (embed.rs), whose dropped
  // @container rules the CSSOM no longer holds: embed.rs leaves the text on the shadow root.
  var texts = [shadow.fazhiCssText || ''];
  shadow.querySelectorAll('style').forEach(function (style) { texts.push(style.textContent); });
  texts.forEach(function (source) {
    var text = source.replace(/\/\*[\s\S]*?\*\//g, '');
    var query = /@container\s*\(\s*max-width:\s*(\d+)px\s*\)\s*\{((?:[^{}]*\{[^{}]*\})*)\s*\}/g, m;
    while ((m = query.exec(text))) {
      var w = m[1];
      if (widths.indexOf(w) < 0) widths.push(w);
      css += m[2].replace(/([^{}]+)\{/g, function (all, selectors) {
        return selectors.split(',').map(function (s) { return '.fr-root.fr-cq-' + w + ' ' + s.trim(); }).join(', ') + ' {';
      });
    }
  });
  if (!widths.length) return;
  var sheet = document.createElement('style');
  sheet.textContent = css;
  shadow.appendChild(sheet);
  new ResizeObserver(function (entries) {
    var width = entries[entries.length - 1].contentRect.width;
    widths.forEach(function (w) { root.classList.toggle('fr-cq-' + w, width <= w); });
  }).observe(root);
}
