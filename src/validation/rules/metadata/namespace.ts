import { Severity } from '../../diagnostic';
import { isDns1123Label } from '../../format/dns';
import { METADATA_KINDS } from '../../kinds';
import { JsonObject, objectAt, show, valueAt } from '../../manifest';
import { ManifestRule, RuleContext } from '../../rule';
import { mustBeStringMessage } from './values';

export const namespaceFormatRule: ManifestRule = {
  code: 'MET004',
  name: 'namespace-format',
  severity: Severity.ERROR,
  appliesTo: METADATA_KINDS,
  description: 'metadata.namespace, when set, is a DNS-1123 label (ValidateNamespaceName)',
  check(manifest: JsonObject, context: RuleContext): void {
    const namespace = valueAt(objectAt(manifest, 'metadata'), 'namespace');
    // absent or empty: the client or the server fills in the namespace
    if (namespace === undefined || namespace === null || namespace === '') return;
    if (typeof namespace !== 'string') {
      context.report('metadata.namespace', mustBeStringMessage('namespace', namespace), namespace);
      return;
    }
    const problems = isDns1123Label(namespace);
    if (problems.length > 0) {
      context.report('metadata.namespace', `namespace ${show(namespace)} ${problems.join('; ')}; namespaces are DNS-1123 labels`, namespace);
    }
  },
};
