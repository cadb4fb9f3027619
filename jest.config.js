/** Jest projects of the Node side; the test runner (infra/test/run-all.ts) picks them one by one. */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
const common = { testEnvironment: 'node', transform, moduleFileExtensions: ['ts', 'js', 'json'] };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...common, displayName: 'workflows', testMatch: ['<rootDir>/tests/workflows/**/*.test.ts'], testTimeout: 120000 },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'], testTimeout: 120000 },
    { ...common, displayName: 'mssql', testMatch: ['<rootDir>/tests/mssql/**/*.test.ts'], testTimeout: 600000 },
  ],
};
