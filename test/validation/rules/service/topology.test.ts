import { ruleTable } from './helpers';

const MODE = 'service.kubernetes.io/topology-mode';
const HINTS = 'service.kubernetes.io/topology-aware-hints';

describe('SVC035 topology-annotations', () => {
  ruleTable('SVC035', [
    // TestValidateServiceCreate topology annotation rows
    { name: 'only topology-mode', spec: {}, annotations: { [MODE]: 'Auto' } },
    { name: 'only the deprecated annotation', spec: {}, annotations: { [HINTS]: 'Auto' } },
    { name: 'both with the same value', spec: {}, annotations: { [MODE]: 'Auto', [HINTS]: 'Auto' } },
  ], [
    {
      name: 'the two annotations differ',
      spec: {},
      annotations: { [MODE]: 'Auto', [HINTS]: 'Disabled' },
      expected: [{
        path: `metadata.annotations["${MODE}"]`,
        message: `annotation ${MODE} "Auto" must match annotation ${HINTS} "Disabled" when both are set: keep only ${MODE}`,
      }],
    },
    {
      name: 'one of the two is empty',
      spec: {},
      annotations: { [MODE]: '', [HINTS]: 'auto' },
      expected: [{ path: `metadata.annotations["${MODE}"]`, message: 'must match annotation' }],
    },
  ]);
});
