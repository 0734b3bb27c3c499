import reference from '../../docs/configuration.md?raw';
import { FIELD_SPECS } from './config-fields';
import { MICROSOFT_HOSTS } from './microsoft-hosts';
import { checkRuntimeConfig } from './runtime-config';

/** The JSON block under a heading of docs/configuration.md. */
function jsonUnder(heading: string): unknown {
  const section = reference.split(`\n## ${heading}\n`)[1] ?? '';
  const block = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!block) throw new Error(`no JSON block under "${heading}"`);
  return JSON.parse(block);
}

describe('docs/configuration.md', () => {
  it('describes every field the start-up check knows, under its own heading', () => {
    const headings = new Set(
      [...reference.matchAll(/^#{3,4} `([^`]+)`$/gm)].map((match) => match[1]),
    );
    const fields = Object.keys(FIELD_SPECS).filter((field) => field !== 'config.json');
    expect(fields.filter((field) => !headings.has(field))).toEqual([]);
    expect([...headings].filter((heading) => !fields.includes(heading!))).toEqual([]);
  });

  it('gives a complete real-tenant example that passes the start-up check as it stands', () => {
    const example = jsonUnder('Complete example for a real tenant');
    const { problems, warnings, config } = checkRuntimeConfig(
      example,
      'https://tapdesk.contoso.com/',
    );
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(config?.auth).toMatchObject({
      protocolMode: 'AAD',
      authority: 'https://login.microsoftonline.com/aaaaaaaa-1111-4111-8111-111111111111/v2.0',
    });
    expect(config?.graph.baseUrl).toBe('https://graph.microsoft.com/v1.0');
  });

  it('lists exactly the Microsoft hosts the start-up check accepts, field by field', () => {
    const section = reference.split('\n### `allowNonMicrosoftHosts`\n')[1] ?? '';
    /** The hosts in the row of the table there that names `field`. */
    const listed = (field: string) => {
      const row = section.split('\n').find((line) => line.trim().startsWith(`| \`${field}\``));
      return [...(row?.split('|')[2] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1]);
    };
    expect(listed('auth.authority')).toEqual(MICROSOFT_HOSTS.authority.hosts);
    expect(listed('graph.baseUrl')).toEqual(MICROSOFT_HOSTS.graph.hosts);
    expect(listed('registrationUrl')).toEqual(MICROSOFT_HOSTS.registration.hosts);
  });
});
