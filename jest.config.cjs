/** One jest run for the whole monorepo; workspace packages resolve to their sources. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/scripts'],
  testMatch: ['**/test/**/*.test.ts'],
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
  moduleNameMapper: {
    '^@dli-sdk/(types|client|mock-server|cli)$': '<rootDir>/packages/$1/src/index.ts',
  },
  testTimeout: 60_000,
};
