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
  return encodeNode(value, 'state', { blobs, counts, ids: new Map() });
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

/** An encoding under way: the blobs so far, how often each object is reached, the ids of shared ones. */
interface Encoding {
  readonly blobs: ArrayBufferView[];
  readonly counts: Map<object, number>;
  readonly ids: Map<object, number>;
}

function encodeNode(value: unknown, path: string, enc: Encoding): unknown {
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
  const seen = enc.ids.get(value);
  if (seen !== undefined) return { $ref: seen };
  if ((enc.counts.get(value) ?? 0) <= 1) return encodeObject(value, path, enc);
  const id = enc.ids.size;
  enc.ids.set(value, id);
  return { $id: id, $value: encodeObject(value, path, enc) };
}

function encodeObject(value: object, path: string, enc: Encoding): unknown {
  if (ArrayBuffer.isView(value)) {
    const kind = value.constructor.name as TypedKind;
    if (!(kind in TYPED)) throw new StateShapeError(`${path}: cannot save a ${value.constructor.name}`);
    if (value.byteOffset !== 0 || value.byteLength !== value.buffer.byteLength)
      throw new StateShapeError(`${path}: is a view into a larger buffer`);
    enc.blobs.push(value);
    return { $typed: kind, blob: enc.blobs.length - 1 };
  }
  if (Array.isArray(value)) return value.map((v, i) => encodeNode(v, `${path}[${i}]`, enc));
  if (value instanceof Map)
    return {
      $map: [...value].map(([k, v], i) => [
        encodeNode(k, `${path}.key${i}`, enc),
        encodeNode(v, `${path}.get(${String(k)})`, enc),
      ]),
    };
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    throw new StateShapeError(`${path}: cannot save an instance of ${proto?.constructor?.name ?? 'a class'}`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'function') throw new StateShapeError(`${path}.${k}: cannot save a function`);
    out[k] = encodeNode(v, `${path}.${k}`, enc);
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
  return decodeNode(tree, { blobs, byId: new Map(), typed: new Map() });
}

/** A decoding under way: the blobs, the shared objects by id, the typed arrays made so far by blob. */
interface Decoding {
  readonly blobs: readonly Blob[];
  readonly byId: Map<number, unknown>;
  readonly typed: Map<number, unknown>;
}

function decodeNode(tree: unknown, dec: Decoding): unknown {
  if (tree === null || typeof tree !== 'object') return tree;
  if (Array.isArray(tree)) return tree.map((t) => decodeNode(t, dec));
  const t = tree as Record<string, unknown>;
  if ('$ref' in t) {
    if (!dec.byId.has(t.$ref as number))
      throw new StateShapeError(`reference ${String(t.$ref)} comes before its object`);
    return dec.byId.get(t.$ref as number);
  }
  if ('$id' in t) return decodeShared(t.$id as number, t.$value, dec);
  if ('$typed' in t) {
    const tag = t as unknown as { $typed: TypedKind; blob: number };
    if (!dec.typed.has(tag.blob)) dec.typed.set(tag.blob, typedOf(tag, dec.blobs));
    return dec.typed.get(tag.blob);
  }
  if ('$map' in t) return fillMap(new Map(), t, dec);
  if ('$number' in t) return t.$number === '-0' ? -0 : Number(t.$number);
  if ('$undefined' in t) return undefined;
  return fillRecord({}, t, dec);
}

/** A shared object: registered before its contents are decoded, so that a cycle back to it resolves. */
function decodeShared(id: number, tree: unknown, dec: Decoding): unknown {
  if (tree === null || typeof tree !== 'object' || '$typed' in tree) {
    const value = decodeNode(tree, dec);
    dec.byId.set(id, value);
    return value;
  }
  if (Array.isArray(tree)) {
    const out: unknown[] = [];
    dec.byId.set(id, out);
    for (const t of tree) out.push(decodeNode(t, dec));
    return out;
  }
  const t = tree as Record<string, unknown>;
  if ('$map' in t) {
    const out = new Map();
    dec.byId.set(id, out);
    return fillMap(out, t, dec);
  }
  const out: Record<string, unknown> = {};
  dec.byId.set(id, out);
  return fillRecord(out, t, dec);
}

function fillMap(out: Map<unknown, unknown>, t: Record<string, unknown>, dec: Decoding): Map<unknown, unknown> {
  for (const [k, v] of t.$map as [unknown, unknown][]) out.set(decodeNode(k, dec), decodeNode(v, dec));
  return out;
}

function fillRecord(out: Record<string, unknown>, t: Record<string, unknown>, dec: Decoding): Record<string, unknown> {
  for (const [k, v] of Object.entries(t)) out[k] = decodeNode(v, dec);
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
