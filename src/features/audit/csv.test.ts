import { describe, expect, it } from 'vitest';
import type { VerificationRecord } from '../../graph/verification-records';
import type { Attempt } from './attempts';
import { rowsToCsv } from './csv';
import type { AuditRow } from './audit-row';

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
    expect(header).toMatch(/^"When \(UTC\)","Activity","Result",/);
    expect(line).toBe(
      '"2026-11-20T09:00:00.000Z","TAP created","success","Gail Global","gail@contoso.com",' +
        '"Azure Portal","Kim","kim@contoso.com","u1",' +
        '"Admin registered temporary access pass method for user","","","","","",' +
        '"No verification record; Admin account; Roles: Global Administrator",""',
    );
    expect(end).toBe('');
  });

  it('names every item of the attempt, and says beside the flags what was found', () => {
    const pending = { itemId: '7' } as VerificationRecord;
    const completion = { itemId: '9' } as VerificationRecord;
    const row: AuditRow = {
      id: 'Directory_3',
      kind: 'tapCreated',
      at: '2026-11-20T09:00:00.000Z',
      actor: { userName: 'Helen Helpdesk', userUpn: 'helen@contoso.com' },
      target: { id: 'u3', upn: 'jo@contoso.com' },
      what: '',
      succeeded: true,
      verification: pending,
      attempt: { items: [pending, completion] } as Attempt,
      matchedBy: 'time',
      anomalies: ['issuerNotAuthor'],
      findings: {
        issuerNotAuthor: 'It names sam@contoso.com as issuer; SharePoint says Helen wrote it.',
      },
    };
    const line = rowsToCsv([row]).split('\r\n')[1] ?? '';
    expect(line).toContain(',"7 9","time","Claims another issuer",');
    expect(line).toMatch(
      /,"It names sam@contoso\.com as issuer; SharePoint says Helen wrote it\."$/,
    );
  });

  it('keeps what people typed from running as a formula, wherever it stands in the cell', () => {
    const row: AuditRow = {
      id: 'Directory_2',
      kind: 'tapCreated',
      at: '2026-11-20T09:00:00.000Z',
      actor: { userName: 'x;=1+1', userUpn: 'helen@contoso.com' },
      target: { id: 'u2', displayName: '＝HYPERLINK("http://evil")', upn: 'eve@contoso.com' },
      what: '',
      succeeded: true,
      anomalies: [],
    };
    const line = rowsToCsv([row]).split('\r\n')[1] ?? '';
    expect(line).toContain(',"x;=1+1",');
    expect(line).toContain(',"\'＝HYPERLINK(""http://evil"")",');
  });
});
