import { cpus, loadavg, totalmem } from 'node:os';

/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The machine a benchmark ran on, recorded with its figures. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly totalMemoryBytes: number;
  readonly node: string;
  readonly v8: string;
  readonly platform: string;
  readonly arch: string;
  /** 1-minute load average when the benchmark started (other programs competing for the cores). */
  readonly loadAverage: number;
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    totalMemoryBytes: totalmem(),
    node: process.version,
    v8: process.versions.v8,
    platform: process.platform,
    arch: process.arch,
    loadAverage: loadavg()[0],
  };
}

/**
 * Bytes of the typed arrays reachable from `root` (each underlying ArrayBuffer counted
 * once, whatever views share it). Walks plain objects, arrays and Maps; skips functions.
 */
export function typedArrayBytes(root: unknown): number {
  const seenObjects = new Set<object>();
  const seenBuffers = new Set<ArrayBufferLike>();
  let bytes = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (seenObjects.has(node)) continue;
    seenObjects.add(node);
    if (ArrayBuffer.isView(node)) {
      if (!seenBuffers.has(node.buffer)) {
        seenBuffers.add(node.buffer);
        bytes += node.buffer.byteLength;
      }
      continue;
    }
    if (node instanceof Map) {
      for (const [k, v] of node) stack.push(k, v);
      continue;
    }
    for (const value of Object.values(node)) stack.push(value);
  }
  return bytes;
}
