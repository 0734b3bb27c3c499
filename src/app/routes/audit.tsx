import { RequireCapability } from '../../auth/require-capability';
import { AuditPage } from '../../features/audit/audit-page';

export function AuditRoute() {
  return (
    <RequireCapability capability="audit">
      <AuditPage />
    </RequireCapability>
  );
}
