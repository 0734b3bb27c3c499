/**
 * Every section of TAP Desk, in the order the navigation shows them. The router, the shell, the
 * start page and the capability guard all read this list, and lint isolates each feature folder
 * (decision 0013): a new section is a folder in `src/features/` plus one entry here.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { Capability } from '../auth/capabilities';
import { Loading } from '../components/loading';
import { messageRef, type MessageRef } from '../i18n/catalog';
import { useMessages } from '../i18n/use-messages';
import { auditPaths } from '../features/audit/paths';
import { helpdeskPaths, helpdeskRoutes } from '../features/helpdesk/paths';
import { pilotPaths } from '../features/pilot/paths';
import { readinessPaths } from '../features/readiness/paths';
import { messages } from './messages';

export interface Section {
  /** The feature folder (`src/features/<id>`). */
  id: string;
  /** The feature's own addresses; the router mounts the section at `root`. */
  paths: { root: string };
  /** The app role that opens it; the section's Graph client asks for that audience's scopes. */
  capability: Capability;
  /** Its name in the navigation, and its heading when it cannot open. */
  label: MessageRef;
  /** Ends "the TAP Desk app role that lets people …", told to someone who lacks the role. */
  why: MessageRef;
  /** What the role offers here, on the start page of someone who holds no role yet. */
  intro: MessageRef;
  /** Its pages below `root`, each a chunk of its own, loaded when first opened. */
  routes: RouteObject[];
}

export const homePath = '/';

/**
 * A page that loads on first visit. React.lazy rather than the router's `lazy`: the router waits
 * for a lazy route before it renders anything, while this way the shell paints at once and the
 * page shows a loading state inside it (ShellLayout's Suspense, or its own) until its chunk is in.
 */
function page(load: () => Promise<ComponentType>, loadingLabel?: 'loadingUser') {
  const Page = lazy(async () => ({ default: await load() }));
  if (!loadingLabel) return <Page />;
  return (
    <Suspense fallback={<PageLoading label={loadingLabel} />}>
      <Page />
    </Suspense>
  );
}

function PageLoading(props: { label: 'loadingUser' }) {
  const { t } = useMessages(messages);
  return <Loading label={t(props.label)} />;
}

/** A section's name, the end of "the app role that lets people …", and its start-page line. */
function words(id: 'helpdesk' | 'pilot' | 'audit' | 'readiness') {
  return {
    label: messageRef(messages, `${id}.label`),
    why: messageRef(messages, `${id}.why`),
    intro: messageRef(messages, `${id}.intro`),
  };
}

export const sections: readonly Section[] = [
  {
    id: 'helpdesk',
    paths: helpdeskPaths,
    capability: 'helpdesk',
    ...words('helpdesk'),
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
          'loadingUser',
        ),
      },
    ],
  },
  {
    id: 'pilot',
    paths: pilotPaths,
    capability: 'pilot',
    ...words('pilot'),
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
    ...words('audit'),
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
    ...words('readiness'),
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
