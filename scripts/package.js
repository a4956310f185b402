// `npm run package`: the Python, Java, .NET and Go packages of the jsii assembly, in dist-lang/.
//
// The code of every language is always generated (jsii-pacmak --code-only). A language's
// package is then built only where its toolchain is on this machine (python3 with pip, mvn,
// dotnet, go); building also needs that language's package registry (PyPI, Maven Central,
// NuGet, the Go proxy) for the jsii runtime. A build that fails leaves the generated sources
// in place and is reported; `--strict` makes it fail the command.
//
//   npm run package                       every target, built where possible
//   npm run package -- --code-only        generate only
//   npm run package -- --strict           a failed build fails the command
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const outdir = path.join(root, 'dist-lang');
const args = new Set(process.argv.slice(2));
const env = {
  ...process.env,
  JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: process.versions.node.split('.')[0],
  JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1',
};

/** The toolchain each jsii target builds with: the command that proves it is installed. */
const TOOLCHAINS = {
  python: ['python3', ['-m', 'pip', '--version']],
  java: ['mvn', ['--version']],
  dotnet: ['dotnet', ['--version']],
  go: ['go', ['version']],
};

function installed([command, commandArgs]) {
  const probe = spawnSync(command, commandArgs, { stdio: 'ignore' });
  return probe.status === 0;
}

function pacmak(extra) {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'jsii-pacmak', 'bin', 'jsii-pacmak'), '-o', outdir, '--force', ...extra], {
    cwd: root, env, encoding: 'utf-8',
  });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

if (!fs.existsSync(path.join(root, '.jsii'))) {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.js')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
fs.rmSync(outdir, { recursive: true, force: true });

const generated = pacmak(['--code-only']);
if (!generated.ok) {
  process.stderr.write(generated.output);
  process.stderr.write('\njsii-pacmak could not generate the language bindings\n');
  process.exit(1);
}
console.log(`generated: ${fs.readdirSync(outdir).filter(d => d !== 'js').sort().join(', ')} (sources in ${path.relative(root, outdir)}/)`);

if (args.has('--code-only')) process.exit(0);

let failed = false;
for (const [target, toolchain] of Object.entries(TOOLCHAINS)) {
  if (!installed(toolchain)) {
    console.log(`${target}: not built (${toolchain[0]} is not installed); the generated sources are in dist-lang/${target}/`);
    continue;
  }
  const built = pacmak(['--target', target]);
  if (built.ok) {
    console.log(`${target}: built into dist-lang/${target}/`);
    continue;
  }
  failed = true;
  const lines = built.output.split('\n').map(l => l.replace(/\x1b\[[0-9;]*m/g, '').trim()).filter(l => l && !l.startsWith('at '));
  const cause = lines.filter(l => /error|could not|cannot|unable|refused|resolve|network|timed out/i.test(l)).slice(0, 4);
  const tail = (cause.length > 0 ? cause : lines.slice(-4)).map(l => l.slice(0, 200)).join('\n  ');
  console.log(`${target}: ${toolchain[0]} is installed but the build failed (it needs the ${target} package registry); the generated sources are kept:\n  ${tail}`);
  // the failed build removed the target's folder: generate its code again
  pacmak(['--code-only', '--target', target]);
}
if (failed && args.has('--strict')) process.exit(1);
