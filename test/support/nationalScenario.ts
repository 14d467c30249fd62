/*
 * Writes scenarios/national.yaml: 40 kecamatan-scale regions of 25,000 households each
 * (1,000,000 households), spread over Indonesia's island groups.
 *
 *   npx tsx test/support/nationalScenario.ts > scenarios/national.yaml
 *
 * A region here is a cooperative's working area of about fifty villages, as a KUD's was
 * (one KUD per kecamatan-sized unit area). The schema's village defaults are
 * for 500 households, so every per-cooperative amount (campaign budget, enterprise setup
 * costs and thresholds, the institution, social programs, federation overhead, the
 * potentials) is multiplied by SCALE = 25,000 / 500 = 50: each
 * household meets the same intensity of programs as in a village. Per-household
 * parameters (fees, prices, wages, the poverty line) are unchanged.
 *
 * productivityScale by island group follows the ordering of BPS rural poverty rates
 * (lowest in Bali and Kalimantan, highest in Nusa Tenggara Timur, Maluku and Papua); with
 * the lognormal of docs/ODD.md, 0.75 gives P0 about 0.24 and 1.15 about 0.07, against
 * about 0.11 at 1. Potentials follow each region's type (rice plain, plantation, coast,
 * tourism, crafts, upland). The choice is deterministic; nothing is drawn.
 */

import { POTENTIAL_KINDS, type PotentialKind } from '../../src/model/params.js';
import { scaledAmounts, VILLAGE_HOUSEHOLDS } from '../../src/scenario/perCooperativeAmounts.js';
import { scenarioSchema } from '../../src/scenario/schema.js';

const HOUSEHOLDS = 25_000;
const SCALE = HOUSEHOLDS / VILLAGE_HOUSEHOLDS;

type Kind = PotentialKind;
const KINDS = POTENTIAL_KINDS;

/** The schema's defaults: the village (500 households) every amount is scaled from. */
const D = scenarioSchema.parse({ regions: [{ name: 'village', households: VILLAGE_HOUSEHOLDS }] });
const BASE = D.regions[0].potentials;

/** Capacity multipliers by region type (relative to the village default). */
const TYPES: Record<string, Record<Kind, number>> = {
  sawah: { agriculture: 1.5, fisheries: 0.3, tourism: 0.5, localFood: 1.2, crafts: 1, culture: 1 },
  kebun: { agriculture: 2, fisheries: 0.5, tourism: 0.3, localFood: 0.8, crafts: 0.5, culture: 0.8 },
  pesisir: { agriculture: 0.5, fisheries: 3, tourism: 1, localFood: 1.2, crafts: 0.8, culture: 1 },
  wisata: { agriculture: 0.6, fisheries: 0.5, tourism: 4, localFood: 1.5, crafts: 1.5, culture: 2 },
  kerajinan: { agriculture: 0.8, fisheries: 0.3, tourism: 1, localFood: 1, crafts: 3, culture: 1.5 },
  pegunungan: { agriculture: 1, fisheries: 0.2, tourism: 0.8, localFood: 0.8, crafts: 1, culture: 1.5 },
};

/** Island groups: productivityScale and the types of their regions, in order. */
const GROUPS: { name: string; scale: number[]; types: string[] }[] = [
  {
    name: 'Jawa',
    scale: [1, 1.05, 0.95, 1, 1.1, 0.95, 1, 1.05, 0.9, 1, 1.05, 0.95],
    types: [
      'sawah',
      'sawah',
      'pesisir',
      'kerajinan',
      'wisata',
      'pegunungan',
      'sawah',
      'kerajinan',
      'pegunungan',
      'pesisir',
      'sawah',
      'kebun',
    ],
  },
  {
    name: 'Sumatra',
    scale: [1.05, 1.1, 1, 0.95, 1.05, 1, 0.95, 1.1],
    types: ['kebun', 'kebun', 'pesisir', 'sawah', 'kebun', 'wisata', 'pegunungan', 'kebun'],
  },
  { name: 'Kalimantan', scale: [1.1, 1.15, 1.05, 1.1, 1], types: ['kebun', 'kebun', 'pesisir', 'kebun', 'pegunungan'] },
  {
    name: 'Sulawesi',
    scale: [0.95, 1, 0.9, 0.95, 1, 0.9],
    types: ['pesisir', 'kebun', 'pesisir', 'sawah', 'wisata', 'pegunungan'],
  },
  {
    name: 'Bali Nusa Tenggara',
    scale: [1.15, 1.1, 0.85, 0.8, 0.75],
    types: ['wisata', 'kerajinan', 'pesisir', 'pegunungan', 'kerajinan'],
  },
  { name: 'Maluku Papua', scale: [0.8, 0.75, 0.75, 0.7], types: ['pesisir', 'pesisir', 'pegunungan', 'pegunungan'] },
];

