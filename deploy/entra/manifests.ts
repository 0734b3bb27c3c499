/** The two app registrations as code (decision 0020), read from their files and checked. */
import { readFileSync } from 'node:fs';
import { parseManifest, type Manifest } from './manifest';

export type AppKey = 'main' | 'reports';

/** TAP Desk (sign-in, app roles, the helpdesk's writes) first: Reports is applied after it. */
export const MANIFEST_FILES: Record<AppKey, string> = {
  main: 'deploy/entra/app-registration.json',
  reports: 'deploy/entra/app-registration-reports.json',
};

const fileOf = (key: AppKey) =>
  new URL(`./${MANIFEST_FILES[key].split('/').pop() as string}`, import.meta.url);

export function readManifest(key: AppKey): Manifest {
  return parseManifest(JSON.parse(readFileSync(fileOf(key), 'utf8')));
}

export function readManifests(): Record<AppKey, Manifest> {
  return { main: readManifest('main'), reports: readManifest('reports') };
}
