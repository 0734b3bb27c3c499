import { AUDIENCE_SCOPES } from '../../src/auth/scopes';
import {
  listAuthenticationMethods,
  onboardingStage,
  splitMethods,
} from '../../src/graph/authentication-methods';
import { createGraphClient } from '../../src/graph/client';
import { isGraphError } from '../../src/graph/errors';
import { createLivePace, watchLive } from '../../src/graph/live-pace';
import { isTargeted } from '../directory';
import { tapUsability } from '../tap';
import { tokensFor, type TestEnv } from './support';

/**
 * Time for a simulation: it stands still while anyone is working (an HTTP request runs in real
 * time) and jumps to the next wake-up once every task sleeps, so minutes of 10-second windows
 * pass in seconds. Hand `now` to the emulator (`startTestEmulator(…, { now })`) so its limiters
 * count in the same time.
 */
export class VirtualTime {
  private current: number;
  private sleepers: { at: number; wake: () => void }[] = [];
  // Held at 1 until every task is spawned, so the first sleeper does not move the clock.
  private running = 1;

  constructor(start = Date.now()) {
    this.current = start;
  }

  readonly now = () => this.current;

  readonly sleep = (ms: number) =>
    new Promise<void>((wake) => {
      this.sleepers.push({ at: this.current + ms, wake });
      this.advance();
    });

  spawn<T>(task: () => Promise<T>): Promise<T> {
    this.running++;
    return task().finally(() => {
      this.running--;
      this.advance();
    });
  }

  /** Every task is spawned: time may move. */
  start(): void {
    this.running--;
    this.advance();
  }

  private advance(): void {
    if (this.sleepers.length === 0 || this.sleepers.length < this.running) return;
    this.sleepers.sort((a, b) => a.at - b.at);
    this.current = Math.max(this.current, this.sleepers[0]!.at);
    const due = this.sleepers.filter((s) => s.at <= this.current);
    this.sleepers = this.sleepers.filter((s) => s.at > this.current);
    for (const sleeper of due) sleeper.wake();
  }
}

export interface AgentResult {
  userPrincipalName: string;
  /** Virtual milliseconds from the phone action to the read that showed it. */
  detectedAfterMs: number | null;
  reads: number;
  throttled: number;
  /** What the agent's page would have shown as an error; null when none. */
  error: string | null;
  /** The longest "Checking every N s (shared Graph limit)" the agent's view showed. */
  longestSharedSeconds: number | null;
}

export interface SimulationOptions {
  agents: number;
  /** When agent i opens the user's page, in virtual ms. */
  startAt?: (i: number) => number;
  /** When user i registers Authenticator on their phone, in virtual ms. */
  actAt?: (i: number) => number;
}

/** Users with an unused, valid pass and nothing registered yet: each can act on a phone. */
function callers(env: TestEnv, count: number) {
  const tenant = env.emulator.state;
  const now = Date.now();
  const found = tenant.users.filter((user) => {
    const methods = tenant.authMethods.get(user.id);
    const tap = methods?.temporaryAccessPass;
    return (
      tap &&
      tap.usedDateTime === null &&
      tapUsability(tap, tenant.tapPolicy, now + 30 * 60_000).isUsable &&
      methods.microsoftAuthenticator.length === 0 &&
      methods.fido2.length === 0 &&
      isTargeted(tenant, tenant.tapPolicy, user.id) &&
      isTargeted(tenant, tenant.authenticatorPolicy, user.id)
    );
  });
  if (found.length < count) throw new Error(`Only ${found.length} callers can act.`);
  return found.slice(0, count).map((user) => ({
    user,
    pass: tenant.authMethods.get(user.id)!.temporaryAccessPass!.secret,
  }));
}

/**
 * `agents` helpdesk agents of one app, each watching a different caller with the live view's own
 * code path (watchLive: createLivePace, readLive, the methods read), while each caller redeems
 * their pass and registers Authenticator. Start the emulator with `now: time.now`.
 */
export async function simulateAgents(
  env: TestEnv,
  time: VirtualTime,
  options: SimulationOptions,
): Promise<AgentResult[]> {
  const startAt = options.startAt ?? ((i) => i * 500);
  const actAt = options.actAt ?? ((i) => 60_000 + i * 3_000);
  const { access_token: token } = await tokensFor(
    env,
    'helen.helpdesk@contoso.com',
    ['openid', ...AUDIENCE_SCOPES.helpdesk].join(' '),
  );
  const client = createGraphClient({
    baseUrl: `${env.origin}/graph/v1.0`,
    getToken: () => Promise.resolve(token),
    fetch: env.fetch,
    sleep: time.sleep,
  });
  const phone = (upn: string, body: object) =>
    env.call(`/emulator/users/${encodeURIComponent(upn)}/phone`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const runs = callers(env, options.agents).map(({ user, pass }, i) => {
    const result: AgentResult = {
      userPrincipalName: user.userPrincipalName,
      detectedAfterMs: null,
      reads: 0,
      throttled: 0,
      error: null,
      longestSharedSeconds: null,
    };
    let actedAt: number | null = null;
    const acting = time.spawn(async () => {
      await time.sleep(actAt(i));
      for (const body of [
        { action: 'redeem-tap', tap: pass },
        { action: 'register-authenticator' },
      ]) {
        const answer = await phone(user.userPrincipalName, body);
        if (!answer.ok) throw new Error(`Phone action failed: ${await answer.text()}`);
      }
      actedAt = time.now();
    });
    const watching = time.spawn(async () => {
      await time.sleep(startAt(i));
      const pace = createLivePace();
      pace.subscribe(() => {
        const seconds = pace.sharedLimitSeconds();
        if (seconds !== null && seconds > (result.longestSharedSeconds ?? 0)) {
          result.longestSharedSeconds = seconds;
        }
      });
      try {
        await watchLive({
          pace,
          sleep: time.sleep,
          read: async (signal) => {
            result.reads++;
            try {
              return splitMethods(
                await listAuthenticationMethods(client, user.id, signal, { maxRetries: 0 }),
              );
            } catch (error) {
              if (isGraphError(error, 429)) result.throttled++;
              throw error;
            }
          },
          stageOf: (m) => onboardingStage(m.taps, m.authenticators, m.fido2),
          until: (m) => m.authenticators.length > 0,
        });
        result.detectedAfterMs = time.now() - (actedAt ?? time.now());
      } catch (error) {
        result.error = error instanceof Error ? error.message : String(error);
      }
    });
    return Promise.all([acting, watching]).then(() => result);
  });
  time.start();
  return Promise.all(runs);
}

/** The p-th percentile (0 to 100) of some numbers, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? NaN;
}
