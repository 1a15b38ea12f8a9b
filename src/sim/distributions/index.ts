export type { Distribution, DistributionSpec } from './Distribution.js';
export { constant } from './constant.js';
export { uniform } from './uniform.js';
export { triangular } from './triangular.js';
export { pert } from './pert.js';
export { lognormal } from './lognormal.js';
export { normal } from './normal.js';
export { discrete } from './discrete.js';
export { distribution, DISTRIBUTION_FAMILIES } from './fromSpec.js';
