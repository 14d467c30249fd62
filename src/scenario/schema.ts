import { z } from 'zod';
import {
  OCCUPATIONS,
  POTENTIAL_KINDS,
  STAGES,
  type ModelParams,
  type Occupation,
  type PotentialKind,
} from '../model/params.js';

/*
 * The scenario schema: the one definition of every parameter, its default and its unit.
 * docs/ODD.md lists the same names; a test checks that the two agree.
 *
 * Money is rupiah (IDR) per month unless a name says otherwise; shares and probabilities
 * are 0..1; durations are months.
 */

/*
 * Every number has a finite upper bound (issue: 1e300 validated, then overflowed to an
 * Infinity transfer). The bounds are far beyond any real koperasi yet keep every sum the
 * model forms (20 million households, 1200 months) finite; test/scenario/bounds.test.ts
 * runs the model with them.
 */
/** Largest amount of money a field takes, rupiah (10 trillion: a province's yearly budget). */
const MAX_RUPIAH = 1e13;
/** Largest duration or buffer expressed in months (of income, of spending). */
const MAX_MONTHS = 1200;
/** Largest multiplier or ratio that is not a share. */
const MAX_FACTOR = 100;

/*
 * The helpers below add both bounds in one `.check()`: the same checks as `.min(a).max(b)`
 * (`.positive()` is `.check(z.gt(0))`), without the intermediate copy of the schema that each
 * chained call makes. About 160 fields use them; building the schema is a fifth of the
 * start-up of `kopsim validate`.
 */
const share = () => z.number().check(z.gte(0), z.lte(1));
/** A non-negative amount of money, rupiah. */
const rupiah = () => z.number().check(z.gte(0), z.lte(MAX_RUPIAH));
/** A positive amount of money, rupiah. */
const positiveRupiah = () => z.number().check(z.gt(0), z.lte(MAX_RUPIAH));
/** A non-negative number of months (a duration or a buffer in months of income). */
const months = () => z.number().check(z.gte(0), z.lte(MAX_MONTHS));
/** A non-negative multiplier or ratio. */
const factor = () => z.number().check(z.gte(0), z.lte(MAX_FACTOR));
/** A positive multiplier or ratio. */
const positiveFactor = () => z.number().check(z.gt(0), z.lte(MAX_FACTOR));
const month = () => z.number().int().min(0).max(MAX_MONTHS);

/** C0 and C1 control characters (ESC, line breaks...): they would reach terminals and CSV cells raw. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, but tabs and line breaks are allowed (a description's paragraphs). */
const CONTROL_CHARACTERS_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** A name shown in reports and terminals: trimmed, 1 to `max` characters, no control characters. */
export const nameSchema = (max = 100) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max)
    .refine((s) => !CONTROL_CHARACTERS.test(s), 'must not contain control characters (such as ESC or a line break)');

/** Free text (a description): no control characters but tabs and line breaks. */
const textSchema = () =>
  z
    .string()
    .max(10_000)
    .refine((s) => !CONTROL_CHARACTERS_IN_TEXT.test(s), 'must not contain control characters (such as ESC)');

/**
 * Parse options for a scenario parsed once or a few times in a process (every command).
 * zod compiles a fast parser for each object schema with `new Function` on its first parse;
 * compiling them costs more than that parse (the scenario's first parse took 28 ms of CPU
 * with them, 7 ms without, in a fresh process), and a warm parse is as fast without them
 * (about 0.3 ms either way). Results and messages are the same.
 */
export const ONE_PARSE = { jitless: true } as const;

/** The name of the aggregate over all regions in outputs, so no region may take it. */
export const RESERVED_REGION_NAME = 'total';
/** A month at which a stage's programs start, or null for never. */
const monthOrNever = () => month().nullable();

const potentialSchema = z
  .object({
    capacity: rupiah().describe('value of output the potential can yield, rupiah per month'),
    requiredSkill: share().describe('mean member skill needed to process it'),
    setupCapital: rupiah().describe('capital to start an enterprise on it, rupiah'),
    regeneration: share().describe('share of the depleted stock restored each month; 0 for non-natural potentials'),
  })
  .strict();

const defaultPotentials: Record<PotentialKind, z.input<typeof potentialSchema>> = {
  agriculture: { capacity: 150_000_000, requiredSkill: 0.3, setupCapital: 120_000_000, regeneration: 0.05 },
  fisheries: { capacity: 60_000_000, requiredSkill: 0.35, setupCapital: 100_000_000, regeneration: 0.04 },
  tourism: { capacity: 50_000_000, requiredSkill: 0.5, setupCapital: 200_000_000, regeneration: 0 },
  localFood: { capacity: 80_000_000, requiredSkill: 0.35, setupCapital: 80_000_000, regeneration: 0 },
  crafts: { capacity: 40_000_000, requiredSkill: 0.45, setupCapital: 60_000_000, regeneration: 0 },
  culture: { capacity: 20_000_000, requiredSkill: 0.5, setupCapital: 50_000_000, regeneration: 0 },
};

