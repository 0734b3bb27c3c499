/**
 * Goal 5 of issue #14: a helpdesk agent types a caller's name into the user search at several
 * speeds; the emulator's log counts the user searches (`GET /users`) that reached Graph. Each
 * speed starts on a freshly loaded page with an empty box, so no answer is served from the
 * previous one's cache.
 */
import { ACCOUNTS, type BenchSite } from './site';

export const TYPED_NAME = 'Björn Andersson';
/** Milliseconds between keystrokes: a fast typist, an ordinary one, a slow one, hunt-and-peck. */
export const TYPING_DELAYS = [40, 120, 250, 450];
/** Quiet time after the answer shows, for any request still to come to be counted. */
const SETTLE_MS = 1_500;

export interface SearchFigures {
  delayMs: number;
  /** `GET /graph/v1.0/users` requests (the search itself). */
  searches: number;
  /** Every Graph request in the same time (searches plus the status chips' method reads). */
  graphRequests: number;
}

const isUserSearch = (path: string) => /^\/graph\/v1\.0\/users(\?|$)/.test(path);

export async function searchFigures(site: BenchSite): Promise<SearchFigures[]> {
  const page = await site.signedIn(ACCOUNTS.helpdesk);
  const results: SearchFigures[] = [];
  for (const delayMs of TYPING_DELAYS) {
    // By way of a blank page: opening the same address again reloads the history entry, and
    // the entry keeps the last search (Back, Forward and reload bring it back), so the name
    // typed next was mixed into the one before and the restored search was counted too.
    await page.goto('about:blank');
    await page.goto(site.at('helpdesk'));
    const box = page.getByLabel('Find a user');
    await box.waitFor();
    const left = await box.inputValue();
    if (left !== '') throw new Error(`bench: the search box opened holding "${left}"`);
    await site.clearLog();
    await box.pressSequentially(TYPED_NAME, { delay: delayMs });
    await page
      .getByRole('list', { name: 'Search results' })
      .or(page.getByText(/^No user matches/))
      .first()
      .waitFor({ timeout: 60_000 });
    await page.waitForTimeout(SETTLE_MS);
    const log = await site.graphLog();
    results.push({
      delayMs,
      searches: log.filter((entry) => !entry.batch && isUserSearch(entry.path)).length,
      graphRequests: log.filter((entry) => !entry.batch).length,
    });
  }
  await page.context().close();
  return results;
}
