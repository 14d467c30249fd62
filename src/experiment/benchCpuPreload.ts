import { writeFileSync } from 'node:fs';

/*
 * Preloaded (`node --import`) into the fresh processes of the benchmark's commands part: at
 * exit, writes the process's CPU time (user + system, every thread, microseconds) to the file
 * KOPSIM_BENCH_CPU_FILE names. On a shared machine a process's CPU time says much more about
 * its own cost than its wall time, which waits for the cores other programs hold.
 */
const file = process.env.KOPSIM_BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, String(user + system));
  });
}