const potentialsSchema = z
  .object(
    Object.fromEntries(POTENTIAL_KINDS.map((k) => [k, potentialSchema.prefault(defaultPotentials[k])])) as {
      [K in PotentialKind]: z.ZodPrefault<typeof potentialSchema>;
    },
  )
  .strict();

const regionSchema = z
  .object({
    name: nameSchema()
      .refine((n) => n.toLowerCase() !== RESERVED_REGION_NAME, `is reserved for the aggregate of all regions`)
      .describe('region (desa/kecamatan) name, unique (ignoring case); "total" is reserved'),
    households: z.number().int().positive().max(5_000_000).describe('number of households'),
    potentials: potentialsSchema.prefault({}).describe('monthly value capacity of each regional potential'),
    productivityScale: positiveFactor().default(1).describe('multiplies every household productivity in this region'),
  })
  .strict();

const householdsSchema = z
  .object({
    meanSize: z.number().min(1).max(12).default(3.8).describe('mean persons per household (BPS: 3.8)'),
    maxSize: z.number().int().min(1).max(30).default(12).describe('largest household, persons'),
    productivityMedian: positiveRupiah()
      .default(1_185_000)
      .describe('median productivity, rupiah per person per month'),
    productivitySigma: z.number().positive().max(3).default(0.56).describe('sd of log productivity'),
    occupationShares: z
      .object(Object.fromEntries(OCCUPATIONS.map((o) => [o, share()])) as { [K in Occupation]: z.ZodNumber })
      .strict()
      .prefault({ farmer: 0.45, fisher: 0.08, artisan: 0.1, trader: 0.05, laborer: 0.25, shopkeeper: 0.07 })
      .describe('share of households by main occupation; must sum to 1'),
    initialCashMonths: months().default(1.5).describe('initial cash, in months of own income'),
    initialSkillMean: share().default(0.3).describe('mean skill at start'),
    initialSkillSd: share().default(0.12).describe('sd of skill across households at start'),
    skillReturn: factor().default(0.5).describe('productivity gain at skill 1 relative to skill 0'),
    skillReturnCurvature: z
      .number()
      .min(0.1)
      .max(1)
      .default(0.5)
      .describe('exponent on skill in earnings: below 1, each gain in skill is worth less than the last'),
    skillDepreciation: share()
      .default(0.02)
      .describe("monthly share of a household's skill above its initial level lost without practice"),
    traderLocalShare: share()
      .default(0.5)
      .describe("share of a produce trader's income that comes from buying the village's own produce"),
    shopkeeperLocalShare: share()
      .default(0.8)
      .describe("share of a warung owner's income that comes from villagers' private purchases"),
    subsistenceFloor: share()
      .default(0.7)
      .describe('cash per person, as a share of the poverty line, below which a member may borrow'),
    incomeSmoothing: share().default(0.9).describe('weight of last month in the expected (smoothed) income'),
    traderCapitalMonths: months().default(6).describe("a trader's business capital, in months of income"),
    consumptionBufferMonths: months().default(2).describe('cash buffer households aim to keep, in months of income'),
    consumptionAdjust: share()
      .default(0.1)
      .describe('share of the gap to the buffer closed each month through spending'),
    initialCashSpread: share()
      .default(0.5)
      .describe('initial cash is uniform between 1 - this and 1 + this times initialCashMonths of income'),
    earnerShare: z
      .number()
      .positive()
      .max(1)
      .default(0.5)
      .describe("earners per member of a household (rounded down, at least one): one earner's share of its work"),
  })
  .strict();

const shocksSchema = z
  .object({
    incomeNoiseSd: z.number().min(0).max(1).default(0.15).describe('sd of the monthly multiplicative income shock'),
    regionalShockProbability: share()
      .default(0.01)
      .describe('monthly probability of a regional shock (bad harvest, price drop)'),
    regionalShockSize: share().default(0.3).describe('share of producer income lost in a regional shock'),
    regionalShockMonths: z.number().int().min(1).max(MAX_MONTHS).default(3).describe('months a regional shock lasts'),
    healthShockProbability: share()
      .default(0.01)
      .describe('monthly probability that a household faces a health expense'),
    healthShockMonths: months().default(0.5).describe('size of a health expense, in months of expected income'),
  })
  .strict();

