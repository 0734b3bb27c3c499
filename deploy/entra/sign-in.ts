/**
 * Signing in for the deploy scripts (register-app, smoke): a Microsoft Graph token from the Azure
 * CLI, and the tenant a token is for.
 */
import { execFile } from 'node:child_process';

/** A problem the person fixes (sign in, install the Azure CLI); printed without a stack. */
export class UsageError extends Error {}

function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { shell: process.platform === 'win32', windowsHide: true, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) reject(Object.assign(error, { stderr: String(stderr) }));
        else resolve(String(stdout));
      },
    );
  });
}

/** A Microsoft Graph token from the Azure CLI's sign-in, or a UsageError saying how to get one. */
export async function azureCliToken(tenant: string | undefined): Promise<string> {
  const login = `az login${tenant ? ` --tenant ${tenant}` : ' --tenant <tenant>'} --allow-no-subscriptions`;
  const args = ['account', 'get-access-token', '--resource-type', 'ms-graph'];
  if (tenant) args.push('--tenant', tenant);
  args.push('--query', 'accessToken', '-o', 'tsv');
  try {
    const token = (await run('az', args)).trim();
    if (!token) throw new Error('az printed no token');
    return token;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new UsageError(
        'The Azure CLI (az) is not installed or not on PATH. Install it and run\n' +
          `  ${login}\nor set GRAPH_TOKEN to a Microsoft Graph access token (see --help).`,
      );
    }
    const said = (failure.stderr ?? failure.message).trim().split('\n').slice(-3).join('\n  ');
    throw new UsageError(
      `The Azure CLI gave no Microsoft Graph token. Sign in first:\n  ${login}\n\naz said:\n  ${said}`,
    );
  }
}

/** The token's tenant (`tid`); the token itself is checked by Graph, not here. */
export function tenantOf(token: string): string {
  const payload = token.split('.')[1];
  try {
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as {
      tid?: unknown;
    };
    if (typeof claims.tid === 'string') return claims.tid;
  } catch {
    // not a JWT
  }
  throw new UsageError('The access token is not a Microsoft Entra token (it has no tenant id).');
}
