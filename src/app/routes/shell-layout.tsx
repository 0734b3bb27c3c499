import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import { CAPABILITY_LABELS, type Capability } from '../../auth/capabilities';
import { useSession } from '../../auth/session';
import { AppShell } from '../../components/app-shell';
import { Loading } from '../../components/loading';
import { useRuntimeConfig } from '../../config/config-context';
import { NonMicrosoftHostsNotice } from '../../config/non-microsoft-hosts-notice';
import { paths } from '../paths';

const SECTION_PATHS: Record<Capability, string> = {
  helpdesk: paths.helpdesk,
  pilot: paths.pilot,
  audit: paths.audit,
  readiness: paths.readiness,
};

export function sectionPath(capability: Capability): string {
  return SECTION_PATHS[capability];
}

export function ShellLayout() {
  const session = useSession();
  const config = useRuntimeConfig();
  return (
    <AppShell
      productName="TAP Desk"
      tenantName={config.tenantName}
      nav={session.capabilities.map((capability) => ({
        label: CAPABILITY_LABELS[capability],
        to: SECTION_PATHS[capability],
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
