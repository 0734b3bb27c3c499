/**
 * A bench site (the production build and its emulator, `tests/support/production-site.ts`) on a
 * thread of its own. Graph runs elsewhere than the client measuring it; here every tenant's
 * emulator would otherwise share the bench's one event loop, so a 150,000-user tenant's work
 * delayed the answers of every other tenant measured beside it, and the driver's own timing.
 */
import { once } from 'node:events';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { EmulatorSettings } from '../emulator/index';
import { startProductionSite } from '../tests/support/production-site';

interface SiteRequest {
  distDir: string;
  basePath: string;
  settings: Partial<EmulatorSettings>;
}

interface SiteAddress {
  url: string;
  emulatorOrigin: string;
}

export interface SiteOnThread extends SiteAddress {
  close(): Promise<void>;
}

export async function startSiteOnThread(request: SiteRequest): Promise<SiteOnThread> {
  const worker = new Worker(new URL('./site-thread-entry.mjs', import.meta.url), {
    workerData: request,
  });
  const [message] = (await Promise.race([
    once(worker, 'message'),
    once(worker, 'error').then(([error]) => Promise.reject(error as Error)),
  ])) as [SiteAddress];
  return {
    ...message,
    async close() {
      worker.postMessage('close');
      await once(worker, 'exit');
    },
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const site = await startProductionSite(workerData as SiteRequest);
  port.postMessage({ url: site.url, emulatorOrigin: site.emulatorOrigin } satisfies SiteAddress);
  port.once('message', () => {
    void site.close().then(() => port.close());
  });
}
