/**
 * `loadBalancer`: the algorithm and its settings (validateLoadBalancer; the CRD's `oneOf` of
 * simple, consistentHash and backendUtilization; its CEL rule that warmup durations be at
 * least 1ms). Locality settings are in ./locality.ts.
 */
import { Severity } from '../../diagnostic';
import { arrayAt, isObject, JsonObject, objectAt, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { checkProtoDuration } from '../istio-common/duration';
import { drRule, isSet, reporter, settingsOf } from './shape';

/** The algorithms of which the CRD allows one. */
const ALGORITHMS: readonly string[] = ['simple', 'consistentHash', 'backendUtilization'];
/** Maglev's largest table size plus one (validateLoadBalancer). */
const MAGLEV_TABLE_LIMIT = 5000011;
/** Beyond this, primality is not tested (the size is refused anyway, and the test would be slow). */
const PRIME_TEST_LIMIT = 1e12;

/** `consistentHash` of every inspected load balancer that sets it. */
function consistentHashesOf(manifest: unknown): Array<{ hash: JsonObject; path: string }> {
  const found: Array<{ hash: JsonObject; path: string }> = [];
  for (const { settings, path } of settingsOf(manifest, 'loadBalancer')) {
    const hash = objectAt(settings, 'consistentHash');
    if (hash) found.push({ hash, path: `${path}.consistentHash` });
  }
  return found;
}

/** Envoy's `isPrime`, which Istio copies: 1, 2 and 3 are prime, 0 is not. */
export function isEnvoyPrime(x: number): boolean {
  if (x !== 0 && x < 4) return true;
  if (x % 2 === 0) return false;
  const limit = Math.floor(Math.sqrt(x));
  for (let factor = 3; factor <= limit; factor += 2) {
    if (x % factor === 0) return false;
  }
  return true;
}

/** A uint64 as protobuf JSON writes it: a number, or a string of digits. */
function readUint64(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^[0-9]+$/.test(value)) return Number(value);
  return undefined;
}

export const oneAlgorithmRule: ManifestRule = drRule({
  code: 'DR028',
  name: 'load-balancer-one-algorithm',
  severity: Severity.ERROR,
  upstream: [],
  description: 'a loadBalancer sets at most one of simple, consistentHash and backendUtilization (CRD oneOf; the webhook does not check it)',
  check(manifest, context) {
    for (const { settings, path } of settingsOf(manifest, 'loadBalancer', true)) {
      const set = ALGORITHMS.filter(field => isSet(settings, field));
      if (set.length < 2) continue;
      context.report(path,
        `loadBalancer sets ${set.join(' and ')}: it must set only one of simple, consistentHash or backendUtilization, as the algorithms exclude each other; keep one`, settings);
    }
  },
});

export const httpCookieNameRule: ManifestRule = drRule({
  code: 'DR029',
  name: 'http-cookie-name',
  severity: Severity.ERROR,
  description: 'consistentHash.httpCookie names its cookie (validateLoadBalancer)',
  check(manifest, context) {
    for (const { hash, path } of consistentHashesOf(manifest)) {
      const cookie = objectAt(hash, 'httpCookie');
      if (cookie === undefined) continue;
      const name = valueAt(cookie, 'name');
      if (name !== undefined && name !== null && name !== '') continue;
      context.report(`${path}.httpCookie.name`, 'name required for HttpCookie: name the cookie to hash on, such as "user"', name);
    }
  },
});

export const cookieAttributesRule: ManifestRule = drRule({
  code: 'DR030',
  name: 'http-cookie-attributes',
  severity: Severity.ERROR,
  description: 'httpCookie.attributes have names, each once (validateLoadBalancer)',
  check(manifest, context) {
    for (const { hash, path } of consistentHashesOf(manifest)) {
      const base = `${path}.httpCookie.attributes`;
      const seen = new Set<string>();
      (arrayAt(objectAt(hash, 'httpCookie'), 'attributes') ?? []).forEach((attribute, index) => {
        const name = valueAt(attribute, 'name');
        if (name === undefined || name === null || name === '') {
          context.report(`${base}[${index}].name`, 'cookie attribute name cannot be empty: name the attribute, such as "SameSite"', name);
        } else if (typeof name === 'string') {
          if (seen.has(name)) {
            context.report(`${base}[${index}].name`, `duplicate cookie attribute name: ${show(name)}: list each attribute once`, name);
          }
          seen.add(name);
        }
      });
    }
  },
});

