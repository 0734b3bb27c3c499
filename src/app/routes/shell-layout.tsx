import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { AppShell } from '../../components/app-shell';
import { Loading } from '../../components/loading';
import { useRuntimeConfig } from '../../config/config-context';
import { NonMicrosoftHostsNotice } from '../../config/non-microsoft-hosts-notice';
import { useMessages } from '../../i18n/use-messages';
import { messages } from '../messages';
import { sectionsFor, type Section } from '../sections';

export function ShellLayout(props: { sections: readonly Section[] }) {
  const { say } = useMessages(messages);
  const session = useSession();
  const config = useRuntimeConfig();
  return (
    <AppShell
      productName="TAP Desk"
      tenantName={config.tenantName}
      nav={sectionsFor(session.capabilities, props.sections).map((section) => ({
        label: say(section.label),
        to: section.paths.root,
      }))}
      personName={session.account.name}
      onSignOut={() => void session.signOut()}
    >
      <NonMicrosoftHostsNotice sx={{ mb: 3 }} />
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </AppShell>
  );
}