const awarenessSchema = z
  .object({
    initialMean: share().default(0.05).describe('mean awareness of cooperative values at start'),
    campaignBudget: rupiah().default(2_500_000).describe('education campaign budget per region, rupiah per month'),
    costPerHousehold: positiveRupiah().default(50_000).describe('cost to reach one household once, rupiah'),
    targeting: z.enum(['random', 'poorest', 'connected']).default('random').describe('whom the campaign reaches first'),
    culturalFit: share().default(0.8).describe('how well the campaign is adapted to local culture'),
    uptake: share().default(0.25).describe('awareness gained by a reached household at cultural fit 1'),
    resistanceFit: share().default(0.4).describe('below this cultural fit a reached household loses trust'),
    resistanceTrustLoss: share().default(0.05).describe('trust lost per contact by a poorly fitted campaign'),
    peerWeight: share().default(0.08).describe('monthly awareness gain at an all-member neighbourhood'),
    peerExponent: z
      .number()
      .min(1)
      .max(6)
      .default(2)
      .describe('complex-contagion exponent on the member-neighbour share'),
    decay: share().default(0.01).describe('monthly relative decay of awareness'),
  })
  .strict();

const membershipSchema = z
  .object({
    simpananPokok: rupiah().default(50_000).describe('one-time principal saving, rupiah'),
    simpananWajib: rupiah().default(10_000).describe('mandatory saving, rupiah per month'),
    feeSubsidy: share().default(0).describe('share of simpanan pokok paid by the government'),
    pokokInstalments: z
      .number()
      .int()
      .min(1)
      .max(24)
      .default(1)
      .describe('months over which simpanan pokok may be paid'),
    thresholdMean: share().default(0.45).describe('mean awareness needed to consider joining'),
    thresholdSd: z.number().min(0).max(1).default(0.25).describe('sd of the joining threshold across households'),
    thresholdMin: share().default(0.02).describe('lowest joining threshold: nobody joins wholly unaware'),
    exitTrustMean: share().default(0.25).describe('mean trust below which a member exits'),
    valueOfMembership: rupiah()
      .default(20_000)
      .describe('non-monetary value of membership at awareness 1, rupiah per month'),
    affordabilityBufferMonths: months()
      .default(0.25)
      .describe('cash a household keeps after paying the entry fee, months of spending'),
    initialTrust: share().default(0.6).describe('trust of households at start'),
    trustSd: share().default(0.1).describe('sd of initial trust across households'),
    villageTrustSd: share().default(0.1).describe("sd across regions of the region's mean initial trust"),
    exitTrustSd: share().default(0.08).describe('sd of the exit threshold across households'),
    distanceMean: factor()
      .max(100)
      .default(2)
      .describe("mean distance from a household to the cooperative's office and store, km (exponential)"),
    travelCostPerKm: rupiah()
      .default(5_000)
      .describe('monthly cost of trips to the cooperative per km of distance, rupiah'),
    meetingDaysPerMonth: factor()
      .max(10)
      .default(0.5)
      .describe("days of one earner's work a member gives to meetings and duties each month"),
    benefitHorizonMonths: z
      .number()
      .int()
      .min(1)
      .max(240)
      .default(24)
      .describe('months over which a household spreads the one-time simpanan pokok when weighing joining'),
    dormantTrustLoss: share().default(0.02).describe('trust members of a dormant cooperative lose each month'),
    topDownEnrolledShare: share()
      .default(0.3)
      .describe('share enrolled by decree when a cooperative is founded top-down'),
    loanMultiple: factor()
      .default(2)
      .describe('a member may borrow up to this multiple of its savings to cover a shortfall'),
    loanRate: share().default(0.015).describe('interest on member loans, per month'),
    neighbourWeight: share()
      .default(0.5)
      .describe(
        'weight of member neighbours in the material benefit a household perceives: it counts (1 - this) + this x the member share of its neighbours',
      ),
    loanRepaymentShare: share()
      .default(0.5)
      .describe("share of its cash above a month's expected income a member in debt repays each month"),
  })
  .strict();

const marketSchema = z
  .object({
    povertyLine: positiveRupiah()
      .default(580_349)
      .describe('rural poverty line, rupiah per person per month (BPS, March 2025)'),
    middlemanMargin: z
      .number()
      .min(0)
      .max(0.9)
      .default(0.3)
      .describe("tengkulak's margin on producers' output (20-40%); at most 0.9, as producers keep 1 - margin"),
    middlemanHandlingCost: share()
      .default(0.18)
      .describe("transport, storage, risk and credit: the part of the middleman's margin that is cost, share of value"),
    coopSurplusMargin: share()
      .default(0.02)
      .describe("surplus a cooperative enterprise prices in above its unit costs, share of the goods' value"),
    coopPurchaseShare: share()
      .default(0.5)
      .describe("share of a covered tier's spending members buy at the cooperative's store (assortment, distance)"),
    warungMargin: share().default(0.17).describe("private shops' (warung) gross margin, share of the retail price"),
    qualityPricePremium: share()
      .default(0.1)
      .describe('change in the price of marketed produce per unit of quality away from 0.5'),
    yardstickEffect: share()
      .default(0.4)
      .describe('share of the store discount passed to private prices for everyone (stage 6)'),
    engelFoodShareAtLine: share()
      .default(0.63)
      .describe('food share of spending at consumption per capita equal to the poverty line'),
    engelSlope: factor()
      .default(0.1)
      .describe('fall of the food share per unit of log consumption relative to the line'),
    foodShareMin: share().default(0.25).describe('lowest food share of spending (the Engel curve is clamped)'),
    foodShareMax: share().default(0.8).describe('highest food share of spending, and the share at zero consumption'),
    tierSharesNonFood: z
      .tuple([share(), share(), share()])
      .default([0.45, 0.35, 0.2])
      .describe('split of non-food spending across secondary, supporting and complementary needs'),
  })
  .strict();

