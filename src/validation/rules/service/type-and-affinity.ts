/**
 * `spec.type`, `spec.sessionAffinity` and `spec.sessionAffinityConfig`.
 */
import { isValidAffinityTimeout, MAX_CLIENT_IP_AFFINITY_SECONDS } from '../../format/limits';
import { Severity } from '../../diagnostic';
import { SERVICE } from '../../kinds';
import { objectAt, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { describeType, describeValue, enumProblem, isInteger, specEnumRule } from './fields';
import { SERVICE_TYPES, effectiveType, isSet, serviceShape } from './service-type';

const AFFINITIES = ['ClientIP', 'None'];

export const serviceTypeRule: ManifestRule = {
  code: 'SVC001',
  name: 'service-type',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'spec.type is ClusterIP (the default), NodePort, LoadBalancer or ExternalName (ValidateService)',
  check(manifest, context) {
    const raw = valueAt(objectAt(manifest, 'spec'), 'type');
    if (effectiveType(raw) !== undefined) return;
    const problem = enumProblem('type', raw, SERVICE_TYPES);
    if (problem) context.report('spec.type', problem, raw);
  },
};

export const sessionAffinityRule: ManifestRule = specEnumRule({
  code: 'SVC002',
  name: 'session-affinity',
  description: 'spec.sessionAffinity is ClientIP or None, the default (ValidateService)',
  field: 'sessionAffinity',
  allowed: AFFINITIES,
  // absent and "" are defaulted to None by SetDefaults_Service
  emptyIsDefault: true,
});

export const sessionAffinityTimeoutRule: ManifestRule = {
  code: 'SVC003',
  name: 'session-affinity-timeout',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: `with sessionAffinity ClientIP, sessionAffinityConfig.clientIP.timeoutSeconds is a whole number of seconds, 0 < t <= ${MAX_CLIENT_IP_AFFINITY_SECONDS}; absent, the API server sets 10800 (validateClientIPAffinityConfig)`,
  check(manifest, context) {
    const spec = objectAt(manifest, 'spec');
    // the config is only read with ClientIP; with None it is SVC004's business
    if (valueAt(spec, 'sessionAffinity') !== 'ClientIP') return;
    const config = valueAt(spec, 'sessionAffinityConfig');
    if (!isSet(config)) return;
    if (objectAt(spec, 'sessionAffinityConfig') === undefined) {
      context.report('spec.sessionAffinityConfig', `sessionAffinityConfig must be an object like {clientIP: {timeoutSeconds: 10800}}, got ${describeType(config)}`, config);
      return;
    }
    const clientIp = valueAt(config, 'clientIP');
    if (!isSet(clientIp)) return;
    if (objectAt(config, 'clientIP') === undefined) {
      context.report('spec.sessionAffinityConfig.clientIP', `sessionAffinityConfig.clientIP must be an object like {timeoutSeconds: 10800}, got ${describeType(clientIp)}`, clientIp);
      return;
    }
    const timeout = valueAt(clientIp, 'timeoutSeconds');
    if (!isSet(timeout)) return;
    const path = 'spec.sessionAffinityConfig.clientIP.timeoutSeconds';
    if (!isInteger(timeout)) {
      const quoted = typeof timeout === 'string' && /^\s*\d+\s*$/.test(timeout) ? ': write the number without quotes' : '';
      context.report(path, `timeoutSeconds must be a whole number of seconds between 1 and ${MAX_CLIENT_IP_AFFINITY_SECONDS}, got ${describeValue(timeout)}${quoted}`, timeout);
    } else if (!isValidAffinityTimeout(timeout)) {
      context.report(path, `timeoutSeconds ${timeout} must be greater than 0 and at most ${MAX_CLIENT_IP_AFFINITY_SECONDS} (one day)`, timeout);
    }
  },
};

export const sessionAffinityConfigRule: ManifestRule = {
  code: 'SVC004',
  name: 'session-affinity-config',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'sessionAffinityConfig requires sessionAffinity ClientIP: with None (the default) validation refuses it and the v1 defaulter silently drops it (ValidateService, SetDefaults_Service)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    const config = valueAt(shape.spec, 'sessionAffinityConfig');
    if (!isSet(config)) return;
    const affinity = valueAt(shape.spec, 'sessionAffinity');
    if (isSet(affinity) && affinity !== '' && affinity !== 'None') return;
    const which = isSet(affinity) && affinity !== '' ? 'is None' : 'is not set (None)';
    context.report('spec.sessionAffinityConfig',
      `sessionAffinityConfig must not be set when sessionAffinity ${which}: validation refuses it, and the API server's v1 defaulter silently drops it first, so the timeout is lost; set sessionAffinity: ClientIP or remove sessionAffinityConfig`,
      config);
  },
};

export const TYPE_AND_AFFINITY_RULES: readonly ManifestRule[] = [
  serviceTypeRule,
  sessionAffinityRule,
  sessionAffinityTimeoutRule,
  sessionAffinityConfigRule,
];
