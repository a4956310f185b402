import { loadGenerated } from '../../../src/validation/schema/generated-module';

describe('loadGenerated', () => {
  it('returns what the module exports', () => {
    expect(loadGenerated('x.generated.js', 'scripts/generate-x.ts', () => 42)).toBe(42);
  });

  it('names the generator when the generated file is missing, and does not fall back', () => {
    const load = () => require('./no-such-validator.generated.js') as unknown;
    expect(() => loadGenerated('no-such-validator.generated.js', 'scripts/generate-x.ts', load))
      .toThrow(/precompiled validator no-such-validator\.generated\.js is missing.*npx ts-node --transpile-only scripts\/generate-x\.ts/);
  });

  it('passes on other errors, such as a module the generated file cannot find', () => {
    const error = Object.assign(new Error("Cannot find module './formats'\nRequire stack:\n- /app/lib/x.generated.js"), { code: 'MODULE_NOT_FOUND' });
    expect(() => loadGenerated('x.generated.js', 'scripts/generate-x.ts', () => { throw error; })).toThrow(error);
  });
});
