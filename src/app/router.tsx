import { createBrowserRouter } from 'react-router-dom';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { RouteErrorRoute } from './routes/route-error';
import { ShellLayout } from './routes/shell-layout';

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
          {
            path: 'helpdesk/*',
            lazy: async () => ({ Component: (await import('./routes/helpdesk')).HelpdeskRoute }),
          },
          {
            path: 'pilot',
            lazy: async () => ({ Component: (await import('./routes/pilot')).PilotRoute }),
          },
          {
            path: 'audit',
            lazy: async () => ({ Component: (await import('./routes/audit')).AuditRoute }),
          },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
    { basename: appBasename() },
  );
}
