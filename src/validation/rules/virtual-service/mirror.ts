/**
 * Traffic mirroring of http routes: `mirror` with `mirrorPercentage` (or the deprecated
 * `mirrorPercent`), and `mirrors[]` (validateHTTPRoute, validateHTTPMirrors).
 */
import { Severity } from '../../diagnostic';
import { checkMirrorPercentage } from '../../format/percent';
import { JsonObject, has, isObject, valueAt } from '../../manifest';
import { ManifestRule, RuleContext } from '../../rule';
import { checkDestination } from './destinations';
import { httpRouteRule, isInteger, listAt } from './http-routes';
import { describeKind } from './shape';

const PERCENT_HINT = '0 turns mirroring off, 100 mirrors every request';

/** Checks one `Percent` object (`{value: <number>}`) at `path`. */
function checkPercent(percent: unknown, path: string, field: string, context: RuleContext): void {
  if (!isObject(percent)) {
    context.report(path, `${field} must be an object such as {value: 50}, got ${describeKind(percent)}`, percent);
    return;
  }
  const value = percent.value;
  for (const problem of checkMirrorPercentage(value)) {
    context.report(`${path}.value`, `invalid ${field}: ${problem} (${PERCENT_HINT})`, value);
  }
}

export const mirrorPercentageRule: ManifestRule = httpRouteRule({
  code: 'VS024',
  name: 'mirror-percentage',
  severity: Severity.ERROR,
  description: 'mirrorPercentage.value and mirrors[].percentage.value are in 0..100 (validateHTTPRoute, validateHTTPMirrors)',
  checkRoute({ route, path }, context) {
    if (has(route, 'mirrorPercentage')) {
      checkPercent(route.mirrorPercentage, `${path}.mirrorPercentage`, 'mirrorPercentage', context);
    }
    listAt(route, 'mirrors').forEach((mirror, index) => {
      if (has(mirror, 'percentage')) {
        checkPercent(valueAt(mirror, 'percentage'), `${path}.mirrors[${index}].percentage`, 'mirror percentage', context);
      }
    });
  },
});

/** The deprecated field, under its JSON name and its proto name (both decode). */
const MIRROR_PERCENT_KEYS = ['mirrorPercent', 'mirror_percent'] as const;

function mirrorPercentFields(route: JsonObject): Array<[string, unknown]> {
  return MIRROR_PERCENT_KEYS.filter(key => has(route, key)).map(key => [key, route[key]]);
}

export const mirrorPercentRule: ManifestRule = httpRouteRule({
  code: 'VS025',
  name: 'mirror-percent',
  severity: Severity.ERROR,
  description: 'the deprecated mirrorPercent is a whole number of at most 100 (validateHTTPRoute)',
  checkRoute({ route, path }, context) {
    for (const [key, value] of mirrorPercentFields(route)) {
      if (!isInteger(value) || value < 0) {
        context.report(`${path}.${key}`, `${key} must be a whole number from 0 to 100, got ${describeKind(value)}`, value);
      } else if (value > 100) {
        context.report(`${path}.${key}`, `${key} must have a max value of 100 (it has ${value})`, value);
      }
    }
  },
});

export const mirrorPercentDeprecatedRule: ManifestRule = httpRouteRule({
  code: 'VS026',
  name: 'mirror-percent-deprecated',
  severity: Severity.WARNING,
  description: 'mirrorPercent is deprecated: use mirrorPercentage (validateHTTPRoute warning)',
  checkRoute({ route, path }, context) {
    for (const [key, value] of mirrorPercentFields(route)) {
      const replacement = isInteger(value) && value >= 0 && value <= 100 ? `mirrorPercentage: {value: ${value}}` : 'mirrorPercentage: {value: <0-100>}';
      context.report(`${path}.${key}`,
        `using deprecated setting "mirrorPercent", use "mirrorPercentage" instead: write ${replacement}`,
        value);
    }
  },
});

export const mirrorDestinationRule: ManifestRule = httpRouteRule({
  code: 'VS027',
  name: 'mirror-destination',
  severity: Severity.ERROR,
  description: 'mirror and each mirrors[] entry name a valid destination (validateDestination, validateHTTPMirrors)',
  checkRoute({ route, path }, context) {
    if (has(route, 'mirror')) checkDestination(route.mirror, `${path}.mirror`, context.report);
    listAt(route, 'mirrors').forEach((mirror, index) => {
      const at = `${path}.mirrors[${index}]`;
      if (mirror === null || mirror === undefined) {
        context.report(at, 'mirror cannot be null: give it a destination, for example {destination: {host: my-service}}', mirror);
      } else if (!isObject(mirror)) {
        context.report(at, `mirror must be an object with a destination, got ${describeKind(mirror)}`, mirror);
      } else if (!has(mirror, 'destination')) {
        context.report(`${at}.destination`, 'destination is required for mirrors: name the service to mirror to, for example {host: my-service}');
      } else {
        checkDestination(mirror.destination, `${at}.destination`, context.report);
      }
    });
  },
});

/** VS024-VS027, in code order. */
export const MIRROR_RULES: readonly ManifestRule[] = [
  mirrorPercentageRule,
  mirrorPercentRule,
  mirrorPercentDeprecatedRule,
  mirrorDestinationRule,
];
