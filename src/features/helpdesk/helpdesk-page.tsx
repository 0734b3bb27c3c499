import { Route, Routes } from 'react-router-dom';
import { UserPage } from './user-page';
import { UserSearch } from './user-search';

export function HelpdeskPage() {
  return (
    <Routes>
      <Route index element={<UserSearch />} />
      <Route path="users/:userId" element={<UserPage />} />
    </Routes>
  );
}