export const minimumRingSizeDeprecatedRule: ManifestRule = drRule({
  code: 'DR031',
  name: 'minimum-ring-size-deprecated',
  severity: Severity.WARNING,
  description: 'consistentHash.minimumRingSize is deprecated in favour of consistentHash.ringHash.minimumRingSize (validateLoadBalancer)',
  check(manifest, context) {
    for (const { hash, path } of consistentHashesOf(manifest)) {
      const size = readUint64(valueAt(hash, 'minimumRingSize'));
      if (size === undefined || size === 0) continue;
      context.report(`${path}.minimumRingSize`,
        `consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead: write ringHash: {minimumRingSize: ${size}}`, size);
    }
  },
});

export const ringSizeWithAlgorithmRule: ManifestRule = drRule({
  code: 'DR032',
  name: 'minimum-ring-size-with-hash-algorithm',
  severity: Severity.ERROR,
  description: 'the deprecated consistentHash.minimumRingSize is not combined with ringHash or maglev (validateLoadBalancer)',
  check(manifest, context) {
    for (const { hash, path } of consistentHashesOf(manifest)) {
      const size = readUint64(valueAt(hash, 'minimumRingSize'));
      if (size === undefined || size === 0 || !(isSet(hash, 'ringHash') || isSet(hash, 'maglev'))) continue;
      context.report(`${path}.minimumRingSize`,
        'only one of MinimumRingSize or Maglev/Ringhash can be specified: move the size into ringHash.minimumRingSize, or drop it when using maglev', size);
    }
  },
});

export const maglevTableSizeRule: ManifestRule = drRule({
  code: 'DR033',
  name: 'maglev-table-size',
  severity: Severity.ERROR,
  description: `consistentHash.maglev.tableSize is set to a prime number below ${MAGLEV_TABLE_LIMIT}, such as 65537 (validateLoadBalancer)`,
  check(manifest, context) {
    for (const { hash, path } of consistentHashesOf(manifest)) {
      const maglev = valueAt(hash, 'maglev');
      if (!isObject(maglev)) continue;
      const raw = valueAt(maglev, 'tableSize');
      const size = raw === undefined || raw === null ? 0 : readUint64(raw);
      if (size === undefined) continue;
      const at = `${path}.maglev.tableSize`;
      if (size === 0) {
        context.report(at, 'tableSize must be set for maglev: set a prime number, such as 65537 (Envoy\'s default)', raw);
      }
      if (size >= MAGLEV_TABLE_LIMIT) {
        context.report(at, `tableSize must be less than ${MAGLEV_TABLE_LIMIT} for maglev, got ${size}: use a smaller prime, such as 65537`, raw);
      }
      if (Number.isInteger(size) && size <= PRIME_TEST_LIMIT && !isEnvoyPrime(size)) {
        context.report(at, `tableSize must be a prime number for maglev, got ${size}: use a prime, such as 65537`, raw);
      }
    }
  },
});

export const warmupRule: ManifestRule = drRule({
  code: 'DR034',
  name: 'load-balancer-warmup',
  severity: Severity.ERROR,
  description: 'loadBalancer.warmup has a duration of at least 1ms in whole milliseconds, minimumPercent at most 100 and a positive aggression; warmupDurationSecs is at least 1ms (validateLoadBalancer, agent.ValidateDuration; CRD CEL rules)',
  check(manifest, context) {
    const report = reporter(context);
    for (const { settings, path } of settingsOf(manifest, 'loadBalancer')) {
      checkProtoDuration(valueAt(settings, 'warmupDurationSecs'), `${path}.warmupDurationSecs`, report, { celOnly: true });
      const warmup = valueAt(settings, 'warmup');
      if (!isObject(warmup)) continue;
      if (isSet(warmup, 'duration')) {
        checkProtoDuration(warmup.duration, `${path}.warmup.duration`, report);
      } else {
        context.report(`${path}.warmup.duration`, 'duration is required: set how long new endpoints warm up, such as "60s"');
      }
      const minimumPercent = valueAt(warmup, 'minimumPercent');
      if (typeof minimumPercent === 'number' && minimumPercent > 100) {
        context.report(`${path}.warmup.minimumPercent`,
          `minimumPercent value should be less than or equal to 100, got ${minimumPercent}: it is the share of traffic a new endpoint gets at the start of its warmup`, minimumPercent);
      }
      const aggression = valueAt(warmup, 'aggression');
      if (typeof aggression === 'number' && aggression <= 0) {
        context.report(`${path}.warmup.aggression`,
          `aggression should be greater than 0, got ${aggression}: 1 (the default) raises traffic linearly, larger values faster at the end`, aggression);
      }
    }
  },
});

export const LOAD_BALANCER_RULES: readonly ManifestRule[] = [
  oneAlgorithmRule, httpCookieNameRule, cookieAttributesRule, minimumRingSizeDeprecatedRule,
  ringSizeWithAlgorithmRule, maglevTableSizeRule, warmupRule,
];
