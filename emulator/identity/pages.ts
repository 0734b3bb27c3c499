import { DEMO_TENANT_NAME } from '../constants';
import { escapeHtml as e } from '../http';
import { DEMO_ACCOUNTS, type DemoAccount } from '../seed/people';

const STYLE = `
  body { font-family: "Segoe UI", system-ui, sans-serif; background: #f2f2f2; color: #1b1b1b; margin: 0; }
  main { max-width: 34rem; margin: 2.5rem auto; background: #fff; padding: 2rem 2.5rem; box-shadow: 0 2px 6px rgb(0 0 0 / 0.2); }
  h1 { font-size: 1.5rem; font-weight: 600; margin: 0 0 0.25rem; }
  h2 { font-size: 1.05rem; font-weight: 600; margin: 1.75rem 0 0.5rem; }
  p.note { color: #505050; margin: 0 0 1rem; }
  ul { list-style: none; padding: 0; margin: 0; }
  li + li { margin-top: 0.5rem; }
  button.account { width: 100%; text-align: left; padding: 0.6rem 0.9rem; background: #fff; border: 1px solid #8a8886; cursor: pointer; font: inherit; color: inherit; }
  button.account:hover { background: #f3f2f1; }
  .name { display: block; font-weight: 600; }
  .detail { display: block; color: #505050; font-size: 0.9rem; }
  label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
  input { width: 100%; box-sizing: border-box; padding: 0.5rem; font: inherit; border: 1px solid #605e5c; }
  button.primary { margin-top: 0.75rem; padding: 0.5rem 1.5rem; background: #0067b8; color: #fff; border: 0; font: inherit; cursor: pointer; }
  button:focus-visible, input:focus-visible { outline: 2px solid #000; outline-offset: 2px; }
  .error { color: #a4262c; font-weight: 600; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

const SIGN_IN_TITLE = `Sign in to ${DEMO_TENANT_NAME} (TAP Desk demo)`;

/** The account picker; both forms post back to the same authorize URL (`action`). */
export function signInPage(options: {
  action: string;
  loginHint?: string;
  error?: string;
}): string {
  const { action, loginHint, error } = options;
  const hint = loginHint?.toLowerCase();
  const hinted = (a: DemoAccount) => a.userPrincipalName.toLowerCase() === hint;
  // The hinted account comes first and takes the focus, so Enter signs it in.
  const ordered = [...DEMO_ACCOUNTS.filter(hinted), ...DEMO_ACCOUNTS.filter((a) => !hinted(a))];
  const accounts = ordered
    .map(
      (
        a,
      ) => `<li><button class="account" type="submit" name="username" value="${e(a.userPrincipalName)}"${hinted(a) ? ' autofocus' : ''}>
<span class="name">${e(a.displayName)}</span>
<span class="detail">${e(a.userPrincipalName)}</span>
<span class="detail">${e(a.purpose)}</span>
</button></li>`,
    )
    .join('\n');
  const errorId = error ? 'username-error' : undefined;
  return layout(
    SIGN_IN_TITLE,
    `<h1>Sign in to ${e(DEMO_TENANT_NAME)}</h1>
<p class="note">TAP Desk demo: a local emulator of Microsoft Entra ID. No password is needed.</p>
<h2 id="staff-heading">Demo staff accounts</h2>
<form method="post" action="${e(action)}" aria-labelledby="staff-heading">
<ul>
${accounts}
</ul>
</form>
<h2 id="other-heading">Another account</h2>
<form method="post" action="${e(action)}" aria-labelledby="other-heading">
${error ? `<p class="error" id="${errorId}" role="alert">${e(error)}</p>` : ''}
<label for="username">Username (UPN)</label>
<input id="username" name="username" type="text" autocomplete="username" spellcheck="false" required value="${e(loginHint ?? '')}"${errorId ? ` aria-invalid="true" aria-describedby="${errorId}"` : ''}>
<button class="primary" type="submit">Sign in</button>
</form>`,
  );
}

/** response_mode=form_post: the browser posts the result to the redirect URI. */
export function formPostPage(redirectUri: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${e(name)}" value="${e(value)}">`)
    .join('\n');
  return layout(
    'Signing in',
    `<h1>Signing in…</h1>
<form method="post" action="${e(redirectUri)}">
${inputs}
<noscript><button class="primary" type="submit">Continue</button></noscript>
</form>
<script>document.forms[0].submit();</script>`,
  );
}

export function messagePage(title: string, message: string): string {
  return layout(title, `<h1>${e(title)}</h1>\n<p>${e(message)}</p>`);
}

/**
 * Entra's "Need admin approval" page (AADSTS90094): the person has signed in, but the app asks
 * for a permission no administrator has consented for them, and the tenant lets nobody consent
 * for themselves. The only way on is back to the app, without consent.
 */
export function adminApprovalPage(options: {
  userPrincipalName: string;
  appName: string;
  /** Back to the app with the error: a link, or for response_mode=form_post a form. */
  back: { href: string } | { action: string; fields: Record<string, string> };
}): string {
  const { back } = options;
  const label = 'Return to the application without granting consent';
  const way =
    'href' in back
      ? `<p><a href="${e(back.href)}">${e(label)}</a></p>`
      : `<form method="post" action="${e(back.action)}">
${Object.entries(back.fields)
  .map(([name, value]) => `<input type="hidden" name="${e(name)}" value="${e(value)}">`)
  .join('\n')}
<button class="primary" type="submit">${e(label)}</button>
</form>`;
  return layout(
    'Need admin approval',
    `<p class="note">${e(options.userPrincipalName)}</p>
<h1>Need admin approval</h1>
<p>${e(options.appName)} needs permission to access resources in your organization that only an admin can grant. Ask an admin to grant permission to this app before you can use it.</p>
${way}
<h2>Troubleshooting details</h2>
<p class="note">Error code: AADSTS90094</p>`,
  );
}
