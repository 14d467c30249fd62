import fc from 'fast-check';

/*
 * A fast-check arbitrary of valid scenario documents: small regions (1-3 of up to
 * `maxHouseholds` households), values across the valid range of parameters in every
 * section, any strategy (founding, mode, enabled stages, schedule), `minMonths` to
 * `maxMonths` months (default 24-48), and a run seed.
 *
 * `extreme` draws doubles the way fc.double does, biased to the ends of each range
 * (tiny subnormal values like 5e-324, values a hair below the maximum); otherwise values
 * are spread evenly on a grid of a million steps, which keeps counterexamples readable.
 */
export function scenarioArbitrary({
  extreme = false,
  minMonths = 24,
  maxMonths = 48,
  maxHouseholds = 150,
}: {
  extreme?: boolean;
  minMonths?: number;
  maxMonths?: number;
  maxHouseholds?: number;
} = {}) {
  const num = (min: number, max: number) =>
    extreme
      ? fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
      : fc.integer({ min: 0, max: 1_000_000 }).map((k) => min + ((max - min) * k) / 1_000_000);
  const share = () => num(0, 1);
  /** n non-negative weights summing to 1. */
  const weights = (n: number) =>
    fc.array(num(0, 1), { minLength: n, maxLength: n }).map((w) => {
      const total = w.reduce((a, b) => a + b, 0);
      return total > 1e-6 ? w.map((x) => x / total) : w.map(() => 1 / n);
    });

  const regionArb = fc.record({
    households: fc.integer({ min: 1, max: maxHouseholds }),
    productivityScale: num(0.3, 2),
    agriculture: fc.record({
      capacity: num(0, 3e8),
      requiredSkill: share(),
      setupCapital: num(0, 3e8),
      regeneration: num(0, 0.3),
    }),
    tourism: fc.record({
      capacity: num(0, 2e8),
      requiredSkill: share(),
      setupCapital: num(0, 3e8),
      regeneration: fc.constant(0),
    }),
  });

  const scheduleMonth = () => fc.option(fc.integer({ min: 0, max: 48 }), { nil: null });

  return fc
    .record({
      months: fc.integer({ min: minMonths, max: maxMonths }),
      regions: fc.array(regionArb, { minLength: 1, maxLength: 3 }),
      crossRegionTies: num(0, 0.2),
      networkDegree: fc.integer({ min: 2, max: 12 }),
      networkRewiring: share(),
      households: fc.record({
        meanSize: num(1, 8),
        productivityMedian: num(2e5, 4e6),
        productivitySigma: num(0.05, 1.5),
        occupation: weights(6),
        initialCashMonths: num(0, 6),
        initialSkillMean: share(),
        skillReturn: num(0, 2),
        skillReturnCurvature: num(0.1, 1),
        skillDepreciation: num(0, 0.2),
        traderLocalShare: share(),
        shopkeeperLocalShare: share(),
        traderCapitalMonths: num(0, 24),
        consumptionBufferMonths: num(0, 6),
        consumptionAdjust: share(),
      }),
      shocks: fc.record({
        incomeNoiseSd: num(0, 0.6),
        regionalShockProbability: num(0, 0.3),
        regionalShockSize: share(),
        regionalShockMonths: fc.integer({ min: 1, max: 12 }),
        healthShockProbability: num(0, 0.3),
        healthShockMonths: num(0, 3),
      }),
      awareness: fc.record({
        initialMean: share(),
        campaignBudget: num(0, 2e7),
        costPerHousehold: num(1_000, 200_000),
        targeting: fc.constantFrom('random', 'poorest', 'connected'),
        culturalFit: share(),
        uptake: share(),
        resistanceFit: share(),
        resistanceTrustLoss: share(),
        peerWeight: share(),
        peerExponent: num(1, 6),
        decay: num(0, 0.3),
      }),
      membership: fc.record({
        simpananPokok: num(0, 1e6),
        simpananWajib: num(0, 2e5),
        feeSubsidy: share(),
        pokokInstalments: fc.integer({ min: 1, max: 24 }),
        thresholdMean: share(),
        thresholdSd: share(),
        exitTrustMean: share(),
        valueOfMembership: num(0, 2e5),
        affordabilityBufferMonths: num(0, 3),
        initialTrust: share(),
        villageTrustSd: num(0, 0.3),
        distanceMean: num(0, 10),
        travelCostPerKm: num(0, 5e4),
        meetingDaysPerMonth: num(0, 3),
        topDownEnrolledShare: share(),
        loanMultiple: num(0, 5),
        loanRate: num(0, 0.1),
      }),
      market: fc.record({
        middlemanMargin: num(0, 0.6),
        middlemanHandlingCost: num(0, 0.6),
        coopSurplusMargin: num(0, 0.2),
        coopPurchaseShare: share(),
        warungMargin: num(0, 0.5),
        yardstickEffect: share(),
        engelFoodShareAtLine: share(),
        engelSlope: num(0, 0.5),
        tierSharesNonFood: weights(3),
      }),
      enterprises: fc.record({
        storeSetupCost: num(0, 1e8),
        storeMinDemand: num(0, 3e7),
        marketingSetupCost: num(0, 1e8),
        marketingMinSupply: num(0, 6e7),
        capacityPerSetup: num(0.1, 10),
        workingCapitalMonths: num(0, 3),
        storeHandlingCost: num(0, 0.2),
        priceAdjust: share(),
        liquidityReserve: share(),
        overheadRate: num(0, 0.2),
        wage: num(0, 5e6),
        expansionRate: share(),
        conversionProbability: num(0, 0.3),
        integrationLinkCost: num(0, 5e7),
        integrationCostReduction: num(0, 0.3),
        closureLossMonths: fc.integer({ min: 1, max: 12 }),
        potentialMarketShare: share(),
        potentialInputShare: share(),
        potentialDepletion: share(),
      }),
      governance: fc.record({
        initialBottomUp: share(),
        initialTopDown: share(),
        adjustRate: share(),
        supervision: share(),
        mismanagementBase: num(0, 0.3),
        mismanagementLoss: share(),
        mismanagementTrustShock: share(),
        eliteCaptureBase: share(),
        ratMidpoint: share(),
        ratSteepness: num(0, 50),
        trustAdjust: share(),
      }),
      shu: weights(7),
      strategy: fc.record({
        founding: fc.constantFrom('bottom-up', 'top-down', 'none'),
        mode: fc.constantFrom('gated', 'scheduled'),
        enabledStages: fc.subarray([1, 2, 3, 4, 5, 6]),
        schedule: fc.record({
          stage1: scheduleMonth(),
          stage2: scheduleMonth(),
          stage3: scheduleMonth(),
          stage4: scheduleMonth(),
          stage5: scheduleMonth(),
          stage6: scheduleMonth(),
        }),
        topDownGrant: num(0, 1e9),
        topDownCredit: fc.boolean(),
      }),
      gates: fc.record({
        stage2Awareness: num(0, 0.6),
        stage2MemberShare: num(0, 0.4),
        stage3Enterprises: fc.integer({ min: 0, max: 4 }),
        stage3Integration: num(0, 0.4),
        stage4CapitalPerHousehold: num(0, 1e6),
        openProbability: num(0.01, 1),
        stage5RegionShare: share(),
        stage5MinStage: fc.integer({ min: 1, max: 4 }),
        stage6MemberShare: num(0, 0.5),
        stage6SocialFundPerHousehold: num(0, 5e4),
      }),
      institution: fc.record({
        setupCost: num(0, 3e8),
        monthlyCost: num(0, 3e7),
        grantPerMonth: num(0, 2e7),
        trainedPerMonth: fc.integer({ min: 0, max: 100 }),
        skillGain: share(),
        awarenessGain: share(),
        managementGain: num(0, 0.1),
        governanceGain: num(0, 0.1),
        rdQualityGain: num(0, 0.1),
      }),
      federation: fc.record({
        overhead: num(0, 2e7),
        marketReachMultiplier: num(1, 3),
        sharedDistributionSaving: num(0, 0.3),
        tradeShare: share(),
        credit: fc
          .record({
            amount: num(0, 3e9),
            annualRate: num(0, 0.3),
            termMonths: fc.integer({ min: 1, max: 120 }),
            graceMonths: fc.integer({ min: 0, max: 12 }),
            minGovernance: share(),
          })
          // Repayment starts within the term (a cross-field rule of the schema).
          .map((c) => ({ ...c, graceMonths: Math.min(c.graceMonths, c.termMonths - 1) })),
      }),
      social: fc.record({
        governmentBudget: num(0, 5e7),
        targetShare: share(),
        scholarshipShare: num(0, 0.5),
        scholarshipSkillGain: share(),
        healthShare: num(0, 0.5),
        fundSpendRate: share(),
      }),
      seed: fc.integer({ min: 0, max: 4294967295 }),
    })
    .map(({ regions, households: { occupation, ...households }, shu, seed, ...rest }) => ({
      seed,
      document: {
        ...rest,
        regions: regions.map((r, k) => ({
          name: `r${k}`,
          households: r.households,
          productivityScale: r.productivityScale,
          potentials: { agriculture: r.agriculture, tourism: r.tourism },
        })),
        households: {
          ...households,
          occupationShares: {
            farmer: occupation[0],
            fisher: occupation[1],
            artisan: occupation[2],
            trader: occupation[3],
            laborer: occupation[4],
            shopkeeper: occupation[5],
          },
        },
        shu: {
          reserve: shu[0],
          patronage: shu[1],
          capital: shu[2],
          board: shu[3],
          staff: shu[4],
          education: shu[5],
          social: shu[6],
        },
      },
    }));
}
