import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { RouteErrorRoute } from './routes/route-error';
import { ShellLayout } from './routes/shell-layout';

// Each section is a chunk of its own. React.lazy rather than the router's `lazy`: the router waits
// for a lazy route before it renders anything, while this way the shell paints at once and the
// section shows a loading state inside it (ShellLayout's Suspense) until its chunk is in.
const HelpdeskRoute = lazy(async () => ({
  default: (await import('./routes/helpdesk')).HelpdeskRoute,
}));
const PilotRoute = lazy(async () => ({ default: (await import('./routes/pilot')).PilotRoute }));
const AuditRoute = lazy(async () => ({ default: (await import('./routes/audit')).AuditRoute }));
const ReadinessRoute = lazy(async () => ({
  default: (await import('./routes/readiness')).ReadinessRoute,
}));

/** The build's base path (`/` or `/tapdesk/`), as React Router wants it: no trailing slash. */
export function appBasename(base: string = import.meta.env.BASE_URL): string {
  return base.replace(/\/+$/, '') || '/';
}

export function createAppRouter() {
  return createBrowserRouter(
    [
      {
        element: <ShellLayout />,
        errorElement: <RouteErrorRoute />,
        children: [
          { index: true, element: <HomeRoute /> },
          { path: 'helpdesk/*', element: <HelpdeskRoute /> },
          { path: 'pilot', element: <PilotRoute /> },
          { path: 'audit', element: <AuditRoute /> },
          { path: 'readiness', element: <ReadinessRoute /> },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
    { basename: appBasename() },
  );
}
