// Sets the colour scheme class on <html> before the first paint, as MUI's InitColorSchemeScript
// does, from a file because the CSP allows no inline script. Keys: src/app/theme.ts.
/* global window, document */
(function () {
  var mode = 'system';
  try {
    mode = window.localStorage.getItem('tapdesk-color-mode') || 'system';
  } catch {
    // Storage blocked: follow the system.
  }
  var dark =
    mode === 'dark' ||
    (mode !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  var root = document.documentElement;
  root.classList.remove('light', 'dark');
  root.classList.add(dark ? 'dark' : 'light');
})();