const enterprisesSchema = z
  .object({
    storeSetupCost: rupiah().default(40_000_000).describe('setup capital of a store, rupiah'),
    storeMinDemand: rupiah()
      .default(15_000_000)
      .describe('unmet member demand that justifies a store, rupiah per month'),
    marketingSetupCost: rupiah().default(50_000_000).describe('setup capital of the marketing enterprise, rupiah'),
    marketingMinSupply: rupiah()
      .default(30_000_000)
      .describe("members' output that justifies the marketing enterprise, rupiah per month"),
    procurementSetupCost: rupiah().default(30_000_000).describe('setup capital of procurement, rupiah'),
    distributionSetupCost: rupiah().default(35_000_000).describe('setup capital of distribution, rupiah'),
    capacityPerSetup: positiveFactor().default(4).describe('monthly sales capacity per rupiah of setup capital'),
    capacityAtZeroManagement: factor()
      .default(0.75)
      .describe('capacity per rupiah of setup, relative to capacityPerSetup, at management skill 0'),
    capacityManagementGain: factor()
      .default(0.5)
      .describe('capacity per rupiah of setup added per unit of management skill, relative to capacityPerSetup'),
    workingCapitalMonths: months().default(0.5).describe('working capital kept per month of sales capacity'),
    storeHandlingCost: share().default(0.02).describe('handling and spoilage of a store, share of the cost of goods'),
    marketingTransportCost: share()
      .default(0.04)
      .describe("transport of regional products, share of a potential enterprise's sales"),
    priceAdjust: share()
      .default(0.1)
      .describe("share of the gap between an enterprise's price and its cost-plus price closed each month"),
    fixedAssetShare: share().default(0.6).describe("share of an enterprise's setup capital spent on fixed assets"),
    liquidityReserve: share()
      .default(0.2)
      .describe("share of members' savings the cooperative keeps in cash before it invests in enterprises"),
    overheadRate: share().default(0.02).describe('overhead as a share of capacity, per month'),
    salesPerWorker: positiveRupiah().default(25_000_000).describe('monthly sales one worker handles, rupiah'),
    wage: rupiah().default(2_000_000).describe('monthly wage of an enterprise worker, rupiah'),
    depreciationRate: share().default(0.01).describe('monthly depreciation of fixed assets'),
    expansionRate: share().default(0.15).describe('capacity added when demand exceeds capacity'),
    managedCapacity: positiveRupiah()
      .default(1_500_000_000)
      .describe(
        'largest monthly capacity one enterprise can be run at, at management skill 1, rupiah; scales with management skill',
      ),
    conversionProbability: share()
      .default(0.02)
      .describe('monthly probability that an aware trader brings its business in, at full strength'),
    conversionBase: share()
      .default(0.5)
      .describe("a business owner's pull toward a cooperative with no members, added to the member share"),
    integrationLinkCost: rupiah()
      .default(15_000_000)
      .describe('investment to integrate one supplier-buyer link, rupiah'),
    integrationCostReduction: share()
      .default(0.04)
      .describe("cost reduction on the buyer's inputs once a link is integrated"),
    closureLossMonths: z
      .number()
      .int()
      .min(1)
      .max(MAX_MONTHS)
      .default(6)
      .describe('consecutive loss months after which an enterprise with no capital closes'),
    refoundingDelay: month()
      .default(12)
      .describe('months after a closure before an enterprise of the same kind is founded again'),
    potentialMarketShare: share()
      .default(0.6)
      .describe("share of a potential's capacity its enterprise can sell at market reach 1"),
    potentialInputShare: share().default(0.55).describe("raw inputs as a share of a potential enterprise's sales"),
    potentialDepletion: z
      .number()
      .min(0)
      .max(1)
      .default(0.1)
      .describe('stock depleted per unit of capacity used (natural potentials)'),
    potentialLabourIntensity: positiveFactor()
      .default(3)
      .describe(
        'workers per rupiah of sales of a potential enterprise, relative to a store (processing and tourism are labour-intensive)',
      ),
    wholesaleLabourIntensity: factor()
      .max(10)
      .default(0.2)
      .describe('workers per rupiah of activity of procurement and distribution, relative to a store'),
    marketingLabourIntensity: factor()
      .max(10)
      .default(0.4)
      .describe('workers per rupiah of activity of the marketing enterprise, relative to a store'),
    hiringDrawsPerVacancy: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(4)
      .describe('households an enterprise approaches per vacancy each month (hiring takes time)'),
    minStaffingShare: share()
      .default(0.3)
      .describe('an enterprise staffs for at least this share of its capacity, whatever its sales'),
    expansionDemandMonths: z
      .number()
      .int()
      .min(1)
      .max(60)
      .default(6)
      .describe('months of demand above capacity before a profitable enterprise expands'),
    workingCapitalSweepMultiple: z
      .number()
      .min(1)
      .max(10)
      .default(1.5)
      .describe("working capital above this multiple of its target is swept to the cooperative's cash"),
    closureCapitalShare: share()
      .default(0.1)
      .describe(
        'an enterprise losing money for closureLossMonths closes once its working capital is below this share of its target',
      ),
    potentialQualityOutput: share()
      .default(0.2)
      .describe("change in a potential enterprise's output per unit of quality away from 0.5"),
    supplierFillThreshold: share()
      .default(0.5)
      .describe(
        "procurement or distribution is founded once its buyers' purchases would fill this share of its capacity",
      ),
    procurementMinStores: z.number().int().min(1).max(4).default(2).describe('stores needed before procurement'),
    distributionMinEnterprises: z
      .number()
      .int()
      .min(1)
      .max(20)
      .default(3)
      .describe('active enterprises needed before distribution'),
    initialQuality: share()
      .default(0.5)
      .describe(
        "quality of a new enterprise's goods, 0..1; at 0.5 they fetch the market price (quality effects are centred there)",
      ),
    laborerPriorityShare: share()
      .default(0.5)
      .describe("share of an enterprise's hiring draws each month in which only laborers are hired (laborers first)"),
    foundingsPerMonth: z
      .number()
      .int()
      .min(1)
      .max(20)
      .default(1)
      .describe('new enterprises a cooperative may found in one month'),
    linksPerMonth: z
      .number()
      .int()
      .min(0)
      .max(100)
      .default(1)
      .describe('integration links a cooperative may build in one month (0: none)'),
  })
  .strict();

