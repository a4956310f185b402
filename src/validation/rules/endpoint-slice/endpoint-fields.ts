import { Severity } from '../../diagnostic';
import { isDns1123Label, isDns1123Subdomain } from '../../format/dns';
import { isLabelValue } from '../../format/labels';
import { ENDPOINT_SLICE } from '../../kinds';
import { has, isObject, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { endpointsOf } from './walk';

/** EPS008: `hostname` is a DNS-1123 label. */
export const ENDPOINT_HOSTNAME: ManifestRule = {
  code: 'EPS008',
  name: 'endpoint-hostname',
  severity: Severity.ERROR,
  appliesTo: [ENDPOINT_SLICE],
  description: 'an endpoint hostname is a lowercase DNS-1123 label (ValidateDNS1123Label)',
  check(manifest, context) {
    for (const endpoint of endpointsOf(manifest)) {
      if (!has(endpoint.value, 'hostname')) continue;
      const path = `${endpoint.path}.hostname`;
      const hostname = valueAt(endpoint.value, 'hostname');
      if (typeof hostname !== 'string') {
        context.report(path, `hostname must be a string, got ${show(hostname)}`, hostname);
        continue;
      }
      const problems = isDns1123Label(hostname);
      if (problems.length > 0) context.report(path, `hostname ${show(hostname)} ${problems.join(', ')}`, hostname);
    }
  },
};

/** EPS009: `nodeName` is a valid Node name, a DNS-1123 subdomain. */
export const ENDPOINT_NODE_NAME: ManifestRule = {
  code: 'EPS009',
  name: 'endpoint-node-name',
  severity: Severity.ERROR,
  appliesTo: [ENDPOINT_SLICE],
  description: 'an endpoint nodeName is a valid Node name, a lowercase DNS-1123 subdomain (ValidateNodeName)',
  check(manifest, context) {
    for (const endpoint of endpointsOf(manifest)) {
      if (!has(endpoint.value, 'nodeName')) continue;
      const path = `${endpoint.path}.nodeName`;
      const nodeName = valueAt(endpoint.value, 'nodeName');
      if (typeof nodeName !== 'string') {
        context.report(path, `nodeName must be a string, got ${show(nodeName)}`, nodeName);
        continue;
      }
      const problems = isDns1123Subdomain(nodeName);
      if (problems.length > 0) context.report(path, `nodeName ${show(nodeName)} ${problems.join(', ')}`, nodeName);
    }
  },
};

const CONDITIONS = ['ready', 'serving', 'terminating'];

/** EPS010: conditions, zone, targetRef and deprecatedTopology have the JSON types the API decodes. */
export const ENDPOINT_FIELD_TYPES: ManifestRule = {
  code: 'EPS010',
  name: 'endpoint-field-types',
  severity: Severity.ERROR,
  appliesTo: [ENDPOINT_SLICE],
  description: 'endpoint conditions are an object of booleans (ready, serving, terminating), zone is a string, targetRef and deprecatedTopology are objects (discovery/v1 Endpoint decoding)',
  check(manifest, context) {
    for (const endpoint of endpointsOf(manifest)) {
      if (has(endpoint.value, 'conditions')) {
        const conditions = valueAt(endpoint.value, 'conditions');
        if (!isObject(conditions)) {
          context.report(`${endpoint.path}.conditions`, `conditions must be an object with ready, serving and terminating, got ${show(conditions)}`, conditions);
        } else {
          for (const condition of CONDITIONS) {
            const value = conditions[condition];
            if (value !== undefined && value !== null && typeof value !== 'boolean') {
              context.report(`${endpoint.path}.conditions.${condition}`, `conditions.${condition} must be true or false, got ${show(value)}`, value);
            }
          }
        }
      }
      const zone = valueAt(endpoint.value, 'zone');
      if (has(endpoint.value, 'zone') && typeof zone !== 'string') {
        context.report(`${endpoint.path}.zone`, `zone must be a string, got ${show(zone)}`, zone);
      }
      for (const key of ['targetRef', 'deprecatedTopology']) {
        const value = valueAt(endpoint.value, key);
        if (has(endpoint.value, key) && !isObject(value)) {
          context.report(`${endpoint.path}.${key}`, `${key} must be an object, got ${show(value)}`, value);
        }
      }
    }
  },
};

/** EPS011: a zone that is not a label value can never match a node's zone label. */
export const ENDPOINT_ZONE: ManifestRule = {
  code: 'EPS011',
  name: 'endpoint-zone',
  severity: Severity.WARNING,
  appliesTo: [ENDPOINT_SLICE],
  description: "an endpoint zone is a valid label value, or it can never match a node's topology.kubernetes.io/zone label (not checked by ValidateEndpointSlice)",
  check(manifest, context) {
    for (const endpoint of endpointsOf(manifest)) {
      const zone = valueAt(endpoint.value, 'zone');
      if (typeof zone !== 'string') continue;
      const problems = isLabelValue(zone);
      if (problems.length > 0) {
        context.report(
          `${endpoint.path}.zone`,
          `zone ${show(zone)} can never match a node's topology.kubernetes.io/zone label: ${problems.join(', ')}`,
          zone,
        );
      }
    }
  },
};

/** EPS013: `deprecatedTopology` is silently dropped when written through discovery.k8s.io/v1. */
export const ENDPOINT_DEPRECATED_TOPOLOGY: ManifestRule = {
  code: 'EPS013',
  name: 'endpoint-deprecated-topology',
  severity: Severity.WARNING,
  appliesTo: [ENDPOINT_SLICE],
  description: 'deprecatedTopology is not writable through discovery.k8s.io/v1: the API server drops it (dropTopologyOnV1)',
  check(manifest, context) {
    for (const endpoint of endpointsOf(manifest)) {
      if (has(endpoint.value, 'deprecatedTopology')) {
        context.report(
          `${endpoint.path}.deprecatedTopology`,
          'deprecatedTopology is dropped by the API server on discovery.k8s.io/v1: use nodeName and zone instead',
        );
      }
    }
  },
};
