import { describe, expect, it } from 'vitest';
import { csvCell, rowsToCsv } from './csv';
import type { AuditRow } from './reconcile';

describe('csvCell', () => {
  it('escapes quotes, commas and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(undefined)).toBe('');
  });

  it('keeps text a spreadsheet would run as a formula inert', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('rowsToCsv', () => {
  it('writes a header and one line per row, with anomalies and roles', () => {
    const row: AuditRow = {
      id: 'Directory_1',
      kind: 'tapCreated',
      at: '2026-11-20T09:00:00.000Z',
      actor: { userName: 'Gail Global', userUpn: 'gail@contoso.com', appName: 'Azure Portal' },
      target: { id: 'u1', displayName: 'Kim', upn: 'kim@contoso.com' },
      what: 'Admin registered temporary access pass method for user',
      succeeded: true,
      anomalies: ['noVerification', 'adminTarget'],
      targetRoles: ['Global Administrator'],
    };
    const [header, line, end] = rowsToCsv([row]).replace('\uFEFF', '').split('\r\n');
    expect(header).toMatch(/^When \(UTC\),Activity,Result,/);
    expect(line).toBe(
      '2026-11-20T09:00:00.000Z,TAP created,success,Gail Global,gail@contoso.com,Azure Portal,' +
        'Kim,kim@contoso.com,u1,Admin registered temporary access pass method for user,,,,,,' +
        'No verification record; Admin account; Roles: Global Administrator',
    );
    expect(end).toBe('');
  });
});