const governanceSchema = z
  .object({
    initialBottomUp: share().default(0.6).describe('governance quality of a bottom-up cooperative at founding'),
    initialTopDown: share().default(0.3).describe('governance quality of a top-down cooperative at founding'),
    initialManagementSkill: share().default(0.3).describe('management skill at founding'),
    adjustRate: share().default(0.05).describe('monthly adjustment of governance toward its target'),
    supervision: share().default(0.5).describe('strength of external supervision (Dinas Koperasi)'),
    mismanagementBase: share().default(0.02).describe('monthly mismanagement probability at governance 0'),
    mismanagementLoss: share().default(0.2).describe('share of cooperative cash lost in a mismanagement event'),
    mismanagementTrustShock: share().default(0.15).describe('trust lost by every member in a mismanagement event'),
    mismanagementExponent: z
      .number()
      .min(0)
      .max(10)
      .default(2)
      .describe('exponent on (1 - governance) in the monthly mismanagement probability'),
    eliteCaptureBase: share().default(0.5).describe('yearly probability of elite capture at governance 0'),
    ratMidpoint: share().default(0.35).describe('governance at which an RAT is held with probability 0.5'),
    ratSteepness: z
      .number()
      .min(0)
      .max(1000)
      .default(12)
      .describe('steepness of the logistic link from governance to holding the RAT'),
    trustAdjust: share()
      .default(0.06)
      .describe('trust change per unit of SHU received relative to expected, in the yearly update'),
    awarenessWeight: share().default(0.3).describe("weight of members' awareness in the governance target"),
    ratWeight: share().default(0.2).describe('weight of RAT participation in the governance target'),
    managementWeight: share().default(0.3).describe('weight of management skill in the governance target'),
    supervisionWeight: share().default(0.2).describe('weight of external supervision in the governance target'),
    experienceGain: share()
      .default(0.002)
      .describe('monthly gain of management skill (share of the gap) from running enterprises'),
    boardSize: z.number().int().min(1).max(50).default(5).describe('members on the board (pengurus)'),
    ratTrustGain: share().default(0.02).describe("members' trust gained when the RAT is held"),
    ratTrustLoss: share().default(0.05).describe("members' trust lost when the RAT is skipped"),
    firstShuTrustGain: share()
      .default(0.02)
      .describe('trust gained by a member receiving SHU at the first close (nothing expected yet)'),
    shuTrustCap: z
      .number()
      .min(1)
      .max(10)
      .default(2)
      .describe('SHU received over expected counts at most this much in the trust update'),
  })
  .strict();