function potentialsYaml(type: string): string {
  return KINDS.map((k) => {
    const b = BASE[k];
    const capacity = Math.round(b.capacity * SCALE * TYPES[type][k]);
    return `      ${k}: { capacity: ${capacity}, requiredSkill: ${b.requiredSkill}, setupCapital: ${b.setupCapital * SCALE}, regeneration: ${b.regeneration} }`;
  }).join('\n');
}

function regionsYaml(): string {
  const out: string[] = [];
  for (const g of GROUPS) {
    if (g.scale.length !== g.types.length) throw new Error(`${g.name}: scales and types differ in length`);
    g.types.forEach((type, k) => {
      out.push(`  - name: ${g.name} ${String(k + 1).padStart(2, '0')} ${type}`);
      out.push(`    households: ${HOUSEHOLDS}`);
      out.push(`    productivityScale: ${g.scale[k]}`);
      out.push('    potentials:');
      out.push(potentialsYaml(type));
    });
  }
  return out.join('\n');
}

/** The per-cooperative amounts times SCALE, as YAML sections in the schema's order. */
function amountsYaml(): string {
  const out: string[] = [];
  let section = '';
  for (const { path, value } of scaledAmounts(SCALE)) {
    const [head, leaf] = path.split('.');
    if (head !== section) out.push(`${head}:`);
    section = head;
    out.push(`  ${leaf}: ${value}`);
  }
  return `${out.join('\n')}\n`;
}

const count = GROUPS.reduce((a, g) => a + g.types.length, 0);

const header = `# Generated by test/support/nationalScenario.ts; edit that script, not this file.
$schema: ../docs/scenario.schema.json
extends: seed-roadmap
name: National (40 kecamatan-scale regions, 1,000,000 households)
description: >-
  The seed roadmap at national scale (stage 5 of the article: cooperatives integrated
  nationally with similar cooperatives under the Ministry of Cooperatives), and the scale
  test of kopsim: ${count} regions of ${HOUSEHOLDS.toLocaleString('en-US')} households each, ${(count * HOUSEHOLDS).toLocaleString('en-US')} in total, in six island
  groups (Jawa, Sumatra, Kalimantan, Sulawesi, Bali-Nusa Tenggara, Maluku-Papua). A region is a
  cooperative's working area of about fifty villages, as a KUD's was, so every
  per-cooperative amount of the village defaults (campaign budget, enterprise setup costs
  and thresholds, integration links, the institution, social programs, federation
  overhead, potentials) is multiplied by ${SCALE}: households meet
  the same intensity of programs as in the district scenarios. Household parameters are
  the BPS rural calibration of docs/ODD.md; productivityScale (0.7 to 1.15) follows the
  ordering of BPS rural poverty rates by island group (low in Bali and Kalimantan, high in
  Nusa Tenggara Timur, Maluku and Papua); potentials follow each region's type (sawah rice
  plain, kebun plantation, pesisir coast, wisata tourism, kerajinan crafts, pegunungan
  upland). The federation forms when 60% of the regions have reached stage 4
  (gates.stage5RegionShare); its inter-region trade and national market reach are the
  national integration. Generated by test/support/nationalScenario.ts.
strategy:
  name: national
${amountsYaml()}regions:
`;

process.stdout.write(`${header}${regionsYaml()}\n`);
