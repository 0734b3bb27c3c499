import { createBrowserRouter, Outlet, type RouteObject } from 'react-router-dom';
import { RequireCapability } from '../auth/require-capability';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { RouteErrorRoute } from './routes/route-error';
import { ShellLayout } from './routes/shell-layout';
import { sections, type Section } from './sections';

/** The build's base path (`/` or `/tapdesk/`), as React Router wants it: no trailing slash. */
export function appBasename(base: string = import.meta.env.BASE_URL): string {
  return base.replace(/\/+$/, '') || '/';
}

/** Each section at its root, behind the guard of its capability; the rest is not found. */
export function createAppRoutes(list: readonly Section[] = sections): RouteObject[] {
  return [
    {
      element: <ShellLayout sections={list} />,
      errorElement: <RouteErrorRoute />,
      children: [
        { index: true, element: <HomeRoute sections={list} /> },
        ...list.map((section) => ({
          path: section.paths.root,
          element: (
            <RequireCapability
              capability={section.capability}
              label={section.label}
              why={section.why}
            >
              <Outlet />
            </RequireCapability>
          ),
          children: section.routes,
        })),
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ];
}

export function createAppRouter() {
  return createBrowserRouter(createAppRoutes(), { basename: appBasename() });
}
