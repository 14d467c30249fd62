/** A calibration that runs in a few seconds: status quo, one village of 120 households, 2 parameters, 2 generations, a pending target. */
export const TINY_CALIBRATION = `
kind: calibration
name: tiny
seed: 5
particles: 4
proposals: 8
generations: 2
set: ['regions=[{"name":"A","households":120}]']
parameters:
  - path: households.productivitySigma
    distribution: uniform
    min: 0.35
    max: 0.8
  - path: market.engelFoodShareAtLine
    distribution: beta
    a: 2
    b: 2
    min: 0.5
    max: 0.75
targets:
  - name: gini
    source: by hand
    scenario: status-quo
    indicator: gini
    month: 0
    observed: 0.306
    tolerance: 0.01
  - name: food
    source: by hand
    scenario: status-quo
    indicator: food_share
    window: [0, 3]
    observed: 0.5
    standardError: 0.02
  - name: later
    source: by hand
    observed: 0.5
    tolerance: 0.1
    pending: needs an indicator the model does not have
`;
