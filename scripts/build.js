// `npm run build`: a clean lib/ from src/ (tsc), plus the generated JavaScript files tsc does not copy.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const lib = path.join(root, 'lib');
// stale files of moved sources would shadow the new ones
fs.rmSync(lib, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
for (const file of ['validation/schema/istio-spec-validator.generated.js']) {
  fs.copyFileSync(path.join(root, 'src', file), path.join(lib, file));
}
