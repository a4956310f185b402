// Builds lib/ once before the tests that run the CLI and the cdk8s plugin as processes.
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = async () => {
  const root = path.resolve(__dirname, '..');
  // a clean build: stale files of moved sources would shadow the new ones
  require('fs').rmSync(path.join(root, 'lib'), { recursive: true, force: true });
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
};
