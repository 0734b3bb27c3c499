import { InteractionRequiredAuthError, ServerError } from '@azure/msal-browser';
import { fireEvent, screen, within } from '@testing-library/react';
import { consentProblem } from './consent';
import { ConsentRequired } from './consent-required';
import { renderWithHarness } from '../testing/harness';

const tokenRefusal = new InteractionRequiredAuthError(
  'invalid_grant',
  'c',
  "AADSTS65001: The user or administrator has not consented to use the application with ID 'x' named 'TAP Desk'. Send an interactive authorization request for this user and resource.",
  'consent_required',
  '',
  '',
  '',
  '65001',
);

describe('ConsentRequired', () => {
  it('tells a helpdesk person which permission is missing and what the administrator must do', async () => {
    const onTryAgain = vi.fn();
    const onSignOut = vi.fn();
    await renderWithHarness(
      <ConsentRequired
        problem={consentProblem('helpdesk', tokenRefusal)}
        section="Helpdesk"
        username="helen.helpdesk@contoso.com"
        onTryAgain={onTryAgain}
        onSignOut={onSignOut}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Helpdesk needs a permission you have not been granted');
    expect(alert).toHaveTextContent(
      'The Helpdesk section needs Microsoft Graph permissions that no administrator has consented to for helen.helpdesk@contoso.com',
    );
    expect(alert).toHaveTextContent('(Entra error AADSTS65001)');
    expect(alert).toHaveTextContent('Most likely missing: UserAuthMethod-TAP.ReadWrite.All.');
    expect(alert).toHaveTextContent('granted to each person who needs it, never to everyone');
    const steps = within(alert).getAllByRole('listitem');
    expect(steps).toHaveLength(2);
    expect(steps[0]).toHaveTextContent(
      'Grant UserAuthMethod-TAP.ReadWrite.All to you alone: a per-person admin consent',
    );
    expect(steps[0]).toHaveTextContent('docs/admin-guide.md');
    expect(steps[1]).toHaveTextContent(
      'Entra admin center › Enterprise applications › TAP Desk › Permissions',
    );
    expect(steps[1]).toHaveTextContent('npm run register-app -- --url <site> --grant-consent');
    // Words for people, not a stack trace or MSAL's own text.
    expect(alert).not.toHaveTextContent(/InteractionRequiredAuthError|invalid_grant|at \w+ \(/);

    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(onTryAgain).toHaveBeenCalledOnce();
    fireEvent.click(within(alert).getByRole('button', { name: 'Sign out' }));
    expect(onSignOut).toHaveBeenCalledOnce();
  });

  it('names the read permissions of a read-only section as granted to all users', async () => {
    await renderWithHarness(
      <ConsentRequired
        problem={consentProblem('audit', tokenRefusal)}
        section="Audit"
        onTryAgain={() => {}}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Audit needs a permission you have not been granted');
    expect(alert).toHaveTextContent(
      'Missing: AuditLog.Read.All, Directory.Read.All, RoleManagement.Read.Directory, Sites.Selected, read-only permissions granted to all users.',
    );
    expect(within(alert).getAllByRole('listitem')).toHaveLength(1);
    expect(within(alert).queryByRole('button', { name: 'Sign out' })).toBeNull();
  });

  it('explains a refused sign-in and offers to sign in again', async () => {
    const declined = new ServerError(
      'access_denied',
      'c',
      'AADSTS65004: User declined to consent to access the app.',
      '',
      '65004',
    );
    const onTryAgain = vi.fn();
    await renderWithHarness(
      <ConsentRequired
        problem={consentProblem('sign-in', declined)}
        onTryAgain={onTryAgain}
        tryAgainLabel="Sign in again"
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'TAP Desk cannot sign you in: a permission has not been granted',
    );
    expect(alert).toHaveTextContent('(Entra error AADSTS65004)');
    expect(alert).toHaveTextContent('Missing: openid, profile, offline_access, User.Read');
    fireEvent.click(within(alert).getByRole('button', { name: 'Sign in again' }));
    expect(onTryAgain).toHaveBeenCalledOnce();
  });
});
