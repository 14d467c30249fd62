/** A time a region's cooperative was dormant: from the month it went inactive to its revival (null: still dormant at the end). */
export interface DormantSpan {
  readonly region: string;
  readonly from: number;
  readonly to: number | null;
}

/** The model's event kinds that open and close a dormant span. */
export const DORMANT_EVENT = 'cooperative-inactive';
export const REVIVED_EVENT = 'cooperative-revived';

/**
 * The dormant spans of each region from a run's events (`cooperative-inactive` opens one,
 * `cooperative-revived` closes it), in event order. Events of other kinds are ignored.
 */
export function dormantSpans(
  events: readonly { readonly month: number; readonly region: string; readonly kind: string }[],
): DormantSpan[] {
  const open = new Map<string, number>();
  const spans: DormantSpan[] = [];
  for (const e of events) {
    if (e.kind === DORMANT_EVENT && !open.has(e.region)) open.set(e.region, e.month);
    else if (e.kind === REVIVED_EVENT && open.has(e.region)) {
      spans.push({ region: e.region, from: open.get(e.region)!, to: e.month });
      open.delete(e.region);
    }
  }
  for (const [region, from] of open) spans.push({ region, from, to: null });
  return spans;
}
