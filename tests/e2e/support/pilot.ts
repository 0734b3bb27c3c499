import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { PILOT_GROUP_ID } from '../../../emulator/constants';
import type { PilotStage as Stage, PilotTruth } from '../../../emulator/pilot-truth';

// The emulator's own stages and count of the pilot: the ground truth the funnel must equal.
export { PILOT_GROUP_ID } from '../../../emulator/constants';
export { PILOT_STAGES as STAGES, type PilotStage as Stage } from '../../../emulator/pilot-truth';
export type Truth = Pick<PilotTruth, 'counts' | 'members'>;

export async function truth(request: APIRequestContext): Promise<Truth> {
  const response = await request.get(`/emulator/pilot/${PILOT_GROUP_ID}/truth`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as Truth;
}

/** The number a funnel bar shows ("1,234 (56%)" -> 1234). */
export async function funnelCount(page: Page, stage: Stage): Promise<number> {
  const text = await page.getByTestId(`funnel-count-${stage}`).innerText();
  return Number(text.split(' ')[0]?.replace(/,/g, ''));
}
