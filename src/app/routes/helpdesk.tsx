import { RequireCapability } from '../../auth/require-capability';
import { HelpdeskPage } from '../../features/helpdesk/helpdesk-page';

export function HelpdeskRoute() {
  return (
    <RequireCapability capability="helpdesk">
      <HelpdeskPage />
    </RequireCapability>
  );
}
