/**
 * Short names of the six roadmap stages, for tables and legends. These mirror
 * `STAGE_NAMES` in `model/stages.ts` (report may not import the model's processes); a
 * test checks that the two agree.
 */
export const STAGE_LABELS: Readonly<Record<number, string>> = {
  1: 'awareness',
  2: 'enterprises and integration',
  3: 'regional potential',
  4: 'education institution',
  5: 'federation',
  6: 'social programs',
};

/** "Stage 3: regional potential". */
export function stageTitle(k: number): string {
  return `Stage ${k}: ${STAGE_LABELS[k] ?? 'unknown'}`;
}
