import { queryOptions } from '@tanstack/react-query';
import type { GraphClient } from '../../graph/client';
import { evaluateReadiness } from './checks';
import { readReadinessInputs, type ReadinessConfig } from './reads';

export const readinessKeys = {
  all: ['readiness'] as const,
  checks: () => [...readinessKeys.all, 'checks'] as const,
};

/** Every check, judged from one round of reads; a refetch reads the tenant again. */
export function readinessQuery(client: GraphClient, config: ReadinessConfig) {
  return queryOptions({
    queryKey: readinessKeys.checks(),
    queryFn: async ({ signal }) =>
      evaluateReadiness(await readReadinessInputs(client, config, signal)),
    staleTime: 30_000,
  });
}
