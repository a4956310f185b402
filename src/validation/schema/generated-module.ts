/**
 * Loads a validator module made ahead of time by a script in scripts/. The schema packages
 * those scripts read are build-time tools, not dependencies of this library, so there is no
 * slower path to fall back on: a missing file is a broken build or checkout, and it is said
 * so plainly instead of surfacing as a bare MODULE_NOT_FOUND from deep inside a validation.
 */

/**
 * Runs `load` (a `require` of `file`, written by the caller so that the path stays a literal
 * next to it) and turns "module not found" for that file into an error naming its generator.
 */
export function loadGenerated(file: string, generator: string, load: () => unknown): unknown {
  try {
    return load();
  } catch (error) {
    // the first line names the module not found; the require stack below it names its importers
    const missing = (error as { code?: unknown }).code === 'MODULE_NOT_FOUND' && String((error as Error).message).split('\n')[0].includes(file);
    if (!missing) throw error;
    throw new Error(`cdk8s-traffic: the precompiled validator ${file} is missing. In a checkout, run `
      + `\`npx ts-node --transpile-only ${generator}\` and \`npm run build\` (which copies it to lib/).`);
  }
}
