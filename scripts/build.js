// `npm run build`: a clean lib/ and the .jsii assembly from src/ (jsii), plus the generated
// JavaScript files jsii does not copy. Fails on any jsii warning that is not justified below.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const lib = path.join(root, 'lib');

/**
 * jsii's reserved-word warnings we keep, each with the reason. Every one is a property or
 * method named after the Kubernetes or Istio field it writes, and none clashes in the
 * generated code: C# properties and methods are PascalCased (`Namespace`, `Delegate`, as
 * cdk8s's own `ApiObjectMetadata.namespace` is), and Go exports methods capitalised
 * (`Select`), so the keyword is never spelled in a binding.
 */
const JUSTIFIED_WARNINGS = [
  /"namespace" is a reserved word in C#/,
  /"delegate" is a reserved word in C#/,
];

// stale files of moved sources would shadow the new ones
fs.rmSync(lib, { recursive: true, force: true });
const jsii = spawnSync(process.execPath, [path.join(root, 'node_modules', 'jsii', 'bin', 'jsii')], {
  cwd: root,
  encoding: 'utf-8',
  env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: process.versions.node.split('.')[0], JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1' },
});
const output = `${jsii.stdout}${jsii.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
const diagnostics = output.split('\n').filter(line => / - (error|warning) JSII\d+:/.test(line));
const unjustified = diagnostics.filter(line => !(/ - warning /.test(line) && JUSTIFIED_WARNINGS.some(w => w.test(line))));
if (jsii.status !== 0 || unjustified.length > 0) {
  process.stderr.write(output);
  process.stderr.write(`\njsii build failed: ${unjustified.length} diagnostic(s) not justified in scripts/build.js\n`);
  process.exit(1);
}
for (const file of ['validation/schema/istio-spec-validator.generated.js', 'validation/schema/kubernetes-validators.generated.js']) {
  fs.copyFileSync(path.join(root, 'src', file), path.join(lib, file));
}
