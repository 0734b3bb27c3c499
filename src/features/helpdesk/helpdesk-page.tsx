import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Loading } from '../../components/loading';
import { UserSearch } from './user-search';

// The search screen loads first and alone; the user page (issue form, handover, QR code, speech)
// comes in its own chunk when someone opens a user.
const UserPage = lazy(async () => ({ default: (await import('./user-page')).UserPage }));

export function HelpdeskPage() {
  return (
    <Routes>
      <Route index element={<UserSearch />} />
      <Route
        path="users/:userId"
        element={
          <Suspense fallback={<Loading label="Loading the user…" />}>
            <UserPage />
          </Suspense>
        }
      />
    </Routes>
  );
}
