/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  cacheDirectory: '<rootDir>/.jest-cache',
  globalSetup: '<rootDir>/test/global-setup.js',
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
