/*
 * The parameters the model runs on, as plain types. The model depends on nothing but
 * core, so it declares what it needs here; src/scenario/schema.ts validates files into
 * exactly this shape (a compile-time check there keeps the two in step), and
 * docs/ODD.md documents every field with its default, unit and source.
 *
 * Money is rupiah per month unless a name says otherwise; shares are 0..1.
 */

export const STAGES = [1, 2, 3, 4, 5, 6] as const;
export type StageNumber = (typeof STAGES)[number];

/** The roadmap's stages by name (seed article): code names stages rather than numbering them. */
export const STAGE = {
  awareness: 1,
  enterprises: 2,
  potential: 3,
  institution: 4,
  federation: 5,
  social: 6,
} as const satisfies Record<string, StageNumber>;

export const OCCUPATIONS = ['farmer', 'fisher', 'artisan', 'trader', 'laborer', 'shopkeeper'] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

export const POTENTIAL_KINDS = ['agriculture', 'fisheries', 'tourism', 'localFood', 'crafts', 'culture'] as const;
export type PotentialKind = (typeof POTENTIAL_KINDS)[number];

export interface PotentialParams {
  readonly capacity: number;
  readonly requiredSkill: number;
  readonly setupCapital: number;
  readonly regeneration: number;
}

export interface RegionParams {
  readonly name: string;
  readonly households: number;
  readonly potentials: Readonly<Record<PotentialKind, PotentialParams>>;
  readonly productivityScale: number;
}

export interface HouseholdParams {
  readonly meanSize: number;
  readonly maxSize: number;
  readonly productivityMedian: number;
  readonly productivitySigma: number;
  readonly occupationShares: Readonly<Record<Occupation, number>>;
  readonly initialCashMonths: number;
  readonly initialSkillMean: number;
  readonly initialSkillSd: number;
  readonly skillReturn: number;
  readonly skillReturnCurvature: number;
  readonly skillDepreciation: number;
  readonly traderLocalShare: number;
  readonly shopkeeperLocalShare: number;
  readonly subsistenceFloor: number;
  readonly incomeSmoothing: number;
  readonly traderCapitalMonths: number;
  readonly consumptionBufferMonths: number;
  readonly consumptionAdjust: number;
  readonly initialCashSpread: number;
  readonly earnerShare: number;
}

export interface ShockParams {
  readonly incomeNoiseSd: number;
  readonly regionalShockProbability: number;
  readonly regionalShockSize: number;
  readonly regionalShockMonths: number;
  readonly healthShockProbability: number;
  readonly healthShockMonths: number;
}

export interface AwarenessParams {
  readonly initialMean: number;
  readonly campaignBudget: number;
  readonly costPerHousehold: number;
  readonly targeting: 'random' | 'poorest' | 'connected';
  readonly culturalFit: number;
  readonly uptake: number;
  readonly resistanceFit: number;
  readonly resistanceTrustLoss: number;
  readonly peerWeight: number;
  readonly peerExponent: number;
  readonly decay: number;
}

export interface MembershipParams {
  readonly simpananPokok: number;
  readonly simpananWajib: number;
  readonly feeSubsidy: number;
  readonly pokokInstalments: number;
  readonly thresholdMean: number;
  readonly thresholdSd: number;
  readonly thresholdMin: number;
  readonly exitTrustMean: number;
  readonly valueOfMembership: number;
  readonly affordabilityBufferMonths: number;
  readonly initialTrust: number;
  readonly trustSd: number;
  readonly villageTrustSd: number;
  readonly exitTrustSd: number;
  readonly distanceMean: number;
  readonly travelCostPerKm: number;
  readonly meetingDaysPerMonth: number;
  readonly benefitHorizonMonths: number;
  readonly dormantTrustLoss: number;
  readonly topDownEnrolledShare: number;
  readonly loanMultiple: number;
  readonly loanRate: number;
  readonly neighbourWeight: number;
  readonly loanRepaymentShare: number;
}

export interface MarketParams {
  readonly povertyLine: number;
  readonly middlemanMargin: number;
  readonly middlemanHandlingCost: number;
  readonly coopSurplusMargin: number;
  readonly coopPurchaseShare: number;
  readonly warungMargin: number;
  readonly qualityPricePremium: number;
  readonly yardstickEffect: number;
  readonly engelFoodShareAtLine: number;
  readonly engelSlope: number;
  readonly foodShareMin: number;
  readonly foodShareMax: number;
  readonly tierSharesNonFood: readonly [number, number, number];
}

export interface EnterpriseParams {
  readonly storeSetupCost: number;
  readonly storeMinDemand: number;
  readonly marketingSetupCost: number;
  readonly marketingMinSupply: number;
  readonly procurementSetupCost: number;
  readonly distributionSetupCost: number;
  readonly capacityPerSetup: number;
  readonly capacityAtZeroManagement: number;
  readonly capacityManagementGain: number;
  readonly workingCapitalMonths: number;
  readonly storeHandlingCost: number;
  readonly marketingTransportCost: number;
  readonly priceAdjust: number;
  readonly fixedAssetShare: number;
  readonly liquidityReserve: number;
  readonly overheadRate: number;
  readonly salesPerWorker: number;
  readonly wage: number;
  readonly depreciationRate: number;
  readonly expansionRate: number;
  readonly managedCapacity: number;
  readonly conversionProbability: number;
  readonly conversionBase: number;
  readonly integrationLinkCost: number;
  readonly integrationCostReduction: number;
  readonly closureLossMonths: number;
  readonly refoundingDelay: number;
  readonly potentialMarketShare: number;
  readonly potentialInputShare: number;
  readonly potentialDepletion: number;
  readonly potentialLabourIntensity: number;
  readonly wholesaleLabourIntensity: number;
  readonly marketingLabourIntensity: number;
  readonly hiringDrawsPerVacancy: number;
  readonly minStaffingShare: number;
  readonly expansionDemandMonths: number;
  readonly workingCapitalSweepMultiple: number;
  readonly closureCapitalShare: number;
  readonly potentialQualityOutput: number;
  readonly supplierFillThreshold: number;
  readonly distributionMinEnterprises: number;
  readonly procurementMinStores: number;
  readonly initialQuality: number;
  readonly laborerPriorityShare: number;
  readonly foundingsPerMonth: number;
  readonly linksPerMonth: number;
}

