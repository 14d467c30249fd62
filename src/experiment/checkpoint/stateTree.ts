/*
 * A generic codec between a state object (plain records, arrays, Maps, typed arrays,
 * numbers, strings, booleans, null, undefined) and a JSON-safe tree plus a list of typed
 * arrays kept apart as binary blobs. It knows nothing about the model: whatever columns
 * or record fields the world gains are saved and restored without changing this file.
 */

/** The typed-array kinds a state may hold, by constructor name. */
const TYPED = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;
export type TypedKind = keyof typeof TYPED;

/** Thrown when a state holds something the codec cannot save (a bug in the caller, not bad input). */
export class StateShapeError extends Error {}

/**
 * Encodes `value` as a JSON-safe tree; typed arrays are appended to `blobs` and replaced
 * by `{ $typed, blob }`; NaN, infinities, -0 and undefined become `{ $number }` and
 * `{ $undefined }`, Maps `{ $map: [[key, value], ...] }`. An object reached more than once
 * (shared, or a cycle) is written once as `{ $id, $value }` and then as `{ $ref }`, so
 * that restoring keeps the sharing. A typed array that is a view into a larger buffer,
 * a function or a class instance is refused with its path.
 */
export function encodeTree(value: unknown, blobs: ArrayBufferView[]): unknown {
  const counts = new Map<object, number>();
  countReferences(value, counts);
  const ids = new Map<object, number>();
  return encodeNode(value, blobs, 'state', counts, ids);
}

function countReferences(value: unknown, counts: Map<object, number>): void {
  if (value === null || typeof value !== 'object') return;
  const n = counts.get(value) ?? 0;
  counts.set(value, n + 1);
  if (n > 0 || ArrayBuffer.isView(value)) return;
  if (value instanceof Map)
    for (const [k, v] of value) {
      countReferences(k, counts);
      countReferences(v, counts);
    }
  else for (const v of Object.values(value)) countReferences(v, counts);
}

function encodeNode(
  value: unknown,
  blobs: ArrayBufferView[],
  path: string,
  counts: Map<object, number>,
  ids: Map<object, number>,
): unknown {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { $number: 'NaN' };
    if (value === Infinity) return { $number: 'Infinity' };
    if (value === -Infinity) return { $number: '-Infinity' };
    if (Object.is(value, -0)) return { $number: '-0' };
    return value;
  }
  if (value === undefined) return { $undefined: true };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value !== 'object') throw new StateShapeError(`${path}: cannot save a ${typeof value}`);
  const seen = ids.get(value);
  if (seen !== undefined) return { $ref: seen };
  if ((counts.get(value) ?? 0) <= 1) return encodeObject(value, blobs, path, counts, ids);
  const id = ids.size;
  ids.set(value, id);
  return { $id: id, $value: encodeObject(value, blobs, path, counts, ids) };
}

function encodeObject(
  value: object,
  blobs: ArrayBufferView[],
  path: string,
  counts: Map<object, number>,
  ids: Map<object, number>,
): unknown {
  if (ArrayBuffer.isView(value)) {
    const kind = value.constructor.name as TypedKind;
    if (!(kind in TYPED)) throw new StateShapeError(`${path}: cannot save a ${value.constructor.name}`);
    if (value.byteOffset !== 0 || value.byteLength !== value.buffer.byteLength)
      throw new StateShapeError(`${path}: is a view into a larger buffer`);
    blobs.push(value);
    return { $typed: kind, blob: blobs.length - 1 };
  }
  if (Array.isArray(value)) return value.map((v, i) => encodeNode(v, blobs, `${path}[${i}]`, counts, ids));
  if (value instanceof Map)
    return {
      $map: [...value].map(([k, v], i) => [
        encodeNode(k, blobs, `${path}.key${i}`, counts, ids),
        encodeNode(v, blobs, `${path}.get(${String(k)})`, counts, ids),
      ]),
    };
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    throw new StateShapeError(`${path}: cannot save an instance of ${proto?.constructor?.name ?? 'a class'}`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'function') throw new StateShapeError(`${path}.${k}: cannot save a function`);
    out[k] = encodeNode(v, blobs, `${path}.${k}`, counts, ids);
  }
  return out;
}

/** A blob as read back: its kind and its bytes. */
export interface Blob {
  readonly kind: TypedKind;
  readonly bytes: Uint8Array;
}

/** Rebuilds a value from {@link encodeTree}'s tree; typed arrays are fresh copies of their blobs, shared objects shared again. */
export function decodeTree(tree: unknown, blobs: readonly Blob[]): unknown {
  return decodeNode(tree, blobs, new Map(), new Map());
}

