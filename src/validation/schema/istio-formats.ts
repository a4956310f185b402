/**
 * The OpenAPI formats Istio's schema uses, for ajv: the precompiled validator
 * (istio-spec-validator.generated.js) loads them from here, and its generator and the tests
 * compile the schema with them (scripts/istio-schema.ts).
 */

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** A whole number in the int32 range. */
export const int32 = { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX };
/** Any number. */
export const double = true;
/** Base64 text; ajv does not check it. */
export const binary = true;
