import { ruleTable } from './helpers';

describe('SVC017 selector-labels', () => {
  ruleTable('SVC017', [
    // TestValidateServiceCreate "nil selector"
    { name: 'no selector', spec: { selector: undefined } },
    { name: 'a null selector', spec: { selector: null } },
    { name: 'an empty selector', spec: { selector: {} } },
    { name: 'a simple selector', spec: { selector: { app: 'foo' } } },
    { name: 'a prefixed key', spec: { selector: { 'app.kubernetes.io/name': 'MyApp' } } },
    { name: 'upper case in the name part and the value', spec: { selector: { 'example.com/Uppercase_Is_OK_123': 'Value_1.x' } } },
    { name: 'an empty value', spec: { selector: { tier: '' } } },
    { name: 'a 63-character value', spec: { selector: { app: 'a'.repeat(63) } } },
  ], [
    {
      // TestValidateServiceCreate "invalid selector"
      name: 'a key has an equals sign',
      spec: { selector: { 'NoSpecialCharsLike=Equals': 'bar' } },
      expected: [{ path: 'spec.selector["NoSpecialCharsLike=Equals"]', message: 'selector key "NoSpecialCharsLike=Equals" is not a valid label key: name part must consist of alphanumeric characters' }],
    },
    {
      name: 'a key prefix has upper case',
      spec: { selector: { 'Example.com/abc': 'x' } },
      expected: [{ path: 'spec.selector["Example.com/abc"]', message: 'prefix part must be a lowercase RFC 1123 subdomain' }],
    },
    {
      name: 'a value has a space',
      spec: { selector: { app: 'my app' } },
      expected: [{ path: 'spec.selector["app"]', message: 'selector value "my app" for "app" is not a valid label value' }],
    },
    {
      name: 'a value is 64 characters long',
      spec: { selector: { app: 'a'.repeat(64) } },
      expected: [{ path: 'spec.selector["app"]', message: 'must be no more than 63 characters' }],
    },
    {
      name: 'a value is a YAML boolean',
      spec: { selector: { enabled: true } },
      expected: [{ path: 'spec.selector["enabled"]', message: 'selector value for "enabled" must be a string, got a boolean true: quote it (enabled: "true") so YAML reads it as a string' }],
    },
    {
      name: 'a value is a YAML number',
      spec: { selector: { version: 1.1 } },
      expected: [{ path: 'spec.selector["version"]', message: 'got a number 1.1: quote it (version: "1.1")' }],
    },
    { name: 'a value is null', spec: { selector: { app: null } }, expected: [{ path: 'spec.selector["app"]', message: 'must be a string, got null' }] },
    {
      name: 'the selector is a list',
      spec: { selector: ['app=foo'] },
      expected: [{ path: 'spec.selector', message: 'selector must be a map of label keys to values, got a list: a Service selects pods by equality only' }],
    },
    {
      name: 'the selector is a Deployment-style label selector',
      spec: { selector: { matchLabels: { app: 'foo' } } },
      expected: [{ path: 'spec.selector', message: 'a Service selector is a plain map of labels (app: foo), not a label selector with matchLabels or matchExpressions' }],
    },
  ]);
});
