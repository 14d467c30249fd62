import { createHash } from 'node:crypto';
import { InputError } from '../../core/errors.js';
import { decodeTree, encodeTree, typedKind, type Blob, type TypedKind } from './stateTree.js';

/**
 * Version of the state file layout and of what its header holds. A file of another
 * format is refused: restoring it could not be trusted to continue the same run.
 */
export const STATE_FORMAT = 1;

/** The first 8 bytes of every state file. */
const MAGIC = 'KOPSTATE';

/** What a state file's header says about where it came from, besides the state itself. */
export interface StateFileHeader {
  readonly format: number;
  readonly kopsimVersion: string;
}

/**
 * A state file:
 *
 *     "KOPSTATE" | u32 header bytes | u32 blob count | header JSON (UTF-8) | padding to 8
 *     | blobs, each padded to 8 bytes | sha256 of everything before (32 bytes)
 *
 * The header JSON holds `format`, `kopsimVersion`, the blob table (`kind`, `offset`,
 * `bytes`, offsets from the first blob) and `state`, the JSON tree of the state in which
 * every typed array is a `{ $typed, blob }` reference (stateTree.ts). Typed arrays are
 * stored as their raw bytes, little-endian as on every platform Node runs on.
 */
export function encodeStateFile(state: unknown, kopsimVersion: string): Uint8Array {
  const views: ArrayBufferView[] = [];
  const tree = encodeTree(state, views);
  let offset = 0;
  const table = views.map((v) => {
    const entry = { kind: typedKind(v), offset, bytes: v.byteLength };
    offset += pad8(v.byteLength);
    return entry;
  });
  const header = Buffer.from(
    JSON.stringify({ format: STATE_FORMAT, kopsimVersion, blobs: table, state: tree }),
    'utf8',
  );
  const start = pad8(16 + header.length);
  const out = Buffer.alloc(start + offset + 32);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(header.length, 8);
  out.writeUInt32LE(views.length, 12);
  header.copy(out, 16);
  views.forEach((v, i) => {
    out.set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength), start + table[i].offset);
  });
  createHash('sha256')
    .update(out.subarray(0, out.length - 32))
    .digest()
    .copy(out, out.length - 32);
  return out;
}

function pad8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

/** Whether the bytes start like a state file (so that kopsim may overwrite the file: it wrote it). */
export function looksLikeStateFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && Buffer.from(bytes.subarray(0, 8)).toString('latin1') === MAGIC;
}

/**
 * Reads a state file written by {@link encodeStateFile}. A file that is not one, is
 * truncated or corrupt (checksum), or was written by another format or kopsim version is
 * refused with an InputError (exit 2) naming `source` and saying which.
 */
export function decodeStateFile(
  bytes: Uint8Array,
  source: string,
  kopsimVersion: string,
): { header: StateFileHeader; state: unknown } {
  const fail = (message: string, found?: unknown): never => {
    throw new InputError(source, [{ path: source, message, found }]);
  };
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!looksLikeStateFile(buf)) fail('is not a kopsim state file (it does not start with KOPSTATE)');
  if (buf.length < 16 + 32) fail(`is truncated (${buf.length} bytes)`);
  const headerBytes = buf.readUInt32LE(8);
  if (16 + headerBytes + 32 > buf.length)
    fail(`is truncated: its header alone needs ${16 + headerBytes} bytes, the file has ${buf.length}`);
  const digest = createHash('sha256')
    .update(buf.subarray(0, buf.length - 32))
    .digest();
  if (!digest.equals(buf.subarray(buf.length - 32)))
    fail('is corrupt or truncated: its checksum does not match its contents');
  let header: {
    format?: unknown;
    kopsimVersion?: unknown;
    blobs?: { kind: TypedKind; offset: number; bytes: number }[];
    state?: unknown;
  };
  try {
    header = JSON.parse(buf.subarray(16, 16 + headerBytes).toString('utf8'));
  } catch (error) {
    return fail(`has an unreadable header: ${(error as Error).message}`);
  }
  if (header.format !== STATE_FORMAT)
    fail(
      `was written in state format ${String(header.format)}; this kopsim reads format ${STATE_FORMAT}`,
      header.format,
    );
  if (header.kopsimVersion !== kopsimVersion)
    fail(
      `was written by kopsim ${String(header.kopsimVersion)}; this is kopsim ${kopsimVersion}, which cannot promise to continue that run the same way`,
      header.kopsimVersion,
    );
  const start = pad8(16 + headerBytes);
  const blobs: Blob[] = (header.blobs ?? []).map((b) => {
    const from = start + b.offset;
    if (from + b.bytes > buf.length - 32) fail(`is truncated: blob at ${from} runs past the end`);
    return { kind: b.kind, bytes: buf.subarray(from, from + b.bytes) };
  });
  return {
    header: { format: STATE_FORMAT, kopsimVersion },
    state: decodeTree(header.state, blobs),
  };
}
