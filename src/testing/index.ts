/**
 * coordsim/testing — property-test scheduling invariants of the engine and of your own
 * scenarios with fast-check. Re-exports only; see docs/property-testing.md.
 */
export { FAMILY_NAMES, resolveScenarioConstraints, type FamilyName, type GeneratedTopology, type ScenarioConstraints, type ResolvedScenarioConstraints } from './ScenarioConstraints.js';
export { distributionArbitrary, gridValue, type DistributionConstraints } from './distributionArbitrary.js';
export { strategyArbitrary, strategyGeneArbitrary, strategyFor, type StrategyGene } from './strategyArbitrary.js';
export { scenarioArbitrary, runCaseArbitrary, seedArbitrary, strategyNames, type RunCase } from './arbitraries.js';
export { branchedScenarioArbitrary } from './branchedScenarioArbitrary.js';
export { INVARIANTS, INVARIANT_NAMES, type InvariantName, type Violation } from './Violation.js';
export { checkInvariants, type CheckInvariantsOptions } from './checkInvariants.js';
export { checkDeterminism, type RunSelector } from './checkDeterminism.js';
export { checkScaling, type ScalingOptions } from './checkScaling.js';
export { scaleScenario, scaleDistribution } from './scaleScenario.js';
export { readTrace, type Execution, type ExecutionKind, type Meeting, type TraceReading } from './readTrace.js';
export { firstExecution, gateDoneTime, releases, type Release } from './traceQueries.js';
export { shrinkScenario, type ShrinkOptions, type ShrinkResult } from './shrinkScenario.js';
export { checkScenario, type CheckScenarioOptions, type CheckScenarioReport, type FoundViolation } from './checkScenario.js';
export { scenarioYaml } from './scenarioYaml.js';
export { meetsDeadline, type ScenarioProperty } from './ScenarioProperty.js';
