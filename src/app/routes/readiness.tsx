import { RequireCapability } from '../../auth/require-capability';
import { ReadinessPage } from '../../features/readiness/readiness-page';

export function ReadinessRoute() {
  return (
    <RequireCapability capability="readiness">
      <ReadinessPage />
    </RequireCapability>
  );
}
