import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'selfsigned';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LIFETIME_DAYS = 825;

export interface DevCertificate {
  key: string;
  cert: string;
}

/**
 * The localhost certificate for https (MSAL refuses http authorities): made once with
 * `selfsigned`, kept in `.cert/` under the repo root (gitignored) and reused while valid.
 * A lock file stops parallel test workers from writing mismatched key/cert pairs.
 */
export async function ensureDevCertificate(dir = '.cert'): Promise<DevCertificate> {
  const root = resolve(REPO_ROOT, dir);
  const keyPath = join(root, 'localhost-key.pem');
  const certPath = join(root, 'localhost.pem');
  const existing = await readValidPair(keyPath, certPath);
  if (existing) return existing;
  await mkdir(root, { recursive: true });
  const lockPath = join(root, '.lock');
  const lock = await open(lockPath, 'wx').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') return undefined;
    throw error;
  });
  if (!lock) return waitForPair(keyPath, certPath, lockPath);
  try {
    // A day's slack either side of now, for clocks that disagree a little.
    const now = new Date(Date.now() - 86_400_000);
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keyType: 'rsa',
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate: now,
      notAfterDate: new Date(now.getTime() + LIFETIME_DAYS * 86_400_000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
            { type: 7, ip: '::1' },
          ],
        },
      ],
    });
    // Write-then-rename, certificate last: a reader that sees the certificate sees a whole pair.
    await writeFile(`${keyPath}.tmp`, pems.private, { mode: 0o600 });
    await rename(`${keyPath}.tmp`, keyPath);
    await writeFile(`${certPath}.tmp`, pems.cert);
    await rename(`${certPath}.tmp`, certPath);
    return { key: pems.private, cert: pems.cert };
  } finally {
    await lock.close();
    await rm(lockPath, { force: true });
  }
}

async function readValidPair(
  keyPath: string,
  certPath: string,
): Promise<DevCertificate | undefined> {
  try {
    const [key, cert] = await Promise.all([readFile(keyPath, 'utf8'), readFile(certPath, 'utf8')]);
    const x509 = new X509Certificate(cert);
    // Valid from before now as well as until after tomorrow: a certificate made under a clock
    // set ahead (faketime in CI) is not yet valid once the clock is back.
    const valid =
      Date.parse(x509.validFrom) <= Date.now() &&
      Date.parse(x509.validTo) > Date.now() + 86_400_000 &&
      x509.checkPrivateKey(createPrivateKey(key));
    return valid ? { key, cert } : undefined;
  } catch {
    return undefined;
  }
}

async function waitForPair(keyPath: string, certPath: string, lockPath: string) {
  for (let waited = 0; waited < 30_000; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
    const pair = await readValidPair(keyPath, certPath);
    if (pair) return pair;
  }
  throw new Error(`Timed out waiting for the dev certificate; remove ${lockPath} if it is stale.`);
}
