/** One jest run for the whole monorepo; workspace packages resolve to their sources. */
const shared = {
  testEnvironment: 'node',
  // What the client's build puts in with tsup's `define` (its User-Agent version).
  globals: { __DLI_SDK_VERSION__: require('./packages/client/package.json').version },
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        // isolatedModules makes ts-jest transpile only: type checking is `npm run typecheck`'s job.
        tsconfig: {
          module: 'commonjs',
          target: 'es2022',
          esModuleInterop: true,
          isolatedModules: true,
        },
      },
    ],
  },
};

module.exports = {
  testTimeout: 60_000,
  projects: [
    {
      ...shared,
      roots: ['<rootDir>/packages', '<rootDir>/scripts'],
      testMatch: ['**/test/**/*.test.ts'],
      moduleNameMapper: {
        '^@dli-sdk/(types|client|mock-server|cli)$': '<rootDir>/packages/$1/src/index.ts',
      },
    },
    {
      // The wire, error/retry and pager suites once more, against the client's built CommonJS
      // entry as `require` loads it (its ESM entry is exercised by module-formats.test.ts).
      ...shared,
      displayName: 'client CJS build',
      roots: ['<rootDir>/packages/client'],
      testMatch: ['**/test/{wire,errors,paginate}.test.ts'],
      moduleNameMapper: {
        '^@dli-sdk/client$': '<rootDir>/packages/client/dist/index.cjs',
        '^@dli-sdk/(types|mock-server|cli)$': '<rootDir>/packages/$1/src/index.ts',
      },
    },
  ],
};
