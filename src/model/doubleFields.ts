/**
 * Returns `record` with every field that holds -0 set to +0: for records whose numbers are
 * written `-0` so that V8 stores them as doubles from the start.
 *
 * Why: V8 gives an object's field the representation of the first value stored in it. A
 * field created from the literal `0` is a small-integer field, and the first fraction
 * stored in it changes the representation: the object's hidden class is deprecated, every
 * object of that class is migrated, and every optimized function that relied on the class
 * is thrown away (and compilations in flight are aborted). In a fresh process that happened
 * to the model's hottest functions over and over during the first months of a run (cooperatives,
 * enterprises, a region's flows, the indicators' per-scope sums). `-0` is a double, so a field
 * created from it is a double field; setting it to `0` afterwards keeps the representation and
 * gives the value the model expects (+0, never -0). The values are unchanged, so results are too.
 */
export function doubleFields<T extends object>(record: T): T {
  const fields = record as Record<string, unknown>;
  for (const key of Object.keys(fields)) if (Object.is(fields[key], -0)) fields[key] = 0;
  return record;
}
