import { createGraphClient } from './client';
import { budgetedPages, createRequestBudget } from './request-budget';

function setup(requests = 5, windowSeconds = 10) {
  let now = 0;
  const waits: number[] = [];
  const budget = createRequestBudget({
    requests,
    windowSeconds,
    marginMs: 0,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  });
  return { budget, waits, advance: (ms: number) => (now += ms), time: () => now };
}

/** Takes slots and settles them at once, as if Graph answered instantly. */
async function spend(budget: ReturnType<typeof setup>['budget'], max: number) {
  const taken = await budget.takeUpTo(max);
  taken.settle();
  return taken.count;
}

describe('the reports request budget', () => {
  it('hands out at most the window’s slots at once', async () => {
    const { budget, waits } = setup();
    expect(await spend(budget, 20)).toBe(5);
    expect(waits).toEqual([]);
  });

  it('waits until the oldest slot leaves the window before handing out more', async () => {
    const { budget, waits, advance, time } = setup();
    await spend(budget, 3);
    advance(4_000);
    await spend(budget, 2);
    expect(await spend(budget, 5)).toBe(3);
    expect(time()).toBe(10_000);
    expect(waits).toEqual([6_000]);
  });

  it('counts a slot from when Graph answered, so a slow answer delays the next request', async () => {
    const { budget, advance, time } = setup(1, 10);
    const slow = await budget.takeUpTo(1);
    const next = budget.takeUpTo(1);
    advance(3_000);
    slow.settle();
    await next;
    expect(time()).toBe(13_000);
  });

  it('never lets more than the limit through in any window', async () => {
    const { budget, time } = setup();
    const stamps: number[] = [];
    for (let i = 0; i < 12; i++) {
      const n = await spend(budget, 1);
      for (let k = 0; k < n; k++) stamps.push(time());
    }
    for (const start of stamps) {
      expect(stamps.filter((t) => t >= start && t < start + 10_000).length).toBeLessThanOrEqual(5);
    }
  });

  it('hands out nothing while Graph has asked us to wait', async () => {
    const { budget, time } = setup();
    budget.pause(7);
    await spend(budget, 1);
    expect(time()).toBe(7_000);
  });

  it('estimates the wait for a number of requests', async () => {
    const { budget } = setup();
    expect(budget.secondsFor(5)).toBe(0);
    expect(budget.secondsFor(12)).toBe(20);
  });
});

describe('budgeted paging', () => {
  it('pays for every request, retries included, and waits as long as Graph asks', async () => {
    const { budget, time } = setup(5, 10);
    const answers = [
      () =>
        new Response(JSON.stringify({ error: { code: 'TooManyRequests', message: 'wait' } }), {
          status: 429,
          headers: { 'Retry-After': '7' },
        }),
      () => new Response(JSON.stringify({ value: [1], '@odata.nextLink': 'https://g/next' })),
      () => new Response(JSON.stringify({ value: [2] })),
    ];
    const urls: string[] = [];
    const client = createGraphClient({
      baseUrl: 'https://g',
      getToken: async () => 't',
      sleep: async () => {
        throw new Error('the client must not wait on its own here');
      },
      fetch: async (input) => {
        urls.push(String(input));
        return answers[urls.length - 1]!();
      },
    });
    const values: number[] = [];
    for await (const page of budgetedPages<number>(client, budget, {
      path: '/r',
      query: { $top: 5 },
    })) {
      values.push(...page.value);
    }
    expect(values).toEqual([1, 2]);
    expect(urls).toEqual(['https://g/r?$top=5', 'https://g/r?$top=5', 'https://g/next']);
    expect(time()).toBe(7_000);
  });
});
