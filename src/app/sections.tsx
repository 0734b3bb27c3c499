/**
 * Every section of TAP Desk, in the order the navigation shows them. The router, the shell, the
 * start page and the capability guard all read this list, and lint isolates each feature folder
 * (decision 0013): a new section is a folder in `src/features/` plus one entry here.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { Capability } from '../auth/capabilities';
import { Loading } from '../components/loading';
import { auditPaths } from '../features/audit/paths';
import { helpdeskPaths, helpdeskRoutes } from '../features/helpdesk/paths';
import { pilotPaths } from '../features/pilot/paths';
import { readinessPaths } from '../features/readiness/paths';

export interface Section {
  /** The feature folder (`src/features/<id>`). */
  id: string;
  /** The feature's own addresses; the router mounts the section at `root`. */
  paths: { root: string };
  /** The app role that opens it; the section's Graph client asks for that audience's scopes. */
  capability: Capability;
  /** Its name in the navigation, and its heading when it cannot open. */
  label: string;
  /** Ends "the TAP Desk app role that lets people …", told to someone who lacks the role. */
  why: string;
  /** What the role offers here, on the start page of someone who holds no role yet. */
  intro: string;
  /** Its pages below `root`, each a chunk of its own, loaded when first opened. */
  routes: RouteObject[];
}

export const homePath = '/';

/**
 * A page that loads on first visit. React.lazy rather than the router's `lazy`: the router waits
 * for a lazy route before it renders anything, while this way the shell paints at once and the
 * page shows a loading state inside it (ShellLayout's Suspense, or its own) until its chunk is in.
 */
function page(load: () => Promise<ComponentType>, loadingLabel?: string) {
  const Page = lazy(async () => ({ default: await load() }));
  if (!loadingLabel) return <Page />;
  return (
    <Suspense fallback={<Loading label={loadingLabel} />}>
      <Page />
    </Suspense>
  );
}

export const sections: readonly Section[] = [
  {
    id: 'helpdesk',
    paths: helpdeskPaths,
    capability: 'helpdesk',
    label: 'Helpdesk',
    why: 'issue Temporary Access Passes',
    intro: 'issue Temporary Access Passes to callers',
    // The search screen loads first and alone; the user page (issue form, handover, QR code,
    // speech) comes in its own chunk when someone opens a user.
    routes: [
      {
        index: true,
        element: page(async () => (await import('../features/helpdesk/user-search')).UserSearch),
      },
      {
        path: helpdeskRoutes.user,
        element: page(
          async () => (await import('../features/helpdesk/user-page')).UserPage,
          'Loading the user…',
        ),
      },
    ],
  },
  {
    id: 'pilot',
    paths: pilotPaths,
    capability: 'pilot',
    label: 'Pilot',
    why: 'follow pilot progress',
    intro: "follow a passwordless pilot's progress",
    routes: [
      {
        index: true,
        element: page(async () => (await import('../features/pilot/pilot-page')).PilotPage),
      },
    ],
  },
  {
    id: 'audit',
    paths: auditPaths,
    capability: 'audit',
    label: 'Audit',
    why: 'read the audit record',
    intro: 'read who issued which pass, when and why',
    routes: [
      {
        index: true,
        element: page(async () => (await import('../features/audit/audit-page')).AuditPage),
      },
    ],
  },
  {
    id: 'readiness',
    paths: readinessPaths,
    capability: 'readiness',
    label: 'Readiness',
    why: 'check the tenant before a pilot',
    intro:
      "check the tenant's policies against the rollout recipe (pilot managers and helpdesk leads)",
    routes: [
      {
        index: true,
        element: page(
          async () => (await import('../features/readiness/readiness-page')).ReadinessPage,
        ),
      },
    ],
  },
];

/** The sections someone holding these capabilities can open, in navigation order. */
export function sectionsFor(
  capabilities: readonly Capability[],
  list: readonly Section[] = sections,
): Section[] {
  return list.filter((section) => capabilities.includes(section.capability));
}
