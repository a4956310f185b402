/**
 * `outlierDetection`: ejecting failing hosts from the load balancing pool
 * (validateOutlierDetection; the CRD's CEL rule that `interval` and `baseEjectionTime` be at
 * least 1ms is the same as ValidateDuration's first check).
 */
import { Severity } from '../../diagnostic';
import { show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { checkProtoDuration } from '../istio-common/duration';
import { drRule, reporter, settingsOf } from './shape';

export const outlierDurationRule: ManifestRule = drRule({
  code: 'DR019',
  name: 'outlier-detection-duration',
  severity: Severity.ERROR,
  description: 'outlierDetection.interval and baseEjectionTime are durations of at least 1ms, in whole milliseconds (validateOutlierDetection, agent.ValidateDuration; CRD CEL rule)',
  check(manifest, context) {
    for (const { settings, path } of settingsOf(manifest, 'outlierDetection')) {
      checkProtoDuration(valueAt(settings, 'baseEjectionTime'), `${path}.baseEjectionTime`, reporter(context));
      checkProtoDuration(valueAt(settings, 'interval'), `${path}.interval`, reporter(context));
    }
  },
});

export const consecutiveErrorsRule: ManifestRule = drRule({
  code: 'DR020',
  name: 'outlier-consecutive-errors-deprecated',
  severity: Severity.WARNING,
  description: 'outlierDetection.consecutiveErrors is deprecated in favour of consecutiveGatewayErrors and consecutive5xxErrors (validateOutlierDetection)',
  check(manifest, context) {
    for (const { settings, path } of settingsOf(manifest, 'outlierDetection')) {
      const value = valueAt(settings, 'consecutiveErrors');
      if (typeof value !== 'number' || value === 0) continue;
      context.report(`${path}.consecutiveErrors`,
        `outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead: replace consecutiveErrors: ${show(value)} with consecutive5xxErrors (5xx responses) or consecutiveGatewayErrors (502, 503 and 504 only)`, value);
    }
  },
});

export const localOriginFailuresRule: ManifestRule = drRule({
  code: 'DR021',
  name: 'outlier-local-origin-without-split',
  severity: Severity.ERROR,
  description: 'outlierDetection.consecutiveLocalOriginFailures is set only with splitExternalLocalOriginErrors: true (validateOutlierDetection)',
  check(manifest, context) {
    for (const { settings, path } of settingsOf(manifest, 'outlierDetection')) {
      const failures = valueAt(settings, 'consecutiveLocalOriginFailures');
      if (typeof failures !== 'number' || !(failures > 0) || valueAt(settings, 'splitExternalLocalOriginErrors') === true) continue;
      context.report(`${path}.consecutiveLocalOriginFailures`,
        `outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false: consecutiveLocalOriginFailures ${show(failures)} takes effect only with splitExternalLocalOriginErrors: true; set it, or remove consecutiveLocalOriginFailures`, failures);
    }
  },
});

export const outlierPercentRule: ManifestRule = drRule({
  code: 'DR022',
  name: 'outlier-detection-percent',
  severity: Severity.ERROR,
  description: 'outlierDetection.maxEjectionPercent and minHealthPercent are percentages, 0-100 (validateOutlierDetection, ValidatePercent)',
  check(manifest, context) {
    for (const { settings, path } of settingsOf(manifest, 'outlierDetection')) {
      for (const field of ['maxEjectionPercent', 'minHealthPercent']) {
        const value = valueAt(settings, field);
        if (typeof value !== 'number' || (value >= 0 && value <= 100)) continue;
        context.report(`${path}.${field}`, `percentage ${show(value)} is not in range 0..100: ${field} is a whole percentage of the hosts, 0 to 100`, value);
      }
    }
  },
});

export const OUTLIER_DETECTION_RULES: readonly ManifestRule[] = [outlierDurationRule, consecutiveErrorsRule, localOriginFailuresRule, outlierPercentRule];
