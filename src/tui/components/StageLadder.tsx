import { Box, Text } from 'ink';
import type { RegionStage } from '../../experiment/runController.js';
import { stageName } from '../../i18n/labels.js';
import { locale, type Locale } from '../../i18n/locale.js';
import type { MessageKey } from '../../i18n/en.js';
import { bar } from '../format.js';

export interface StageLadderProps {
  readonly regions: readonly RegionStage[];
  /** Per region (same order), the month its cooperative went dormant, or null (active). */
  readonly dormant?: readonly (number | null)[];
  /** Above this many regions the ladder shows, per stage, how many regions reached it. */
  readonly maxRegions?: number;
  /** Language of the text (default English). */
  readonly L?: Locale;
}

const CELL = 9;

/**
 * The roadmap ladder: for each region the month each stage 1..6 started (· if not yet),
 * the current stage in bold; a dormant cooperative's next cell reads "dormant" in red.
 * With many regions (or little room), a count of regions per stage instead.
 * At most 14 + 6 × 9 = 68 columns wide.
 */
export function StageLadder({ regions, dormant = [], maxRegions = 12, L = locale('en') }: StageLadderProps) {
  if (regions.length > maxRegions) return <CompactLadder regions={regions} dormant={dormant} L={L} />;
  const nameWidth = Math.min(14, Math.max(6, ...regions.map((r) => r.name.length)));
  const word = L.t('stage.dormant').slice(0, CELL - 1);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {L.t('tui.ladder.title')}
      </Text>
      <Text dimColor wrap="truncate-end">
        {L.t('cli.col.region').padEnd(nameWidth)}
        {[1, 2, 3, 4, 5, 6]
          .map((k) => ` ${`${k} ${L.t(`stage.short.${k}` as MessageKey)}`.slice(0, CELL - 1).padEnd(CELL - 1)}`)
          .join('')}
      </Text>
      {regions.map((r, i) => {
        const asleep = dormant[i] ?? null;
        return (
          <Text key={r.name} wrap="truncate-end">
            {r.name.slice(0, nameWidth).padEnd(nameWidth)}
            {r.stageStart.map((m, k) => {
              if (m === null) {
                // The cell after the stage it was in when it went dormant.
                if (asleep !== null && k === r.stage)
                  return (
                    <Text key={k} color="red" bold>
                      {` ${word.padEnd(CELL - 1)}`}
                    </Text>
                  );
                return (
                  <Text key={k} dimColor>
                    {` ${'·'.padEnd(CELL - 1)}`}
                  </Text>
                );
              }
              return (
                <Text key={k} color={asleep !== null ? 'gray' : 'green'} bold={k + 1 === r.stage}>
                  {` ${`m${m}`.padEnd(CELL - 1)}`}
                </Text>
              );
            })}
            {asleep !== null && r.stage >= 6 ? <Text color="red"> {word}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}

function CompactLadder({
  regions,
  dormant,
  L,
}: {
  readonly regions: readonly RegionStage[];
  readonly dormant: readonly (number | null)[];
  readonly L: Locale;
}) {
  const n = regions.length;
  const asleep = dormant.filter((d) => d !== null).length;
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {L.t('tui.ladder.compactTitle', { n })}
        {asleep > 0 ? <Text color="red"> · {`${asleep} ${L.t('stage.dormant')}`}</Text> : null}
      </Text>
      {[1, 2, 3, 4, 5, 6].map((stage, k) => {
        const months = regions.map((r) => r.stageStart[k]).filter((m): m is number => m !== null);
        const current = regions.filter((r) => r.stage === stage).length;
        const first = months.length > 0 ? L.t('tui.ladder.first', { m: Math.min(...months) }) : L.t('time.notReached');
        return (
          <Text key={stage} wrap="truncate-end">
            {`${stage} ${stageName(L, stage)}`.slice(0, 17).padEnd(18)}
            <Text color="green">{bar(months.length / Math.max(1, n), 16)}</Text>
            {` ${String(months.length).padStart(String(n).length)}/${n}`} · {String(current).padStart(String(n).length)}{' '}
            {L.t('tui.ladder.now')} · {first}
          </Text>
        );
      })}
    </Box>
  );
}