export interface GovernanceParams {
  readonly initialBottomUp: number;
  readonly initialTopDown: number;
  readonly initialManagementSkill: number;
  readonly adjustRate: number;
  readonly supervision: number;
  readonly mismanagementBase: number;
  readonly mismanagementLoss: number;
  readonly mismanagementTrustShock: number;
  readonly mismanagementExponent: number;
  readonly eliteCaptureBase: number;
  readonly ratMidpoint: number;
  readonly ratSteepness: number;
  readonly trustAdjust: number;
  readonly awarenessWeight: number;
  readonly ratWeight: number;
  readonly managementWeight: number;
  readonly supervisionWeight: number;
  readonly experienceGain: number;
  readonly boardSize: number;
  readonly ratTrustGain: number;
  readonly ratTrustLoss: number;
  readonly firstShuTrustGain: number;
  readonly shuTrustCap: number;
}

/** What makes a cooperative go dormant, and what revives it (failure and recovery). */
export interface DormancyParams {
  readonly baseHazard: number;
  readonly lossWeight: number;
  readonly illiquidityWeight: number;
  readonly arrearsWeight: number;
  readonly memberLossWeight: number;
  readonly governanceWeight: number;
  readonly ratSkippedWeight: number;
  readonly minMembers: number;
  readonly revivalProbability: number;
  readonly revivalGovernance: number;
  readonly arrearsTrustShock: number;
}

export interface ShuSplit {
  readonly reserve: number;
  readonly patronage: number;
  readonly capital: number;
  readonly board: number;
  readonly staff: number;
  readonly education: number;
  readonly social: number;
}

export interface GateParams {
  readonly stage2Awareness: number;
  readonly stage2MemberShare: number;
  readonly stage3Enterprises: number;
  readonly stage3Integration: number;
  readonly stage4CapitalPerHousehold: number;
  readonly stage5RegionShare: number;
  readonly stage5MinStage: number;
  readonly stage6MemberShare: number;
  readonly stage6SocialFundPerHousehold: number;
  readonly openProbability: number;
}

export interface StrategyParams {
  readonly name: string;
  readonly founding: 'bottom-up' | 'top-down' | 'none';
  readonly mode: 'gated' | 'scheduled';
  readonly schedule: Readonly<Record<`stage${StageNumber}`, number | null>>;
  readonly enabledStages: readonly StageNumber[];
  /** Stages that open (on their gates, schedule or timeline) but whose programmes do nothing. */
  readonly inertStages: readonly StageNumber[];
  /**
   * An imposed timeline: per region (in scenario order) the month each stage 1..6 opens, or
   * null for never. When given it replaces gates and schedule; null means no imposed timeline.
   */
  readonly timeline: readonly (readonly (number | null)[])[] | null;
  readonly topDownGrant: number;
  readonly topDownCredit: boolean;
}

export interface InstitutionParams {
  readonly setupCost: number;
  readonly monthlyCost: number;
  readonly grantPerMonth: number;
  readonly trainedPerMonth: number;
  readonly skillGain: number;
  readonly trainingDays: number;
  readonly workingDaysPerMonth: number;
  readonly memberTraineeShare: number;
  readonly awarenessGain: number;
  readonly managementGain: number;
  readonly governanceGain: number;
  readonly rdQualityGain: number;
  readonly rdReachGain: number;
}

export interface FederationParams {
  readonly overhead: number;
  readonly marketReachMultiplier: number;
  readonly sharedDistributionSaving: number;
  readonly tradeShare: number;
  readonly credit: {
    readonly amount: number;
    readonly annualRate: number;
    readonly termMonths: number;
    readonly graceMonths: number;
    readonly minGovernance: number;
    readonly assetShare: number;
  };
}

export interface SocialParams {
  readonly governmentBudget: number;
  readonly targetShare: number;
  readonly scholarshipShare: number;
  readonly scholarshipSkillGain: number;
  readonly scholarshipFee: number;
  readonly healthShare: number;
  readonly fundSpendRate: number;
}

/** Everything the model reads. A validated scenario is one of these plus its metadata. */
export interface ModelParams {
  readonly months: number;
  readonly regions: readonly RegionParams[];
  readonly crossRegionTies: number;
  readonly networkDegree: number;
  readonly networkRewiring: number;
  readonly households: HouseholdParams;
  readonly shocks: ShockParams;
  readonly awareness: AwarenessParams;
  readonly membership: MembershipParams;
  readonly market: MarketParams;
  readonly enterprises: EnterpriseParams;
  readonly governance: GovernanceParams;
  readonly dormancy: DormancyParams;
  readonly shu: ShuSplit;
  readonly strategy: StrategyParams;
  readonly gates: GateParams;
  readonly institution: InstitutionParams;
  readonly federation: FederationParams;
  readonly social: SocialParams;
}
