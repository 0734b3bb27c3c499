import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** The demo's pilot group (emulator/constants.ts PILOT_GROUP_ID). */
export const PILOT_GROUP_ID = '5a0c7e21-3f4b-4d6a-8e9c-1b2d3f4a5c60';

export const STAGES = [
  'member',
  'tapIssued',
  'tapUsed',
  'authenticatorRegistered',
  'phoneSignInEnabled',
  'passkeyRegistered',
] as const;
export type Stage = (typeof STAGES)[number];

/** The emulator's own count of the pilot: the ground truth the funnel must equal. */
export interface Truth {
  counts: Record<Stage, number>;
  members: Record<Stage, { id: string; userPrincipalName: string }[]>;
}

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
