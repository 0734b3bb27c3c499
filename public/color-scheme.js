// Sets the colour scheme class on <html> before the first paint, as MUI's InitColorSchemeScript
// does, from a file because the CSP allows no inline script. Keys: src/app/theme.ts.
(function () {
  var mode = 'system';
  try {
    mode = localStorage.getItem('tapdesk-color-mode') || 'system';
  } catch (e) {
    // Storage blocked: follow the system.
  }
  var dark =
    mode === 'dark' ||
    (mode !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  var root = document.documentElement;
  root.classList.remove('light', 'dark');
  root.classList.add(dark ? 'dark' : 'light');
})();
