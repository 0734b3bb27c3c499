import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isStage, isStalledReason, type Stage, type StalledReason } from './stages';

export interface PilotParams {
  groupId: string | null;
  stage: Stage | null;
  stalled: StalledReason | null;
  search: string;
  stalledAfterHours: number | null;
  noTapAfterDays: number | null;
}

type ParamPatch = Partial<Record<keyof PilotParams, string | number | null>>;

const NAMES: Record<keyof PilotParams, string> = {
  groupId: 'group',
  stage: 'stage',
  stalled: 'stalled',
  search: 'q',
  stalledAfterHours: 'hours',
  noTapAfterDays: 'days',
};

function positiveInteger(value: string | null): number | null {
  const number = Number(value);
  return value && Number.isInteger(number) && number > 0 ? number : null;
}

/** The dashboard's selection lives in the URL, so a view can be shared or bookmarked. */
export function usePilotParams(): [
  PilotParams,
  (patch: ParamPatch, options?: { replace?: boolean }) => void,
] {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo<PilotParams>(() => {
    const stage = searchParams.get(NAMES.stage);
    const stalled = searchParams.get(NAMES.stalled);
    return {
      groupId: searchParams.get(NAMES.groupId),
      stage: isStage(stage) ? stage : null,
      stalled: isStalledReason(stalled) ? stalled : null,
      search: searchParams.get(NAMES.search) ?? '',
      stalledAfterHours: positiveInteger(searchParams.get(NAMES.stalledAfterHours)),
      noTapAfterDays: positiveInteger(searchParams.get(NAMES.noTapAfterDays)),
    };
  }, [searchParams]);
  const update = useCallback(
    (patch: ParamPatch, options?: { replace?: boolean }) =>
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            const name = NAMES[key as keyof PilotParams];
            if (value === null || value === '' || value === undefined) next.delete(name);
            else next.set(name, String(value));
          }
          return next;
        },
        // Typing in the search box replaces the entry; choosing a group or stage adds one.
        { replace: options?.replace ?? false },
      ),
    [setSearchParams],
  );
  return [params, update];
}
