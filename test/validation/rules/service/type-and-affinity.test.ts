import { ruleTable } from './helpers';

describe('SVC001 service-type', () => {
  ruleTable('SVC001', [
    // TestValidateServiceCreate "missing type" is a post-defaulting error: absent becomes ClusterIP
    { name: 'an absent type (defaulted to ClusterIP)', spec: {} },
    { name: 'an empty type (defaulted to ClusterIP)', spec: { type: '' } },
    { name: 'a null type', spec: { type: null } },
    { name: 'type ClusterIP ("valid type - cluster")', spec: { type: 'ClusterIP' } },
    { name: 'type NodePort ("valid type - nodeport")', spec: { type: 'NodePort' } },
    { name: 'type LoadBalancer ("valid type - loadbalancer")', spec: { type: 'LoadBalancer' } },
    { name: 'type ExternalName', spec: { type: 'ExternalName', externalName: 'example.com' } },
  ], [
    {
      name: 'the type is unknown',
      spec: { type: 'Headless' },
      expected: [{ path: 'spec.type', message: 'type "Headless" is not supported: must be ClusterIP, NodePort, LoadBalancer or ExternalName' }],
    },
    {
      name: 'the type has the wrong case',
      spec: { type: 'nodeport' },
      expected: [{ path: 'spec.type', message: 'values are case-sensitive: did you mean "NodePort"?' }],
    },
    {
      name: 'the type is not a string',
      spec: { type: 5 },
      expected: [{ path: 'spec.type', message: 'type must be a string, one of ClusterIP, NodePort, LoadBalancer or ExternalName; got a number 5' }],
    },
  ]);
});

describe('SVC002 session-affinity', () => {
  ruleTable('SVC002', [
    // "missing session affinity" upstream is post-defaulting: absent becomes None
    { name: 'an absent sessionAffinity', spec: {} },
    { name: 'an empty sessionAffinity', spec: { sessionAffinity: '' } },
    { name: 'sessionAffinity None', spec: { sessionAffinity: 'None' } },
    { name: 'sessionAffinity ClientIP', spec: { sessionAffinity: 'ClientIP' } },
  ], [
    {
      name: 'sessionAffinity is unknown',
      spec: { sessionAffinity: 'Sticky' },
      expected: [{ path: 'spec.sessionAffinity', message: 'sessionAffinity "Sticky" is not supported: must be ClientIP or None' }],
    },
    {
      name: 'sessionAffinity has the wrong case',
      spec: { sessionAffinity: 'clientIP' },
      expected: [{ path: 'spec.sessionAffinity', message: 'did you mean "ClientIP"?' }],
    },
    {
      name: 'sessionAffinity is a boolean',
      spec: { sessionAffinity: true },
      expected: [{ path: 'spec.sessionAffinity', message: 'sessionAffinity must be a string, one of ClientIP or None; got a boolean true' }],
    },
  ]);
});

const clientIp = (timeoutSeconds: unknown) => ({
  sessionAffinity: 'ClientIP',
  sessionAffinityConfig: { clientIP: { timeoutSeconds } },
});
const timeoutPath = 'spec.sessionAffinityConfig.clientIP.timeoutSeconds';

describe('SVC003 session-affinity-timeout', () => {
  ruleTable('SVC003', [
    { name: 'ClientIP without config (the server sets 10800)', spec: { sessionAffinity: 'ClientIP' } },
    { name: 'ClientIP with an empty config', spec: { sessionAffinity: 'ClientIP', sessionAffinityConfig: {} } },
    { name: 'ClientIP with clientIP but no timeout', spec: { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: {} } } },
    { name: 'the default timeout, 10800', spec: clientIp(10800) },
    { name: 'the smallest timeout, 1', spec: clientIp(1) },
    { name: 'the largest timeout, 86400', spec: clientIp(86400) },
    { name: 'a bad timeout with affinity None (SVC004 reports the config)', spec: { sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } } } },
  ], [
    // TestValidateServiceCreate: "invalid timeoutSeconds" rows (0 and more than 86400)
    { name: 'the timeout is 0', spec: clientIp(0), expected: [{ path: timeoutPath, message: 'timeoutSeconds 0 must be greater than 0 and at most 86400 (one day)' }] },
    { name: 'the timeout exceeds a day', spec: clientIp(86401), expected: [{ path: timeoutPath, message: 'timeoutSeconds 86401 must be greater than 0 and at most 86400' }] },
    { name: 'the timeout is negative', spec: clientIp(-1), expected: [{ path: timeoutPath, message: 'timeoutSeconds -1 must be greater than 0' }] },
    {
      name: 'the timeout is a quoted number',
      spec: clientIp('300'),
      expected: [{ path: timeoutPath, message: 'timeoutSeconds must be a whole number of seconds between 1 and 86400, got a string "300": write the number without quotes' }],
    },
    { name: 'the timeout has a fraction', spec: clientIp(1.5), expected: [{ path: timeoutPath, message: 'got a number 1.5' }] },
    {
      name: 'sessionAffinityConfig is not an object',
      spec: { sessionAffinity: 'ClientIP', sessionAffinityConfig: 'sticky' },
      expected: [{ path: 'spec.sessionAffinityConfig', message: 'sessionAffinityConfig must be an object like {clientIP: {timeoutSeconds: 10800}}, got a string' }],
    },
    {
      name: 'clientIP is not an object',
      spec: { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: [] } },
      expected: [{ path: 'spec.sessionAffinityConfig.clientIP', message: 'sessionAffinityConfig.clientIP must be an object like {timeoutSeconds: 10800}, got a list' }],
    },
  ]);
});

describe('SVC004 session-affinity-config', () => {
  const config = { clientIP: { timeoutSeconds: 300 } };
  ruleTable('SVC004', [
    { name: 'a config with ClientIP', spec: { sessionAffinity: 'ClientIP', sessionAffinityConfig: config } },
    { name: 'affinity None without config', spec: { sessionAffinity: 'None' } },
    { name: 'no affinity and no config', spec: {} },
    { name: 'a null config', spec: { sessionAffinityConfig: null } },
    { name: 'an unknown affinity (SVC002 reports it)', spec: { sessionAffinity: 'Sticky', sessionAffinityConfig: config } },
  ], [
    {
      // TestValidateServiceCreate: sessionAffinityConfig with SessionAffinity None
      name: 'a config is set with affinity None',
      spec: { sessionAffinity: 'None', sessionAffinityConfig: config },
      expected: [{
        path: 'spec.sessionAffinityConfig',
        message: "sessionAffinityConfig must not be set when sessionAffinity is None: validation refuses it, and the API server's v1 defaulter silently drops it first",
      }],
    },
    {
      name: 'a config is set without affinity',
      spec: { sessionAffinityConfig: config },
      expected: [{ path: 'spec.sessionAffinityConfig', message: 'when sessionAffinity is not set (None)' }],
    },
    {
      name: 'a config is set with an empty affinity',
      spec: { sessionAffinity: '', sessionAffinityConfig: config },
      expected: [{ path: 'spec.sessionAffinityConfig', message: 'set sessionAffinity: ClientIP or remove sessionAffinityConfig' }],
    },
  ]);
});
