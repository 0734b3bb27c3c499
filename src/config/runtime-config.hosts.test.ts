import demo from '../../demo/config.json';
import { checkRuntimeConfig, parseRuntimeConfig } from './runtime-config';
import { MICROSOFT_HOSTS } from './microsoft-hosts';
import { wordsOf } from '../testing/words';

const ORIGIN = 'https://tapdesk.contoso.com';
const TENANT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

/** A real tenant's configuration on the global cloud. */
const entra = {
  ...demo,
  auth: {
    clientId: '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a',
    reportsClientId: '5c4b3a29-1807-4f6e-9d5c-4b3a29180706',
    authority: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    protocolMode: 'AAD',
  },
  graph: { baseUrl: 'https://graph.microsoft.com/v1.0' },
};

type Config = Record<string, unknown>;
const withAuthority = (authority: string, more: Config = {}) => ({
  ...entra,
  auth: { ...entra.auth, authority },
  ...more,
});
const withGraph = (baseUrl: string, more: Config = {}) => ({
  ...entra,
  graph: { baseUrl },
  ...more,
});
const problems = (raw: unknown, base = ORIGIN) =>
  checkRuntimeConfig(raw, base).problems.map((p) => `${p.field} ${wordsOf(p.problem)}`);

describe('hosts config.json may point at', () => {
  it("takes Microsoft's hosts in the global and national clouds, and nothing in use to name", () => {
    for (const host of MICROSOFT_HOSTS.authority.hosts) {
      expect(problems(withAuthority(`https://${host}/${TENANT}/v2.0`)), host).toEqual([]);
    }
    for (const host of MICROSOFT_HOSTS.graph.hosts) {
      expect(problems(withGraph(`https://${host}/v1.0`)), host).toEqual([]);
    }
    for (const url of ['https://aka.ms/mysecurityinfo', 'https://mysignins.microsoft.com/']) {
      expect(problems({ ...entra, registrationUrl: url }), url).toEqual([]);
    }
    expect(parseRuntimeConfig(entra, ORIGIN).nonMicrosoftHosts).toEqual([]);
  });

  it('refuses a look-alike sign-in page, a foreign Graph and a phishing registration link', () => {
    const phishing = {
      ...withAuthority(`https://login.microsoftonline.com.evil.example/${TENANT}/v2.0`),
      graph: { baseUrl: 'https://graph.evil.example/v1.0' },
      registrationUrl: 'https://aka.ms.evil.example/mysecurityinfo',
    };
    const found = checkRuntimeConfig(phishing, ORIGIN).problems;
    expect(found.map((p) => p.field)).toEqual([
      'auth.authority',
      'graph.baseUrl',
      'registrationUrl',
    ]);
    expect(wordsOf(found[0]!.problem)).toBe(
      'is on login.microsoftonline.com.evil.example, which is not a Microsoft Entra sign-in host (login.microsoftonline.com, login.microsoftonline.us, login.partner.microsoftonline.cn, login.chinacloudapi.cn); to use it anyway, name it in allowNonMicrosoftHosts',
    );
    expect(wordsOf(found[2]!.problem)).toMatch(
      /^is on aka\.ms\.evil\.example, which is not Microsoft's/,
    );
    // Microsoft's host on another port is not Microsoft's service either.
    expect(problems(withGraph('https://graph.microsoft.com:8443/v1.0'))).toEqual([
      expect.stringMatching(/^graph\.baseUrl is on graph\.microsoft\.com:8443, which is not/),
    ]);
  });

  it('trusts the demo’s localhost only for the emulator (OIDC), never for Entra (AAD)', () => {
    expect(problems(demo, 'https://localhost:5173')).toEqual([]);
    expect(problems(demo, 'https://tapdesk.contoso.com')).toEqual([
      expect.stringMatching(/^auth\.authority is on tapdesk\.contoso\.com, which is not/),
      expect.stringMatching(/^graph\.baseUrl is on tapdesk\.contoso\.com, which is not/),
    ]);
    expect(
      problems(withGraph('https://localhost:5174/graph/v1.0'), 'https://localhost:5173'),
    ).toEqual([expect.stringMatching(/^graph\.baseUrl is on localhost:5174, which is not/)]);
  });

  it('takes another host only when allowNonMicrosoftHosts names it, and reports where it is used', () => {
    const own = {
      ...withAuthority(`https://login.contoso.com/${TENANT}/v2.0`),
      registrationUrl: 'https://intranet.contoso.com:8443/passwordless',
      allowNonMicrosoftHosts: ['login.contoso.com', 'INTRANET.contoso.com:8443'],
    };
    const { config, problems: found, warnings } = checkRuntimeConfig(own, ORIGIN);
    expect(found).toEqual([]);
    expect(warnings).toEqual([]);
    expect(config?.nonMicrosoftHosts).toEqual([
      { host: 'login.contoso.com', fields: ['auth.authority'] },
      { host: 'intranet.contoso.com:8443', fields: ['registrationUrl'] },
    ]);
    // Named without its port, the host is trusted on the default port only.
    expect(
      problems({ ...own, allowNonMicrosoftHosts: ['login.contoso.com', 'intranet.contoso.com'] }),
    ).toEqual([expect.stringMatching(/^registrationUrl is on intranet\.contoso\.com:8443/)]);
  });

  it('wants each entry a host alone, and says when one is used by nothing', () => {
    const raw = {
      ...entra,
      allowNonMicrosoftHosts: [
        'https://login.contoso.com',
        '*.contoso.com',
        7,
        'spare.contoso.com',
      ],
    };
    const { problems: found, warnings } = checkRuntimeConfig(raw, ORIGIN);
    expect(found.map((p) => `${p.field} ${wordsOf(p.problem)}`)).toEqual([
      'allowNonMicrosoftHosts[0] is "https://login.contoso.com", a URL: name the host alone, without https://',
      'allowNonMicrosoftHosts[1] is "*.contoso.com", not a host name',
      'allowNonMicrosoftHosts[2] is 7, not text',
    ]);
    expect(warnings.map((w) => `${w.field} ${wordsOf(w.problem)}`)).toEqual([
      'allowNonMicrosoftHosts[3] ("spare.contoso.com") is used by none of auth.authority, graph.baseUrl and registrationUrl, so it is ignored',
    ]);
    expect(problems({ ...entra, allowNonMicrosoftHosts: 'login.contoso.com' })).toEqual([
      'allowNonMicrosoftHosts is "login.contoso.com", not a list',
    ]);
  });
});
