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
  /** Which agent watched (0-based); an agent watching callers in turn has one result each. */
  agent: number;
  userPrincipalName: string;
  /** Virtual milliseconds from the phone action to the read that showed it. */
  detectedAfterMs: number | null;
  reads: number;
  throttled: number;
  /** What the agent's page would have shown as an error; null when none. */
  error: string | null;
  /** The longest "Checking every N s (shared Graph limit)" the agent's view showed. */
  longestSharedSeconds: number | null;
  /** Every wait between two reads of this caller, in virtual ms. */
  delays: number[];
  /** Of those, the waits after a read's first refusal. */
  firstRetries: number[];
}

export interface SimulationOptions {
  agents: number;
  /** Callers each agent watches in turn, each on a freshly opened page (a new pace). */
  callersEach?: number;
  /** When agent i opens its first caller's page, in virtual ms. */
  startAt?: (i: number) => number;
  /**
   * How long after agent i's page first shows caller `turn` (a read got through) the caller
   * registers Authenticator on their phone, in virtual ms.
   */
  actAfter?: (i: number, turn: number) => number;
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
 * `agents` helpdesk agents of one app, each watching different callers with the live view's own
 * code path (watchLive: createLivePace, readLive, the methods read), while each caller redeems
 * their pass and registers Authenticator. Start the emulator with `now: time.now`.
 */
export async function simulateAgents(
  env: TestEnv,
  time: VirtualTime,
  options: SimulationOptions,
): Promise<AgentResult[]> {
  const each = options.callersEach ?? 1;
  const startAt = options.startAt ?? ((i) => i * 500);
  // The phone actions land at golden-ratio steps over half a minute: every phase of the poll.
  const actAfter =
    options.actAfter ?? ((i, turn) => (((i * each + turn) * 0.618_034) % 1) * 30_000);
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
  const phone = async (upn: string, body: object) => {
    const answer = await env.call(`/emulator/users/${encodeURIComponent(upn)}/phone`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`Phone action failed: ${await answer.text()}`);
  };
  const all = callers(env, options.agents * each);
  const watchOne = async (i: number, turn: number): Promise<AgentResult> => {
    const { user, pass } = all[i * each + turn]!;
    const result: AgentResult = {
      agent: i,
      userPrincipalName: user.userPrincipalName,
      detectedAfterMs: null,
      reads: 0,
      throttled: 0,
      error: null,
      longestSharedSeconds: null,
      delays: [],
      firstRetries: [],
    };
    let actedAt: number | null = null;
    let refusedInARow = 0;
    let acting: Promise<void> | undefined;
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
        sleep: (ms) => {
          result.delays.push(ms);
          if (refusedInARow === 1) result.firstRetries.push(ms);
          return time.sleep(ms);
        },
        read: async (signal) => {
          result.reads++;
          try {
            const methods = splitMethods(
              await listAuthenticationMethods(client, user.id, signal, { maxRetries: 0 }),
            );
            refusedInARow = 0;
            acting ??= time.spawn(async () => {
              await time.sleep(actAfter(i, turn));
              await phone(user.userPrincipalName, { action: 'redeem-tap', tap: pass });
              // Time stands still during the request, so this is when the change lands.
              actedAt = time.now();
              await phone(user.userPrincipalName, { action: 'register-authenticator' });
            });
            return methods;
          } catch (error) {
            if (isGraphError(error, 429)) {
              result.throttled++;
              refusedInARow++;
            }
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
    await acting;
    return result;
  };
  const runs = Array.from({ length: options.agents }, (_, i) =>
    time.spawn(async () => {
      await time.sleep(startAt(i));
      const results: AgentResult[] = [];
      for (let turn = 0; turn < each; turn++) results.push(await watchOne(i, turn));
      return results;
    }),
  );
  time.start();
  return (await Promise.all(runs)).flat();
}

/** The p-th percentile (0 to 100) of some numbers, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? NaN;
}
