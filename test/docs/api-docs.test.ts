/**
 * API.md is the jsii-docgen reference of the built assembly (.jsii, written by the jsii build
 * in the global setup), for TypeScript and Python.
 */
import * as fs from 'fs';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { API_FILE, renderApiDocs } = require('../../scripts/api-docs.js') as {
  API_FILE: string;
  renderApiDocs: () => Promise<string>;
};

let generated: string;

beforeAll(async () => {
  generated = await renderApiDocs();
}, 120_000);

test('API.md is up to date (run npm run build && npm run api-docs)', () => {
  expect(fs.readFileSync(API_FILE, 'utf-8') === generated).toBe(true);
});

test('documents every language section and the classes other languages need', () => {
  for (const heading of ['# TypeScript and JavaScript API reference', '# Python API reference']) {
    expect(generated).toContain(heading);
  }
  const python = generated.slice(generated.indexOf('# Python API reference'));
  expect(python).toContain('cdk8s_traffic.Validation.validate_manifests(');
  expect(python).toContain('cdk8s_traffic.ServiceSelector.from_labels(');
  // every link of the Python section stays inside it
  expect(python).not.toMatch(/href="#cdk8s-traffic\./);
});
