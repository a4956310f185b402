/**
 * The OpenAPI formats Istio's schema uses, for ajv: the runtime compile in istio-validator.ts
 * and the precompiled validator (istio-spec-validator.generated.js) load them from here.
 */

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** A whole number in the int32 range. */
export const int32 = { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX };
/** Any number. */
export const double = true;
/** Base64 text; ajv does not check it. */
export const binary = true;
