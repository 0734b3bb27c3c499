import { BrowserAuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-browser';
import { ConsentProblems, aadstsCode, consentProblem, isConsentError } from './consent';

const NOT_CONSENTED =
  "AADSTS65001: The user or administrator has not consented to use the application with ID 'x' named 'TAP Desk'. Send an interactive authorization request for this user and resource.";

// The errors MSAL builds from Entra's answers, as msal-common constructs them.
const fromTokenEndpoint = new InteractionRequiredAuthError(
  'invalid_grant',
  'correlation',
  `${NOT_CONSENTED} Trace ID: t`,
  'consent_required',
  '2026-11-20 09:00:00Z',
  't',
  '',
  '65001',
);
const fromSilentSignIn = new InteractionRequiredAuthError(
  'consent_required',
  'correlation',
  NOT_CONSENTED,
  '',
  '',
  '',
  '',
  '65001',
);
const backFromAdminApproval = new ServerError(
  'access_denied',
  'correlation',
  'AADSTS65004: User declined to consent to access the app.',
  '',
  '65004',
);

describe('isConsentError', () => {
  it("recognises Entra's consent refusals from the token endpoint, prompt=none and the approval page", () => {
    expect(isConsentError(fromTokenEndpoint)).toBe(true);
    expect(isConsentError(fromSilentSignIn)).toBe(true);
    expect(isConsentError(backFromAdminApproval)).toBe(true);
    expect(aadstsCode(fromTokenEndpoint)).toBe(65001);
    expect(aadstsCode(backFromAdminApproval)).toBe(65004);
  });

  it('reads the AADSTS number from the description when MSAL has no errorNo', () => {
    const bare = new ServerError(
      'access_denied',
      'c',
      'AADSTS90094: The grant requires admin permission.',
    );
    expect(aadstsCode(bare)).toBe(90094);
    expect(isConsentError(bare)).toBe(true);
  });

  it('leaves every other failure alone', () => {
    expect(
      isConsentError(new InteractionRequiredAuthError('login_required', 'c', 'AADSTS50058: x')),
    ).toBe(false);
    expect(
      isConsentError(
        new ServerError('access_denied', 'c', 'AADSTS50105: not assigned', '', '50105'),
      ),
    ).toBe(false);
    expect(isConsentError(new BrowserAuthError('monitor_window_timeout', 'correlation'))).toBe(
      false,
    );
    expect(isConsentError(new Error('AADSTS65001'))).toBe(false);
    expect(isConsentError(undefined)).toBe(false);
  });
});

describe('consentProblem', () => {
  it('names the per-person write permission apart from the read permissions granted to all', () => {
    expect(consentProblem('helpdesk', fromTokenEndpoint)).toEqual({
      audience: 'helpdesk',
      code: 65001,
      perPerson: ['UserAuthMethod-TAP.ReadWrite.All'],
      forEveryone: [
        'User.Read.All',
        'UserAuthenticationMethod.Read.All',
        'Policy.Read.AuthenticationMethod',
        'Sites.Selected',
      ],
    });
    expect(consentProblem('audit', fromTokenEndpoint).perPerson).toEqual([]);
    expect(consentProblem('sign-in', backFromAdminApproval)).toMatchObject({
      code: 65004,
      perPerson: [],
      forEveryone: ['openid', 'profile', 'offline_access', 'User.Read'],
    });
  });
});

describe('ConsentProblems', () => {
  it('keeps one problem per audience and tells its listeners', () => {
    const problems = new ConsentProblems();
    const listener = vi.fn();
    const stop = problems.subscribe(listener);
    problems.report(consentProblem('helpdesk', fromTokenEndpoint));
    expect(problems.get('helpdesk')?.code).toBe(65001);
    expect(problems.get('audit')).toBeUndefined();
    problems.clear('helpdesk');
    expect(problems.get('helpdesk')).toBeUndefined();
    problems.clear('helpdesk');
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
  });
});
