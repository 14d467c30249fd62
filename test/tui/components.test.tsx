import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { RegionStage, RunIdentity } from '../../src/experiment/runController.js';
import { BatchProgressView } from '../../src/tui/components/BatchProgressView.js';
import { EnterpriseCounts } from '../../src/tui/components/EnterpriseCounts.js';
import { EventLog } from '../../src/tui/components/EventLog.js';
import { Header } from '../../src/tui/components/Header.js';
import { HelpOverlay } from '../../src/tui/components/HelpOverlay.js';
import { IndicatorTable } from '../../src/tui/components/IndicatorTable.js';
import { KeyHints } from '../../src/tui/components/KeyHints.js';
import { RunProgress } from '../../src/tui/components/RunProgress.js';
import { StageLadder } from '../../src/tui/components/StageLadder.js';
import { StatusBar } from '../../src/tui/components/StatusBar.js';

// eslint-disable-next-line no-control-regex
const plain = (s: string | undefined) => (s ?? '').replace(/\x1b\[[0-9;]*m/g, '');
const frame = (tree: React.ReactElement) => plain(render(tree).lastFrame());

afterEach(() => cleanup());

const identity: RunIdentity = {
  run: 0,
  scenarioId: 'default',
  name: 'Default district',
  strategy: 'seed-roadmap',
  baseSeed: 1,
  seed: 2728020586,
  months: 240,
  households: 2500,
};

describe('Header', () => {
  it('shows scenario, strategy, seeds and households', () => {
    const f = frame(
      <Box width={120}>
        <Header identity={identity} />
      </Box>,
    );
    expect(f).toContain('Default district (default)');
    expect(f).toContain('strategy seed-roadmap');
    expect(f).toContain('seed 1 (run 2728020586)');
    expect(f).toContain('2,500 households');
    expect(frame(<Header identity={{ ...identity, run: 2 }} />)).toContain('restart 2');
    expect(frame(<Header identity={null} />)).toContain('starting');
  });
});

describe('StatusBar', () => {
  it('shows the play state, speed and notice', () => {
    expect(frame(<StatusBar state="running" monthsPerSecond={12} />)).toContain('RUNNING · 12 months/s');
    expect(frame(<StatusBar state="paused" monthsPerSecond={Infinity} notice="saved" />)).toContain(
      'PAUSED · max speed · saved',
    );
    // The actual pace appears only when the machine is well below the chosen speed.
    expect(frame(<StatusBar state="running" monthsPerSecond={12} pace={11} />)).not.toContain('actual');
    expect(frame(<StatusBar state="running" monthsPerSecond={12} pace={1.64} />)).toContain(
      '12 months/s (actual 1.6 months/s)',
    );
    expect(frame(<StatusBar state="running" monthsPerSecond={Infinity} pace={812.4} />)).toContain(
      'max speed (actual 812 months/s)',
    );
  });
});

describe('RunProgress', () => {
  it('shows month, year and a bar (57 of 240 = 23%)', () => {
    const f = frame(<RunProgress month={57} months={240} width={10} />);
    expect(f).toContain('Month 57/240');
    expect(f).toContain('year 5, month 9');
    expect(f).toContain('██░░░░░░░░ 23%');
  });
});

const regions: RegionStage[] = [
  { name: 'Sukamaju', stage: 2, stageStart: [0, 17, null, null, null, null] },
  { name: 'Mekarsari', stage: 6, stageStart: [0, 17, 44, 56, 57, 69] },
];

describe('StageLadder', () => {
  it('lists each region with the month each stage started', () => {
    const f = frame(<StageLadder regions={regions} />);
    expect(f).toContain('1 aware');
    expect(f).toContain('6 social');
    expect(f).toMatch(/Sukamaju\s+m0\s+m17\s+·\s+·\s+·\s+·/);
    expect(f).toMatch(/Mekarsari\s+m0\s+m17\s+m44\s+m56\s+m57\s+m69/);
  });
  it('counts regions per stage when there are more than 12', () => {
    const many: RegionStage[] = Array.from({ length: 20 }, (_, i) => ({
      name: `r${i}`,
      stage: i < 5 ? 3 : 1,
      stageStart: [0, i < 5 ? 10 + i : null, i < 5 ? 30 : null, null, null, null],
    }));
    const f = frame(<StageLadder regions={many} />);
    expect(f).toContain('20 regions');
    expect(f).not.toContain('r19');
    expect(f).toMatch(/1 awareness.*20\/20 · 15 now · first m0/);
    expect(f).toMatch(/2 enterprises.* 5\/20 ·  0 now · first m10/);
    expect(f).toMatch(/3 regional pot.* 5\/20 ·  5 now · first m30/);
    expect(f).toMatch(/4 education.* 0\/20 .*not reached/);
  });
});

describe('IndicatorTable', () => {
  it('shows the value now, the change over 12 months and a sparkline', () => {
    const values = Array.from({ length: 25 }, (_, m) => m / 100); // 0.00 .. 0.24
    const f = frame(
      <IndicatorTable
        indicators={[{ id: 'member_share', label: 'Member share', unit: 'share', values }]}
        sparkWidth={25}
      />,
    );
    expect(f).toContain('Δ 12 months');
    // now 0.24 = 24.0%; 12 months earlier 0.12: +12.0 pp.
    expect(f).toMatch(/Member share\s+24\.0%\s+\+12\.0 pp\s+▁/);
    expect(f).toContain('█');
  });
});

describe('EnterpriseCounts', () => {
  it('lists kinds with counts and the total', () => {
    const f = frame(<EnterpriseCounts counts={{ primaryStore: 5, marketing: 2, potential: 0 }} />);
    expect(f).toMatch(/Enterprises by kind\s+7/);
    expect(f).toMatch(/primary store \(food\)\s+5/);
    expect(f).toMatch(/regional potential\s+0/);
  });
});

describe('EventLog', () => {
  const ev = (month: number, message: string, kind = 'stage-reached' as const) => ({ month, region: 0, kind, message });
  it('shows the latest events with their month, folding repeats', () => {
    const events = [
      ev(0, 'A: stage 1 started'),
      ev(3, 'old'),
      ev(5, 'B: joined'),
      ev(5, 'B: joined'),
      ev(5, 'B: joined'),
      ev(6, 'C: stage 2 started'),
    ];
    const f = frame(<EventLog events={events} height={2} total={40} />);
    expect(f).toContain('Events (40 so far)');
    expect(f).toContain('m5 B: joined (×3)');
    expect(f).toContain('m6 C: stage 2 started');
    expect(f).not.toContain('old');
    expect(frame(<EventLog events={[]} />)).toContain('no events yet');
  });
});

describe('KeyHints', () => {
  it('always lists every key', () => {
    for (const paused of [false, true]) {
      const f = frame(<KeyHints paused={paused} ended={false} />);
      for (const k of ['space', '→ step', '+/- speed', 'r restart', 's save report', 'q quit', '? help'])
        expect(f).toContain(k);
      expect(f).toContain(paused ? 'space resume' : 'space pause');
    }
    expect(frame(<KeyHints paused={false} ended={false} interactive={false} />)).toContain('stdin is not a terminal');
  });
});

describe('HelpOverlay', () => {
  it('explains the keys', () => {
    const f = frame(<HelpOverlay folder="/tmp/x" />);
    expect(f).toContain('pause or resume');
    expect(f).toContain('marked stopped early');
    expect(f).toContain('Report folder: /tmp/x');
  });
});

describe('BatchProgressView', () => {
  it('shows runs done, workers, throughput, elapsed, ETA and failures', () => {
    const f = frame(
      <BatchProgressView
        title="sweep of feeSubsidy"
        done={10}
        total={40}
        elapsedMs={60_000}
        barWidth={20}
        workers={[
          { id: 1, run: 'feeSubsidy=0.5 rep 3', month: 120, months: 240 },
          { id: 2, run: null },
        ]}
        failures={[{ run: 'feeSubsidy=0.9 rep 1', message: 'scenario invalid' }]}
      />,
    );
    expect(f).toContain('sweep of feeSubsidy');
    expect(f).toContain('10/40 runs (26%)'); // (10 + 0.5) / 40
    expect(f).toContain('10.0 runs/min · elapsed 1 min 00 s · ETA 2 min 49 s'); // 60 s / 10.5 runs × 29.5 left = 168.6 s
    expect(f).toMatch(/worker 1\s+feeSubsidy=0.5 rep 3 .*month 120\/240/);
    expect(f).toMatch(/worker 2\s+idle/);
    expect(f).toContain('1 failed');
    expect(f).toContain('✗ feeSubsidy=0.9 rep 1: scenario invalid');
  });
  it('says done when every run is', () => {
    expect(frame(<BatchProgressView title="t" done={4} total={4} elapsedMs={1000} workers={[]} />)).toContain('· done');
  });
  it('speaks Bahasa Indonesia with lang id', () => {
    const f = frame(
      <BatchProgressView
        lang="id"
        title="t"
        done={10}
        total={40}
        elapsedMs={60_000}
        barWidth={20}
        workers={[
          { id: 1, run: 'rep 3', month: 120, months: 240 },
          { id: 2, run: null },
        ]}
        failures={[{ run: 'rep 1', message: 'boom' }]}
      />,
    );
    expect(f).toContain('10/40 simulasi (26%)');
    expect(f).toContain('10,0 simulasi/menit · berlalu 1 min 00 s · perkiraan sisa 2 min 49 s');
    expect(f).toMatch(/worker 1\s+rep 3 .*bulan 120\/240/);
    expect(f).toMatch(/worker 2\s+menganggur/);
    expect(f).toContain('1 gagal');
    expect(f).toContain('Kegagalan');
  });
});
