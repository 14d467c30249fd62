import type { BenchResult } from '../experiment/bench.js';
import { writeFileAtomically } from './atomicFolder.js';

/** Writes the benchmark's figures as JSON (atomically: temp file + rename). */
export function writeBenchJson(file: string, result: BenchResult): void {
  writeFileAtomically(file, `${JSON.stringify(result, null, 2)}\n`);
}

/** Formats a number with thousands separators and a fixed number of decimals. */
function fmt(x: number, digits = 0): string {
  return Number.isFinite(x)
    ? x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '-';
}

/** Aligned text table (no colours): the first and last columns left-aligned, the others right-aligned. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const left = (c: number) => c === 0 || c === header.length - 1;
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (left(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * The benchmark as text for people: the machine, every figure measured, the time per
 * process, and the targets with whether each is met. The same text is the README's table.
 */
export function benchText(r: BenchResult): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(
    `kopsim bench, ${r.date.slice(0, 10)}: ${m.cpuModel}, ${m.cores} cores, ${fmt(m.totalMemoryBytes / 2 ** 30, 0)} GiB, Node ${m.node} (${m.platform}/${m.arch})`,
  );
  out.push(
    `load average ${m.loadAverage.toFixed(2)} at the start, ${r.loadAverageAtEnd.toFixed(2)} at the end (${fmt(r.durationSeconds)} s); a load above ${m.cores} means other programs competed for the cores`,
  );
  out.push(
    `median of ${r.options.runs} run${r.options.runs === 1 ? '' : 's'} after a warm-up; full model: seed roadmap, every stage started by month 4, indicators monthly`,
  );
  out.push('');
  const rows: string[][] = [];
  if (r.commands) {
    const c = r.commands;
    const base = c.nodeStart;
    rows.push([
      `bare Node start (${base.command}), fresh process`,
      `${fmt(base.medianSeconds, 2)} s`,
      `median of ${base.runsSeconds.length}: ${base.runsSeconds.map((s) => s.toFixed(2)).join(', ')} s; CPU time ${fmt(base.medianCpuSeconds, 2)} s; every command below pays it`,
    ]);
    for (const f of c.commands)
      rows.push([
        `kopsim ${f.command}, fresh process`,
        `${fmt(f.medianSeconds, 2)} s`,
        `median of ${f.runsSeconds.length}: ${f.runsSeconds.map((s) => s.toFixed(2)).join(', ')} s; CPU time ${fmt(f.medianCpuSeconds, 2)} s; ${fmt(f.medianSeconds - base.medianSeconds, 2)} s above a bare Node start`,
      ]);
    rows.push([
      `cold-to-warm penalty, ${c.scenario} (${fmt(c.households)} x ${c.months} months)`,
      `${c.coldToWarm.toFixed(1)}x`,
      `simulation ${fmt(c.freshSteppingMs)} ms in a fresh process, ${fmt(c.warmSteppingMs)} ms warm`,
    ]);
  }
  for (const t of r.throughput ?? []) {
    rows.push([
      `engine throughput, ${fmt(t.households)} households (${t.months} months)`,
      `${fmt(t.householdMonthsPerSecond)} household-months/s`,
      `${fmt(t.nsPerHouseholdMonth, 1)} ns/household-month (CPU time ${fmt(t.cpuNsPerHouseholdMonth, 1)} ns; the model alone, without the indicators, ${fmt(t.modelNsPerHouseholdMonth, 1)} ns)`,
    ]);
  }
  if (r.costRatio)
    rows.push([
      `cost per household-month, ${fmt(r.costRatio.largest)} vs ${fmt(r.costRatio.smallest)}`,
      `${r.costRatio.ratio.toFixed(2)}x`,
      '',
    ]);
  if (r.memory) {
    const mem = r.memory;
    rows.push([
      `memory, ${fmt(mem.households)} households`,
      `${fmt(mem.total)} bytes/household`,
      `typed arrays: world ${fmt(mem.worldTypedArrays)}, indicators ${fmt(mem.indicatorTypedArrays)}; heap growth ${fmt(mem.heapGrowth)}${mem.gcForced ? '' : ' (no forced GC)'}`,
    ]);
  }
  if (r.national) {
    const n = r.national;
    rows.push(
      n.status === 'missing'
        ? [`national scenario`, 'not measured', `no scenario '${n.scenario}'`]
        : [
            `national scenario (${n.scenario}: ${fmt(n.households)} households x ${n.months} months)`,
            `${fmt(n.medianSeconds, 1)} s`,
            `runs: ${n.runsSeconds.map((s) => s.toFixed(1)).join(', ')} s`,
          ],
    );
  }
  if (r.replications) {
    const rep = r.replications;
    for (const b of rep.byWorkers) {
      rows.push([
        `${rep.replicates} replications of ${rep.scenario} (${fmt(rep.households)} x ${rep.months} months), ${b.workers} worker${b.workers === 1 ? '' : 's'}`,
        `${fmt(b.medianSeconds, 2)} s`,
        `CPU time ${fmt(b.medianCpuSeconds, 2)} s`,
      ]);
    }
    if (rep.speedup !== null)
      rows.push([
        'parallel speedup (time on 1 worker / time on 2)',
        rep.speedup.toFixed(2),
        `efficiency (speedup / workers) ${rep.efficiency!.toFixed(2)}`,
      ]);
  }
  if (r.calibration) {
    const c = r.calibration;
    rows.push([
      `calibration ${c.file}: ${c.parameters} parameters, ${c.targets} targets, ${c.particles} particles, ${c.generations} generations, ${c.workers} workers`,
      `${fmt(c.seconds, 1)} s`,
      `${fmt(c.simulations)} simulations of ${fmt(c.households)} households x ${c.months} months (${fmt(c.simulations / c.seconds, 1)}/s); final tolerance ${c.finalTolerance.toPrecision(3)}`,
    ]);
  }
  out.push(table(['measure', 'value', 'detail'], rows));
  if (r.processes) {
    out.push('');
    out.push(
      `time per process, ${fmt(r.processes.households)} households (share of the step, indicators and ledger check included)`,
    );
    out.push(
      table(
        ['process', 'ns/household-month', 'share'],
        r.processes.phases.map((p) => [p.name, fmt(p.nsPerHouseholdMonth, 1), `${(100 * p.share).toFixed(1)}%`]),
      ),
    );
  }
  out.push('');
  out.push('targets (issues 7 and 17, this 2-core machine kind)');
  out.push(
    table(
      ['measure', 'target', 'measured', 'met'],
      r.targets.map((t) => [t.measure, t.target, t.value, t.met === null ? 'n/a' : t.met ? 'yes' : 'no']),
    ),
  );
  return out.join('\n');
}
