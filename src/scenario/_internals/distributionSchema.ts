/**
 * JSON Schema of a distribution (docs/scenario-format.md): a number >= 0, or an object with exactly one of
 * the keyed forms. Encoded without `oneOf` so a validator reports the one thing that is
 * wrong (an unknown key, a missing parameter) instead of one failure per alternative.
 * Parameter values (order, signs) are checked by `distribution()`, the single source of
 * truth for what a family accepts.
 */
export const distributionSchema = {
  description:
    'A non-negative quantity in time units: a number (constant), or exactly one of ' +
    '{uniform: [a, b]}, {triangular: [min, mode, max]}, {pert: [min, mode, max]}, ' +
    '{lognormal: {median, p90}}, {normal: {mean, sd}}, {discrete: [[value, weight], ...]}.',
  type: ['number', 'object'],
  minimum: 0,
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  properties: {
    uniform: {
      description: '[a, b]: every value between a and b equally likely. Mean (a + b) / 2.',
      type: 'array',
      items: { type: 'number' },
      minItems: 2,
      maxItems: 2,
    },
    triangular: {
      description: '[min, mode, max]: triangular distribution. Mean (min + mode + max) / 3.',
      type: 'array',
      items: { type: 'number' },
      minItems: 3,
      maxItems: 3,
    },
    pert: {
      description:
        '[min, mode, max]: Beta-PERT (lambda = 4), the classic three-point estimate. ' +
        'Mean (min + 4 * mode + max) / 6.',
      type: 'array',
      items: { type: 'number' },
      minItems: 3,
      maxItems: 3,
    },
    lognormal: {
      description:
        'Right-skewed: half the values are below `median`, 90% below `p90`. ' +
        'Mean median * exp(s^2 / 2) with s = ln(p90 / median) / 1.2816.',
      type: 'object',
      additionalProperties: false,
      required: ['median', 'p90'],
      properties: {
        median: { description: 'The 50th percentile (> 0).', type: 'number' },
        p90: { description: 'The 90th percentile (>= median).', type: 'number' },
      },
    },
    normal: {
      description: 'Normal distribution truncated at 0 (no negative draws); its mean is therefore a little above `mean` when sd is large.',
      type: 'object',
      additionalProperties: false,
      required: ['mean', 'sd'],
      properties: {
        mean: { description: 'Mean before truncation.', type: 'number' },
        sd: { description: 'Standard deviation (>= 0).', type: 'number' },
      },
    },
    discrete: {
      description: '[[value, weight], ...]: one of the listed values, with probability proportional to its weight. Mean sum(value * weight) / sum(weight).',
      type: 'array',
      minItems: 1,
      items: {
        description: '[value, weight]',
        type: 'array',
        items: { type: 'number' },
        minItems: 2,
        maxItems: 2,
      },
    },
  },
} as const;
