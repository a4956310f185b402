/**
 * Writes docs/rules.md from the rule engine's catalogue (`npm run docs`).
 * test/docs/rule-docs.test.ts fails when the file is out of date.
 */
import * as fs from 'fs';
import * as path from 'path';
import { catalogueTables } from '../src/validation/catalogue-tables';

export const RULE_DOCS = path.join(__dirname, '..', 'docs', 'rules.md');

export function renderRuleDocs(): string {
  const lines = [
    '# Rule catalogue',
    '',
    'Generated from the rule engine by `npm run docs`; do not edit by hand.',
    '',
    'Every rule runs at `cdk8s synth` for the objects the constructs generate, and in',
    '`validateManifests()` for any manifest. Errors fail synth; warnings are printed.',
    '',
    'The **upstream** column names the checks of other tools that find the same problem, so a',
    'finding can be matched with what those tools report, and suppressed or looked up by either code:',
    '',
    '- `IST....` codes are the messages of `istioctl analyze`',
    '  ([list](https://istio.io/latest/docs/reference/config/analysis/)). Rules that mirror the checks',
    '  of Istio\'s admission webhook give IST0106 (`SchemaValidationError`) for webhook errors and',
    '  IST0133 (`SchemaWarning`) for webhook warnings: that is how `istioctl analyze` reports them.',
    '- `KIA....` codes are the validations Kiali shows on its Istio config pages',
    '  ([list](https://kiali.io/docs/features/validations/)).',
    '- `-`: no istioctl or Kiali check corresponds (for example the Kubernetes API server\'s own',
    '  validation of Services and EndpointSlices).',
    '',
    '`cdk8s-traffic validate --format json` gives the same codes as `upstream` on each diagnostic.',
    '',
    ...catalogueTables({ constructChecksIntro: 'Made by the constructs at synth (or when a value is created), about their inputs.' }),
  ];
  return `${lines.join('\n')}\n`;
}

if (require.main === module) {
  fs.writeFileSync(RULE_DOCS, renderRuleDocs());
  console.log(`wrote ${path.relative(process.cwd(), RULE_DOCS)}`);
}
