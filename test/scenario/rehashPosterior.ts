/*
 * Re-identifies the shipped posterior blocks (scenarios/posterior/NAME/) with the plans
 * their targets files give today, without rerunning the calibration:
 *
 *   npx tsx test/scenario/rehashPosterior.ts
 *
 * A calibration's plan holds its scenarios with every default filled in, so a new scenario
 * parameter changes the plan hash even when its default reproduces the model exactly (the
 * literal it replaced): test/scenario/posteriorBlocks.test.ts then fails. Only in that case
 * run this script: it rewrites each block's calibration.json (the plan) and the hash in its
 * posterior.json and summary.json, and refuses when anything of the plan but its scenarios
 * changed (targets, priors, settings: those need a new calibration). Check first that the
 * golden run passes unregenerated (the model's results did not change); otherwise rerun the
 * calibration instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planCalibration } from '../../src/experiment/calibration/calibrationPlan.js';
import { planJson } from '../../src/report/experimentFolder.js';
import { loadCalibration } from '../../src/scenario/loadCalibration.js';

const ROOT = join('scenarios', 'posterior');
const { blocks } = JSON.parse(readFileSync(join(ROOT, 'blocks.json'), 'utf8')) as { blocks: string[] };

/** The plan without its scenarios and hash: what must not change for the posterior to stand. */
function withoutScenarios(plan: Record<string, unknown>): string {
  const { scenarios: _s, hash: _h, ...rest } = plan;
  return JSON.stringify(rest);
}

for (const name of blocks) {
  const dir = join(ROOT, name);
  const plan = planCalibration(loadCalibration(join('scenarios', 'calibration', `${name}.yaml`)));
  const old = JSON.parse(readFileSync(join(dir, 'calibration.json'), 'utf8')) as Record<string, unknown>;
  const fresh = JSON.parse(planJson(plan as never)) as Record<string, unknown>;
  if (withoutScenarios(old) !== withoutScenarios(fresh))
    throw new Error(
      `${name}: the plan changed beyond its scenarios (targets, priors or settings): rerun the calibration`,
    );
  const oldHash = String(old.hash);
  if (oldHash === plan.hash) {
    console.log(`${name}: unchanged (${oldHash.slice(0, 12)})`);
    continue;
  }
  writeFileSync(join(dir, 'calibration.json'), planJson(plan as never));
  for (const file of ['posterior.json', 'summary.json']) {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(oldHash)) throw new Error(`${path} does not name the plan ${oldHash}`);
    writeFileSync(path, text.replaceAll(oldHash, plan.hash));
  }
  console.log(`${name}: ${oldHash.slice(0, 12)} -> ${plan.hash.slice(0, 12)}`);
}
