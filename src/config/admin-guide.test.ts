import guide from '../../docs/admin-guide.md?raw';
import { VERIFICATION_COLUMNS } from '../graph/verification-records';

/** The JSON body of the guide's request that starts with `request`. */
function body(request: string): { columns: { name: string; required?: boolean }[] } {
  const start = guide.indexOf(request);
  if (start < 0) throw new Error(`no "${request}" in the guide`);
  const block = guide.slice(start, guide.indexOf('```', start));
  return JSON.parse(block.slice(block.indexOf('{'))) as {
    columns: { name: string; required?: boolean }[];
  };
}

describe('docs/admin-guide.md', () => {
  it('creates the verification list with exactly the columns TAP Desk writes', () => {
    const { columns } = body('POST https://graph.microsoft.com/v1.0/sites/<site id>/lists');
    // Title is the list template's own column.
    expect(['Title', ...columns.map((column) => column.name)]).toEqual([...VERIFICATION_COLUMNS]);
    expect(columns.filter((column) => column.required).map((column) => column.name)).toEqual([
      'TargetUserId',
      'TargetUpn',
      'IssuedByUpn',
      'IssuedAt',
      'VerificationMethod',
      'Outcome',
    ]);
  });

  it('lists every column in its table of the list', () => {
    for (const column of VERIFICATION_COLUMNS) {
      expect(guide).toMatch(new RegExp(`^\\| \`${column}\` +\\|`, 'm'));
    }
  });
});
