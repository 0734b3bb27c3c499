import { createBrowserRouter } from 'react-router-dom';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { RouteErrorRoute } from './routes/route-error';
import { ShellLayout } from './routes/shell-layout';

export function createAppRouter() {
  return createBrowserRouter([
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
  ]);
}
