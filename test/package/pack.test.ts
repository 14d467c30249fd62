import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertDistFresh, ROOT } from '../support/cli.js';
import { tempDirs } from '../support/tempFiles.js';

/*
 * What a user gets from the registry: `npm pack` makes the tarball (the `files` field
 * decides what is in it), which installs in an empty folder and runs `npx kopsim run`,
 * charts included (the fonts come with the dejavu-fonts-ttf dependency). Slow (an npm
 * install): the one test of its kind. Dependencies come from npm's cache when it has them
 * (--prefer-offline); without it and without the registry, the test is skipped and says so.
 */
const dirs = tempDirs('kopsim-pack-');
afterAll(() => dirs.cleanup());

/** The environment without npm's own variables (npm test sets them; they would steer the inner npm). */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
}

function run(command: string, args: readonly string[], cwd: string) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...cleanEnv(), NO_COLOR: '1' } });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

describe('the npm package', () => {
  it('npm pack gives a tarball that installs in an empty folder and runs npx kopsim run, report and charts included', (ctx) => {
    assertDistFresh(); // packed as built: --ignore-scripts skips the prepare build
    const work = dirs.make();
    const packed = run(npm, ['pack', '--ignore-scripts', '--pack-destination', work, '--json'], ROOT);
    expect(packed.status, packed.out).toBe(0);
    const tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')) ?? 'missing.tgz');
    const listing = run('tar', ['-tzf', tarball], work).out;
    // docs/scenario.schema.json: `kopsim schema` prints it.
    for (const file of [
      'dist/index.js',
      'dist/cli/main.js',
      'bin/kopsim',
      'scenarios/default.yaml',
      'README.md',
      'docs/scenario.schema.json',
    ]) {
      expect(listing, file).toContain(`package/${file}`);
    }
    expect(listing).not.toContain('package/test/');
    expect(listing).not.toContain('package/src/');

    const project = join(work, 'project');
    mkdirSync(project);
    // A package.json of its own: without one npm installs into the nearest parent folder that
    // has a package.json or node_modules (a stray one in the temporary folder took the install).
    writeFileSync(join(project, 'package.json'), '{ "name": "project", "private": true }\n');
    const installed = run(npm, ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], project);
    if (
      installed.status !== 0 &&
      /ENOTCACHED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ECONNRESET/.test(installed.out)
    ) {
      ctx.skip(
        `npm could not install the dependencies: no registry and not in npm's cache (${installed.out.trim().split('\n')[0]})`,
      );
    }
    expect(installed.status, installed.out).toBe(0);
    expect(existsSync(join(project, 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSans.ttf'))).toBe(true);

    const ran = run(
      npx,
      [
        '--no-install',
        'kopsim',
        'run',
        '--months',
        '3',
        '--set',
        'regions=[{"name":"a","households":60}]',
        '--out',
        'out',
      ],
      project,
    );
    expect(ran.status, ran.out).toBe(0);
    expect(existsSync(join(project, 'out', 'timeseries.csv'))).toBe(true);
    expect(existsSync(join(project, 'out', 'report.html'))).toBe(true);
    expect(readdirSync(join(project, 'out', 'charts')).some((f) => f.endsWith('.png'))).toBe(true);
  });
});
