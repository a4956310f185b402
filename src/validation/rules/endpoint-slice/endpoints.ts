import { Severity } from '../../diagnostic';
import { ENDPOINT_SLICE } from '../../kinds';
import { has, isObject, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { MAX_ADDRESSES, MAX_ENDPOINTS, endpointsOf } from './walk';

/** EPS003: `endpoints` is a list of at most 1000 objects. */
export const ENDPOINTS_LIST: ManifestRule = {
  code: 'EPS003',
  name: 'endpoints-list',
  severity: Severity.ERROR,
  appliesTo: [ENDPOINT_SLICE],
  description: 'endpoints is a list of at most 1000 endpoint objects (validateEndpoints)',
  check(manifest, context) {
    if (!has(manifest, 'endpoints')) return;
    const endpoints = valueAt(manifest, 'endpoints');
    if (!Array.isArray(endpoints)) {
      context.report('endpoints', `endpoints must be a list, got ${show(endpoints)}`, endpoints);
      return;
    }
    if (endpoints.length > MAX_ENDPOINTS) {
      context.report('endpoints', `endpoints has ${endpoints.length} items, must have at most ${MAX_ENDPOINTS}: split them over several EndpointSlices`, endpoints.length);
      return;
    }
    endpoints.forEach((endpoint, i) => {
      if (!isObject(endpoint)) {
        context.report(`endpoints[${i}]`, `endpoint must be an object with addresses, got ${show(endpoint)}`, endpoint);
      }
    });
  },
};

/** EPS004: each endpoint has 1 to 100 addresses, as a list of strings. */
export const ENDPOINT_ADDRESSES: ManifestRule = {
  code: 'EPS004',
  name: 'endpoint-addresses',
  severity: Severity.ERROR,
  appliesTo: [ENDPOINT_SLICE],
  description: 'each endpoint has 1 to 100 addresses, all strings (validateEndpoints)',
  check(manifest, context) {
    for (const endpoint of endpointsOf(manifest)) {
      const path = `${endpoint.path}.addresses`;
      const addresses = valueAt(endpoint.value, 'addresses');
      if (addresses === undefined || addresses === null || (Array.isArray(addresses) && addresses.length === 0)) {
        context.report(path, 'endpoint must have at least 1 address');
      } else if (!Array.isArray(addresses)) {
        context.report(path, `addresses must be a list of strings, got ${show(addresses)}`, addresses);
      } else if (addresses.length > MAX_ADDRESSES) {
        context.report(path, `endpoint has ${addresses.length} addresses, must have at most ${MAX_ADDRESSES}`, addresses.length);
      } else {
        addresses.forEach((address, i) => {
          if (typeof address !== 'string') {
            context.report(`${path}[${i}]`, `address must be a string, got ${show(address)}`, address);
          }
        });
      }
    }
  },
};
