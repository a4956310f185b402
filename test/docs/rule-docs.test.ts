import * as fs from 'fs';
import { ruleCatalogue } from '../../src/validation/engine';
import { CONSTRUCT_CHECKS } from '../../src/validation/construct-checks';
import { renderRuleDocs, RULE_DOCS } from '../../scripts/rule-docs';

test('docs/rules.md is up to date (run npm run docs)', () => {
  expect(fs.readFileSync(RULE_DOCS, 'utf-8')).toBe(renderRuleDocs());
});

test('every rule has a unique code and a description', () => {
  const codes = [...ruleCatalogue().map(r => r.code), ...CONSTRUCT_CHECKS.map(c => c.code)];
  expect(new Set(codes).size).toBe(codes.length);
  for (const rule of ruleCatalogue()) {
    expect(rule.code).toMatch(/^[A-Z]{2,3}\d{3}$/);
    expect(rule.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(rule.description.length).toBeGreaterThan(10);
  }
});
