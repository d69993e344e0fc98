// Loads @dli-sdk/client's built ESM entry through `import` and its CJS entry through `require`,
// runs both surfaces of each against DLI_ENDPOINT, and checks errors across the two builds.
// Prints one JSON report on stdout.
import { createRequire } from 'node:module';

const builds = {
  esm: await import(new URL('../../../dist/index.js', import.meta.url).href),
  cjs: createRequire(import.meta.url)('../../../dist/index.cjs'),
};
const options = { endpoint: process.env.DLI_ENDPOINT, projectId: 'module-formats', credentials: { token: process.env.DLI_TOKEN }, retry: false };
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const report = {};

for (const [format, sdk] of Object.entries(builds)) {
  const other = format === 'esm' ? builds.cjs : builds.esm;
  for (const surface of ['createDliClient', 'createDliFetchClient']) {
    const key = `${format} ${surface}`;
    try {
      const client = sdk[surface](options);
      const page =
        surface === 'createDliClient'
          ? await client.listEnhancedConnections({ limit: 3 })
          : (await client.GET('/v2.0/{project_id}/datasource/enhanced-connections', { params: { path: { project_id: client.projectId }, query: { limit: 3 } } })).data;
      const walked = await client.paginateEnhancedConnections({}, { pageSize: 4, concurrency: 2 }).toArray({ limit: Infinity });
      const refused = await (surface === 'createDliClient'
        ? client.getEnhancedConnection(UNKNOWN_ID)
        : client.GET('/v2.0/{project_id}/datasource/enhanced-connections/{connection_id}', {
            params: { path: { project_id: client.projectId, connection_id: UNKNOWN_ID } },
          })
      ).catch((error) => error);
      report[key] = {
        firstPage: page.connections.length,
        walked: walked.length,
        errorName: refused.name,
        instanceOfOwn: refused instanceof sdk.DliApiError && refused instanceof sdk.DliError,
        instanceOfOtherBuild: refused instanceof other.DliApiError && refused instanceof other.DliError,
        notInstanceOfOtherSubclass: !(refused instanceof other.DliNetworkError),
      };
    } catch (error) {
      report[key] = { failed: String(error) };
    }
  }
}
console.log(JSON.stringify(report));
