/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  cacheDirectory: '<rootDir>/.jest-cache',
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
