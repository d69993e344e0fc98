/**
 * One jest config for the whole monorepo; workspace packages resolve to their sources. Its
 * projects split the suites by what they need, so that `npm test` needs only Node:
 * - `node`: every suite that runs on Node and what `npm ci` installs, quickly (`npm test`);
 * - `node-cjs-build`: the wire, error/retry and pager suites again, against the built CommonJS entry
 *   (`npm test`);
 * - `toolchains`: suites that need Java (the generator), Python (Schemathesis), Go (oasdiff,
 *   actionlint), a browser or the registries (a fresh clone's `npm ci`) (`npm run test:all`);
 * - `soak`: walks at scale, minutes of CPU each (`npm run test:soak`, in `npm run test:all`).
 * `scripts/test-steps.mjs` runs them; `npx jest <file>` runs any one file.
 */

/** Suites that need more than Node, by file name under a `test/` folder. */
const TOOLCHAINS = [
  'packages/client/test/runtimes/browser', // Chromium (@sparticuz/chromium, playwright-core)
  'packages/client/test/runtimes/browser-signing',
  'scripts/test/api-reference', // TypeDoc site opened in Chromium
  'scripts/test/first-contact', // a fresh clone's `npm ci` against the registry
  'scripts/test/drift', // the openapi-generator jar: Java, Maven
  'scripts/test/schemathesis', // Python, Schemathesis from PyPI
  'scripts/test/spec-changeset', // oasdiff: Go
  'scripts/test/spec-policy', // oasdiff: Go
  'scripts/test/workflows', // actionlint: Go
];
/** Walks at scale. */
const SOAK = ['packages/client/test/soak', 'packages/mock-server/test/soak'];

const pathPattern = (files) => `/(${files.join('|')})\\.test\\.ts$`;

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

const everywhere = {
  ...shared,
  roots: ['<rootDir>/packages', '<rootDir>/scripts'],
  moduleNameMapper: {
    '^@dli-sdk/(types|client|mock-server|cli)$': '<rootDir>/packages/$1/src/index.ts',
  },
};
const sources = { ...everywhere, testMatch: ['**/test/**/*.test.ts'] };

module.exports = {
  // Generous: under load a suite's server round trips slow down several times. No test measures
  // time against the wall (clocks in tests are fake or injected), so this only catches hangs.
  testTimeout: 120_000,
  projects: [
    {
      ...sources,
      displayName: 'node',
      testPathIgnorePatterns: ['/node_modules/', pathPattern([...TOOLCHAINS, ...SOAK])],
    },
    {
      // The wire, error/retry and pager suites once more, against the client's built CommonJS
      // entry as `require` loads it (its ESM entry is exercised by module-formats.test.ts).
      ...shared,
      displayName: 'node-cjs-build',
      roots: ['<rootDir>/packages/client'],
      testMatch: ['**/test/surfaces/{wire,faults}.test.ts', '**/test/pager/both-surfaces.test.ts'],
      moduleNameMapper: {
        '^@dli-sdk/client$': '<rootDir>/packages/client/dist/index.cjs',
        '^@dli-sdk/(types|mock-server|cli)$': '<rootDir>/packages/$1/src/index.ts',
      },
    },
    { ...everywhere, displayName: 'toolchains', testRegex: pathPattern(TOOLCHAINS) },
    { ...everywhere, displayName: 'soak', testRegex: pathPattern(SOAK) },
  ],
};