const dormancySchema = z
  .object({
    baseHazard: share().default(0.005).describe('yearly hazard of going dormant for a sound cooperative'),
    lossWeight: factor()
      .max(10)
      .default(0.5)
      .describe("yearly hazard per unit of the year's loss relative to the cooperative's capital"),
    illiquidityWeight: factor()
      .max(10)
      .default(0.3)
      .describe("yearly hazard per unit of what it could not pay this year, relative to members' savings and loans"),
    arrearsWeight: factor()
      .max(10)
      .default(0.5)
      .describe("yearly hazard per unit of loan arrears relative to the loan's amount"),
    memberLossWeight: factor()
      .max(10)
      .default(0.5)
      .describe('yearly hazard per unit of the share of members lost since the last close'),
    governanceWeight: factor().max(10).default(0.03).describe('yearly hazard per unit of governance below 1'),
    ratSkippedWeight: factor().max(10).default(0.1).describe('yearly hazard added when the RAT is skipped'),
    minMembers: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .default(20)
      .describe('a cooperative with fewer members than this at an annual close goes dormant'),
    revivalProbability: share()
      .default(0.005)
      .describe('monthly probability that a dormant cooperative revives (new board, outside programme)'),
    revivalGovernance: share().default(0.5).describe('governance of a revived cooperative (at least)'),
    arrearsTrustShock: share()
      .default(0.2)
      .describe('trust every member loses when the cooperative defaults on a loan at maturity'),
  })
  .strict();

const shuSchema = z
  .object({
    reserve: share().default(0.4),
    patronage: share().default(0.25),
    capital: share().default(0.15),
    board: share().default(0.05),
    staff: share().default(0.05),
    education: share().default(0.05),
    social: share().default(0.05),
  })
  .strict()
  .describe('bylaw split of the annual SHU (defaults: typical bylaws); must sum to 1');

const gatesSchema = z
  .object({
    stage2Awareness: share().default(0.3).describe('mean awareness for stage 1 -> 2'),
    stage2MemberShare: share().default(0.1).describe('member share for stage 1 -> 2'),
    stage3Enterprises: z.number().int().min(0).max(1000).default(3).describe('active enterprises for stage 2 -> 3'),
    stage3Integration: share().default(0.15).describe('integration index for stage 2 -> 3'),
    stage4CapitalPerHousehold: rupiah()
      .default(500_000)
      .describe('cooperative capital per household of the region for stage 3 -> 4, rupiah'),
    stage5RegionShare: share().default(0.6).describe('share of regions ready before the federation forms'),
    stage5MinStage: z
      .number()
      .int()
      .min(1)
      .max(4)
      .default(4)
      .describe('stage a region must have reached to be ready to federate'),
    stage6MemberShare: share().default(0.35).describe('member share for stage 5 -> 6'),
    stage6SocialFundPerHousehold: rupiah()
      .default(10_000)
      .describe('social fund per household of the region for stage 6, rupiah'),
    openProbability: z
      .number()
      .gt(0)
      .max(1)
      .default(0.2)
      .describe('monthly probability that the members decide to open a stage once its gate holds'),
  })
  .strict();

const scheduleSchema = z
  .object({
    stage1: monthOrNever().default(0),
    stage2: monthOrNever().default(12),
    stage3: monthOrNever().default(36),
    stage4: monthOrNever().default(60),
    stage5: monthOrNever().default(84),
    stage6: monthOrNever().default(108),
  })
  .strict()
  .describe('scheduled mode: the month each stage programs start, or null for never');

const strategySchema = z
  .object({
    name: nameSchema().default('custom').describe('strategy label shown in reports'),
    founding: z.enum(['bottom-up', 'top-down', 'none']).default('bottom-up').describe('how the cooperative is founded'),
    mode: z.enum(['gated', 'scheduled']).default('gated').describe('stages open by gates or by the schedule'),
    schedule: scheduleSchema.prefault({}),
    enabledStages: z
      .array(z.literal(STAGES))
      .default([...STAGES])
      .describe('stages whose programs may switch on; a disabled stage never starts'),
    inertStages: z
      .array(z.literal(STAGES))
      .default([])
      .describe('stages that open on their timeline but whose programmes do nothing'),
    timeline: z
      .array(z.array(monthOrNever()).length(6))
      .nullable()
      .default(null)
      .describe('per region, the month each stage 1..6 opens (or null for never); replaces gates and schedule'),
    topDownGrant: rupiah()
      .default(300_000_000)
      .describe('government capital grant at top-down founding, rupiah per region'),
    topDownCredit: z
      .boolean()
      .default(false)
      .describe('top-down founding also draws the government credit of federation.credit'),
  })
  .strict();

