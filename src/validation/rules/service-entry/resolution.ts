/**
 * `spec.resolution` and `spec.location`: values of their enums (ValidateServiceEntry's
 * "unsupported resolution type"; the CRD's enums).
 */
import { Severity } from '../../diagnostic';
import { SERVICE_ENTRY } from '../../kinds';
import { oneOf, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { LOCATIONS, RESOLUTIONS, seShape } from './shape';

export const enumValuesRule: ManifestRule = {
  code: 'SE014',
  name: 'resolution-and-location',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'resolution is NONE, STATIC, DNS, DNS_ROUND_ROBIN or DYNAMIC_DNS, and location MESH_EXTERNAL or MESH_INTERNAL, in upper case (ValidateServiceEntry; the CRD\'s enums)',
  upstream: ['IST0106'],
  check(manifest, context) {
    const { spec } = seShape(manifest);
    const resolution = valueAt(spec, 'resolution');
    if (typeof resolution === 'string' && !RESOLUTIONS.includes(resolution)) {
      context.report('spec.resolution', `unsupported resolution type ${show(resolution)}: use ${oneOf(RESOLUTIONS)}`, resolution);
    }
    const location = valueAt(spec, 'location');
    if (typeof location === 'string' && !LOCATIONS.includes(location)) {
      context.report('spec.location', `unsupported location ${show(location)}: use ${oneOf(LOCATIONS)}`, location);
    }
  },
};

export const RESOLUTION_RULES: readonly ManifestRule[] = [enumValuesRule];
