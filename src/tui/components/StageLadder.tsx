import { Box, Text } from 'ink';
import type { RegionStage } from '../../experiment/runController.js';
import { bar } from '../format.js';
import { STAGE_LABELS, STAGE_SHORT } from '../labels.js';

export interface StageLadderProps {
  readonly regions: readonly RegionStage[];
  /** Above this many regions the ladder shows, per stage, how many regions reached it. */
  readonly maxRegions?: number;
}

const CELL = 9;

/**
 * The roadmap ladder: for each region the month each stage 1..6 started (· if not yet),
 * the current stage in bold; with many regions, a count of regions per stage instead.
 */
export function StageLadder({ regions, maxRegions = 12 }: StageLadderProps) {
  if (regions.length > maxRegions) return <CompactLadder regions={regions} />;
  const nameWidth = Math.min(14, Math.max(6, ...regions.map((r) => r.name.length)));
  return (
    <Box flexDirection="column">
      <Text bold>Roadmap stages (month each started)</Text>
      <Text dimColor>
        {'region'.padEnd(nameWidth)}
        {STAGE_SHORT.map((l, k) => ` ${`${k + 1} ${l}`.padEnd(CELL - 1)}`).join('')}
      </Text>
      {regions.map((r) => (
        <Text key={r.name} wrap="truncate-end">
          {r.name.slice(0, nameWidth).padEnd(nameWidth)}
          {r.stageStart.map((m, k) => {
            const cell = ` ${(m === null ? '·' : `m${m}`).padEnd(CELL - 1)}`;
            if (m === null)
              return (
                <Text key={k} dimColor>
                  {cell}
                </Text>
              );
            return (
              <Text key={k} color="green" bold={k + 1 === r.stage}>
                {cell}
              </Text>
            );
          })}
        </Text>
      ))}
    </Box>
  );
}

function CompactLadder({ regions }: { readonly regions: readonly RegionStage[] }) {
  const n = regions.length;
  return (
    <Box flexDirection="column">
      <Text bold>Roadmap stages ({n} regions reached each stage)</Text>
      {STAGE_LABELS.map((label, k) => {
        const months = regions.map((r) => r.stageStart[k]).filter((m): m is number => m !== null);
        const current = regions.filter((r) => r.stage === k + 1).length;
        const first = months.length > 0 ? `first m${Math.min(...months)}` : 'not reached';
        return (
          <Text key={label} wrap="truncate-end">
            {`${k + 1} ${label}`.padEnd(14)}
            <Text color="green">{bar(months.length / Math.max(1, n), 16)}</Text>
            {` ${String(months.length).padStart(String(n).length)}/${n}`} · {String(current).padStart(String(n).length)}{' '}
            now · {first}
          </Text>
        );
      })}
    </Box>
  );
}