const institutionSchema = z
  .object({
    setupCost: rupiah().default(150_000_000).describe('cost to found the education institution, rupiah'),
    monthlyCost: rupiah().default(12_000_000).describe('running cost, rupiah per month'),
    grantPerMonth: rupiah().default(5_000_000).describe('government grant to the institution, rupiah per month'),
    trainedPerMonth: z.number().int().min(0).max(20_000_000).default(40).describe('households trained per month'),
    skillGain: share().default(0.1).describe('skill gained by a trained household, share of its gap to 1'),
    trainingDays: z
      .number()
      .min(0)
      .max(30)
      .default(5)
      .describe('working days of one earner a training takes (earnings forgone the next month)'),
    memberTraineeShare: share().default(0.67).describe('share of trainees drawn among members'),
    workingDaysPerMonth: z
      .number()
      .min(1)
      .max(31)
      .default(22)
      .describe("working days in a month, to turn training days into a share of a month's earnings"),
    awarenessGain: share().default(0.1).describe('awareness gained by a trained household'),
    managementGain: share().default(0.01).describe('monthly management-skill gain of the cooperative'),
    governanceGain: share().default(0.005).describe('monthly governance gain'),
    rdQualityGain: share().default(0.004).describe("monthly gain in R&D and enterprises' quality, share of the gap"),
    rdReachGain: factor().max(10).default(0.5).describe("market reach added per unit of the cooperative's R&D level"),
  })
  .strict();

const federationSchema = z
  .object({
    overhead: rupiah().default(5_000_000).describe('federation overhead per member cooperative, rupiah per month'),
    marketReachMultiplier: z
      .number()
      .min(1)
      .max(MAX_FACTOR)
      .default(1.6)
      .describe('multiplier on potential enterprises market reach'),
    sharedDistributionSaving: share().default(0.03).describe('cost reduction from shared distribution'),
    tradeShare: share().default(0.15).describe("share of a store's goods bought from other regions' cooperatives"),
    credit: z
      .object({
        amount: rupiah().default(0).describe('government loan per cooperative, rupiah'),
        annualRate: share().default(0.06).describe('interest rate per year'),
        termMonths: z.number().int().min(1).max(MAX_MONTHS).default(72).describe('loan term, months'),
        graceMonths: month().default(6).describe('months before repayment starts'),
        minGovernance: share().default(0.4).describe('governance required for the credit'),
        assetShare: share()
          .default(0.7)
          .describe("share of the loan spent at once on fixed assets of the cooperative's enterprises"),
      })
      .strict()
      .prefault({}),
  })
  .strict();

const socialSchema = z
  .object({
    governmentBudget: rupiah()
      .default(10_000_000)
      .describe('government social-program money per region, rupiah per month'),
    targetShare: share().default(0.1).describe('share of households (poorest first) reached by transfers'),
    scholarshipShare: share().default(0.2).describe('share of the social fund spent on scholarships'),
    scholarshipSkillGain: share().default(0.02).describe('skill gain of a scholarship household'),
    scholarshipFee: rupiah().default(290_000).describe('school fees a scholarship pays, rupiah'),
    healthShare: share().default(0.2).describe('share of the social fund spent on health support'),
    fundSpendRate: share().default(0.1).describe("share of the cooperative's social fund spent each month"),
  })
  .strict();

/** The scenario's fields, each validated on its own (cross-field rules: {@link crossFieldProblems}). */
export const scenarioObjectSchema = z
  .object({
    $schema: z.string().optional().describe('path or URL of the JSON Schema, for editors'),
    extends: z.string().optional().describe('name or path of a scenario this one overrides'),
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes')
      .optional(),
    name: nameSchema(200).default('Unnamed scenario'),
    description: textSchema().default(''),
    months: z.number().int().min(1).max(1200).default(240).describe('simulated months'),
    seed: z.number().int().min(0).max(4294967295).default(1).describe('base seed'),
    regions: z.array(regionSchema).min(1).describe('regions (desa/kecamatan); each may found one cooperative'),
    crossRegionTies: share().default(0.002).describe('share of network ties rewired to another region'),
    networkDegree: z.number().int().min(2).max(40).default(8).describe('mean degree of the small-world network'),
    networkRewiring: share().default(0.1).describe('Watts-Strogatz rewiring probability'),
    households: householdsSchema.prefault({}),
    shocks: shocksSchema.prefault({}),
    awareness: awarenessSchema.prefault({}),
    membership: membershipSchema.prefault({}),
    market: marketSchema.prefault({}),
    enterprises: enterprisesSchema.prefault({}),
    governance: governanceSchema.prefault({}),
    dormancy: dormancySchema.prefault({}),
    shu: shuSchema.prefault({}),
    strategy: strategySchema.prefault({}),
    gates: gatesSchema.prefault({}),
    institution: institutionSchema.prefault({}),
    federation: federationSchema.prefault({}),
    social: socialSchema.prefault({}),
  })
  .strict();

/** A problem that involves several fields (parts that must sum to 1, duplicate names). */
export interface CrossFieldProblem {
  readonly path: (string | number)[];
  readonly message: string;
  readonly found: unknown;
}

/**
 * Rules across fields, checked on each section that is valid on its own, so that they are
 * reported together with every other problem of the file rather than only once the rest
 * is fixed.
 */