function decodeNode(
  tree: unknown,
  blobs: readonly Blob[],
  byId: Map<number, unknown>,
  typed: Map<number, unknown>,
): unknown {
  if (tree === null || typeof tree !== 'object') return tree;
  if (Array.isArray(tree)) return tree.map((t) => decodeNode(t, blobs, byId, typed));
  const t = tree as Record<string, unknown>;
  if ('$ref' in t) {
    if (!byId.has(t.$ref as number)) throw new StateShapeError(`reference ${String(t.$ref)} comes before its object`);
    return byId.get(t.$ref as number);
  }
  if ('$id' in t) return decodeShared(t.$id as number, t.$value, blobs, byId, typed);
  if ('$typed' in t) {
    const tag = t as unknown as { $typed: TypedKind; blob: number };
    if (!typed.has(tag.blob)) typed.set(tag.blob, typedOf(tag, blobs));
    return typed.get(tag.blob);
  }
  if ('$map' in t) return fillMap(new Map(), t, blobs, byId, typed);
  if ('$number' in t) return t.$number === '-0' ? -0 : Number(t.$number);
  if ('$undefined' in t) return undefined;
  return fillRecord({}, t, blobs, byId, typed);
}

/** A shared object: registered before its contents are decoded, so that a cycle back to it resolves. */
function decodeShared(
  id: number,
  tree: unknown,
  blobs: readonly Blob[],
  byId: Map<number, unknown>,
  typed: Map<number, unknown>,
): unknown {
  if (tree === null || typeof tree !== 'object' || '$typed' in tree) {
    const value = decodeNode(tree, blobs, byId, typed);
    byId.set(id, value);
    return value;
  }
  if (Array.isArray(tree)) {
    const out: unknown[] = [];
    byId.set(id, out);
    for (const t of tree) out.push(decodeNode(t, blobs, byId, typed));
    return out;
  }
  const t = tree as Record<string, unknown>;
  if ('$map' in t) {
    const out = new Map();
    byId.set(id, out);
    return fillMap(out, t, blobs, byId, typed);
  }
  const out: Record<string, unknown> = {};
  byId.set(id, out);
  return fillRecord(out, t, blobs, byId, typed);
}

function fillMap(
  out: Map<unknown, unknown>,
  t: Record<string, unknown>,
  blobs: readonly Blob[],
  byId: Map<number, unknown>,
  typed: Map<number, unknown>,
): Map<unknown, unknown> {
  for (const [k, v] of t.$map as [unknown, unknown][])
    out.set(decodeNode(k, blobs, byId, typed), decodeNode(v, blobs, byId, typed));
  return out;
}

function fillRecord(
  out: Record<string, unknown>,
  t: Record<string, unknown>,
  blobs: readonly Blob[],
  byId: Map<number, unknown>,
  typed: Map<number, unknown>,
): Record<string, unknown> {
  for (const [k, v] of Object.entries(t)) out[k] = decodeNode(v, blobs, byId, typed);
  return out;
}

function typedOf(tag: { $typed: TypedKind; blob: number }, blobs: readonly Blob[]): unknown {
  const blob = blobs[tag.blob];
  const Ctor = TYPED[tag.$typed];
  if (!blob || !Ctor || blob.kind !== tag.$typed)
    throw new StateShapeError(`blob ${tag.blob} is missing or not a ${tag.$typed}`);
  const copy = new Uint8Array(blob.bytes.byteLength);
  copy.set(blob.bytes);
  return new Ctor(copy.buffer, 0, blob.bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
}

/** The kind of each typed array: the constructor name, for the file's blob table. */
export function typedKind(view: ArrayBufferView): TypedKind {
  return view.constructor.name as TypedKind;
}

/**
 * The shape of a state: each path to a typed array with its kind (and length when
 * `lengths`), each record path with its sorted keys. Arrays of records contribute the
 * shape of their elements under `[]`. Two states with the same shape hold the same
 * columns and fields; used to reject a state file whose columns differ from this
 * kopsim's world.
 */
export function shapeOf(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (value === null || typeof value !== 'object') return out;
  if (ArrayBuffer.isView(value)) {
    out.set(path, typedKind(value));
    return out;
  }
  if (Array.isArray(value)) {
    for (const v of value) shapeOf(v, `${path}[]`, out);
    return out;
  }
  if (value instanceof Map) return out;
  const keys = Object.keys(value).sort();
  out.set(path, `{${keys.join(',')}}`);
  for (const k of keys) shapeOf((value as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out);
  return out;
}
