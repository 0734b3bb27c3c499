import { RequireCapability } from '../../auth/require-capability';
import { PilotPage } from '../../features/pilot/pilot-page';

export function PilotRoute() {
  return (
    <RequireCapability capability="pilot">
      <PilotPage />
    </RequireCapability>
  );
}