export function crossFieldProblems(document: unknown): CrossFieldProblem[] {
  const doc = (document !== null && typeof document === 'object' ? document : {}) as Record<string, unknown>;
  const shape = scenarioObjectSchema.shape;
  const problems: CrossFieldProblem[] = [];
  const section = <T extends z.ZodType>(schema: T, key: string): z.output<T> | undefined => {
    const r = schema.safeParse(doc[key], ONE_PARSE);
    return r.success ? r.data : undefined;
  };
  const households = section(shape.households, 'households');
  if (households) {
    const occ = Object.values(households.occupationShares).reduce((a, b) => a + b, 0);
    if (Math.abs(occ - 1) > 1e-6)
      problems.push({
        path: ['households', 'occupationShares'],
        message: `must sum to 1 (sum is ${round(occ)})`,
        found: households.occupationShares,
      });
    if (households.meanSize > households.maxSize)
      problems.push(atMost(['households', 'meanSize'], households.meanSize, 'households.maxSize', households.maxSize));
  }
  const shu = section(shape.shu, 'shu');
  if (shu) {
    const sum = Object.values(shu).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-6)
      problems.push({ path: ['shu'], message: `parts must sum to 1 (sum is ${round(sum)})`, found: shu });
  }
  const market = section(shape.market, 'market');
  if (market) {
    const nonFood = market.tierSharesNonFood.reduce((a, b) => a + b, 0);
    if (Math.abs(nonFood - 1) > 1e-6)
      problems.push({
        path: ['market', 'tierSharesNonFood'],
        message: `must sum to 1 (sum is ${round(nonFood)})`,
        found: market.tierSharesNonFood,
      });
    if (market.foodShareMin > market.foodShareMax)
      problems.push(
        atMost(['market', 'foodShareMin'], market.foodShareMin, 'market.foodShareMax', market.foodShareMax),
      );
  }
  const governance = section(shape.governance, 'governance');
  if (governance) {
    // The governance target is a weighted sum of four indexes in 0..1: weights above 1 in
    // all would push governance, an index in 0..1, beyond 1.
    const weights =
      governance.awarenessWeight + governance.ratWeight + governance.managementWeight + governance.supervisionWeight;
    if (weights > 1 + 1e-9)
      problems.push({
        path: ['governance'],
        message: `awarenessWeight + ratWeight + managementWeight + supervisionWeight must be at most 1 (sum is ${round(weights)})`,
        found: round(weights),
      });
  }
  const federation = section(shape.federation, 'federation');
  if (federation && federation.credit.graceMonths >= federation.credit.termMonths)
    // Repayment would never start: the whole loan would fall due unpaid at maturity.
    problems.push({
      path: ['federation', 'credit', 'graceMonths'],
      message: `must be less than federation.credit.termMonths (${federation.credit.termMonths})`,
      found: federation.credit.graceMonths,
    });
  if (Array.isArray(doc.regions)) {
    const seen = new Map<string, number>();
    let total = 0;
    doc.regions.forEach((r: unknown, i: number) => {
      const region = (r ?? {}) as Record<string, unknown>;
      if (typeof region.households === 'number' && Number.isFinite(region.households)) total += region.households;
      if (typeof region.name !== 'string') return;
      // "Sukamaju" and "sukamaju " are one region to a reader.
      const key = region.name.trim().toLowerCase();
      if (seen.has(key))
        problems.push({
          path: ['regions', i, 'name'],
          message: `duplicates regions[${seen.get(key)}].name (names are compared trimmed, ignoring case)`,
          found: region.name,
        });
      else seen.set(key, i);
    });
    const timeline = (doc.strategy as Record<string, unknown> | undefined)?.timeline;
    if (Array.isArray(timeline) && timeline.length !== doc.regions.length)
      problems.push({
        path: ['strategy', 'timeline'],
        message: `needs one entry per region (${doc.regions.length} regions, ${timeline.length} entries)`,
        found: timeline.length,
      });
    if (total > 20_000_000)
      problems.push({
        path: ['regions'],
        message: `at most 20,000,000 households in total (found ${total})`,
        found: total,
      });
  }
  const social = section(shape.social, 'social');
  if (social && social.scholarshipShare + social.healthShare > 1) {
    problems.push({
      path: ['social'],
      message: 'scholarshipShare + healthShare must be at most 1',
      found: social.scholarshipShare + social.healthShare,
    });
  }
  return problems;
}

/** The scenario schema with its cross-field rules: what files are validated against. */
export const scenarioSchema = scenarioObjectSchema.superRefine((s, ctx) => {
  for (const p of crossFieldProblems(s))
    ctx.addIssue({ code: 'custom', path: p.path, message: p.message, input: p.found });
});

/** A field that must not exceed another one (a lower bound above its upper bound). */
function atMost(path: string[], found: number, other: string, limit: number): CrossFieldProblem {
  return { path, message: `must be at most ${other} (${limit})`, found };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A scenario as written in a file (fields with defaults are optional). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;

// Compile-time check: a validated scenario is exactly what the model runs on.
type Assignable<T extends ModelParams> = T;
export type ScenarioIsModelParams = Assignable<Scenario>;
