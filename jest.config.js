/** Jest projects of the Node side; the test runner (infra/test/run-all.ts) picks them one by one. */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
const common = { testEnvironment: 'node', transform, moduleFileExtensions: ['ts', 'js', 'json'] };

/** @type {import('jest').Config} */
module.exports = {
  // Global: per-project timeouts are ignored. Integration set-up bundles workflows and fetches tokens.
  testTimeout: 180000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...common, displayName: 'workflows', testMatch: ['<rootDir>/tests/workflows/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    { ...common, displayName: 'psp-sim', testMatch: ['<rootDir>/tests/psp-sim/**/*.test.ts'] },
    { ...common, displayName: 'mssql', testMatch: ['<rootDir>/tests/mssql/**/*.test.ts'] },
  ],
};
