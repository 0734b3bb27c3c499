import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeGraph, renderWithHarness } from '../../testing/harness';
import { MAX_SEARCH_LENGTH, UserSearch } from './user-search';

/** Graph as far as the search needs it: one match for any text, no methods for anyone. */
function searchGraph() {
  const user = { id: 'u1', displayName: 'José Núñez', userPrincipalName: 'jose@contoso.com' };
  return fakeGraph()
    .on('GET', '/users', { body: { value: [user], '@odata.count': 1 } })
    .on('GET', /^\/users\/[^/]+\/authentication\/methods$/, { body: { value: [] } });
}

async function renderSearch(at: string | { pathname: string; state?: unknown } = '/helpdesk') {
  const { router } = await renderWithHarness(<UserSearch />, {
    as: 'helpdesk',
    at,
    path: '/helpdesk',
    graph: searchGraph(),
    routes: [{ path: '/helpdesk/users/:id', element: <h1>User page</h1> }],
  });
  return router;
}

const box = () => screen.getByLabelText<HTMLInputElement>('Find a user');

describe('UserSearch', () => {
  it('keeps the caller’s name out of the address, and Back brings the search back', async () => {
    const router = await renderSearch();
    await userEvent.type(box(), 'josé');
    await screen.findByRole('link', { name: 'José Núñez' });
    expect(router.state.location.search).toBe('');
    expect(router.state.location.state).toEqual({ q: 'josé' });

    await userEvent.click(screen.getByRole('link', { name: 'José Núñez' }));
    await screen.findByRole('heading', { name: 'User page' });
    expect(router.state.location.pathname).toBe('/helpdesk/users/u1');

    await act(() => router.navigate(-1));
    expect(box().value).toBe('josé');
    expect(router.state.location.search).toBe('');
    await screen.findByRole('link', { name: 'José Núñez' });
    await act(() => router.navigate(1));
    await screen.findByRole('heading', { name: 'User page' });
  });

  it('takes at most 256 characters, and says so', async () => {
    const router = await renderSearch();
    box().focus();
    await userEvent.paste('x'.repeat(10_000));
    expect(box().value).toHaveLength(MAX_SEARCH_LENGTH);
    expect(MAX_SEARCH_LENGTH).toBe(256);
    expect((router.state.location.state as { q: string }).q).toHaveLength(MAX_SEARCH_LENGTH);
    expect(
      screen.getByText('Searches are at most 256 characters; the rest was left out.'),
    ).toBeVisible();
  });

  it('moves a ?q= from an old link into the history entry, out of the address', async () => {
    const router = await renderSearch('/helpdesk?q=sofia');
    await screen.findByRole('link', { name: 'José Núñez' });
    expect(box().value).toBe('sofia');
    expect(router.state.location.search).toBe('');
    expect(router.state.location.state).toEqual({ q: 'sofia' });
  });
});
