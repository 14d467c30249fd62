import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, freemem } from 'node:os';
import { join } from 'node:path';

/*
 * A single-node Slurm cluster for the shard test, following docs/experiments.md (On a cluster): use a
 * running one when `sinfo` answers, else start slurmctld, slurmd (and munged if needed)
 * with a private configuration in a temporary folder, and stop exactly those afterwards.
 */

/** Whether a command is on PATH. */
export function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export interface SlurmCluster {
  /** Environment for sbatch/sinfo/scontrol (SLURM_CONF when the cluster is ours). */
  readonly env: NodeJS.ProcessEnv;
  stop(): void;
}

function nodeState(env: NodeJS.ProcessEnv): string {
  const r = spawnSync('sinfo', ['-h', '-o', '%t'], { env, encoding: 'utf8', timeout: 5000 });
  return r.status === 0 ? r.stdout.trim() : '';
}

async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A cluster to submit to, or null when Slurm is not installed (or cannot be started here). */
export async function startSlurm(dir: string): Promise<SlurmCluster | null> {
  if (!onPath('sbatch') || !onPath('sinfo')) return null;
  if (/idle|mix|alloc/.test(nodeState(process.env))) return { env: process.env, stop: () => {} };
  if (!onPath('slurmctld') || !onPath('slurmd') || process.getuid?.() !== 0) return null;

  let mungePid: number | null = null;
  const mungePidFile = '/run/munge/munged.pid';
  const mungeRunning = existsSync(mungePidFile) && alive(Number(readFileSync(mungePidFile, 'utf8').trim()));
  if (!mungeRunning) {
    const uid = Number(execFileSync('id', ['-u', 'munge'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'munge'], { encoding: 'utf8' }).trim());
    chownSync('/etc/munge/munge.key', uid, gid);
    execFileSync('chmod', ['400', '/etc/munge/munge.key']);
    mkdirSync('/run/munge', { recursive: true });
    chownSync('/run/munge', uid, gid);
    execFileSync('runuser', ['-u', 'munge', '--', '/usr/sbin/munged']);
    await waitFor(() => existsSync(mungePidFile), 5000, 'munged');
    mungePid = Number(readFileSync(mungePidFile, 'utf8').trim());
  }

  const conf = join(dir, 'slurm.conf');
  for (const d of ['state', 'spool']) mkdirSync(join(dir, d), { recursive: true });
  const memory = Math.max(1024, Math.floor(freemem() / 2 ** 20) - 1024);
  writeFileSync(
    conf,
    [
      'ClusterName=ci',
      'SlurmctldHost=localhost',
      'SlurmUser=root',
      'AuthType=auth/munge',
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_Core',
      'MpiDefault=none',
      'JobCompType=jobcomp/none',
      'JobAcctGatherType=jobacct_gather/none',
      'AccountingStorageType=accounting_storage/none',
      'ReturnToService=2',
      `StateSaveLocation=${join(dir, 'state')}`,
      `SlurmdSpoolDir=${join(dir, 'spool')}`,
      `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
      `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
      `SlurmctldLogFile=${join(dir, 'slurmctld.log')}`,
      `SlurmdLogFile=${join(dir, 'slurmd.log')}`,
      `NodeName=localhost CPUs=${availableParallelism()} RealMemory=${memory} State=UNKNOWN`,
      'PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP',
      '',
    ].join('\n'),
  );
  const env = { ...process.env, SLURM_CONF: conf };
  execFileSync('slurmctld', ['-c', '-f', conf], { env });
  execFileSync('slurmd', ['-f', conf], { env });
  const stop = (): void => {
    spawnSync('scontrol', ['shutdown'], { env, stdio: 'ignore', timeout: 10000 });
    if (mungePid !== null && alive(mungePid)) process.kill(mungePid);
  };
  try {
    await waitFor(() => nodeState(env) === 'idle', 30000, 'the Slurm node to be idle');
  } catch (error) {
    stop();
    throw error;
  }
  return { env, stop };
}
