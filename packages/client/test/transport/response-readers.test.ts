// The response a call returns was read once by the transport; every way of reading it again
// still gives the bytes DLI sent (the body stream is built only when asked for).
import { createDliFetchClient } from '@dli-sdk/client';
import { PROJECT_ID, TEST_TOKEN, withMock } from '../helpers';

const LIST = '/v2.0/{project_id}/datasource/enhanced-connections';

test('body, bodyUsed, arrayBuffer, blob and clone of a returned response', async () => {
  await withMock({ connections: 4 }, async (mock) => {
    const client = createDliFetchClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN } });
    const { data, response } = await client.GET(LIST, { params: { path: { project_id: PROJECT_ID } } });
    const sent = JSON.stringify(data);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/json/);

    const copy = response.clone();
    expect(JSON.stringify(await copy.json())).toBe(sent);
    expect(JSON.parse(await new Response(copy.body).text())).toEqual(data);

    expect(response.bodyUsed).toBe(false);
    expect(JSON.parse(new TextDecoder().decode(await response.arrayBuffer()))).toEqual(data);
    expect(response.bodyUsed).toBe(true);
    await expect(response.blob()).rejects.toMatchObject({ name: 'TypeError' }); // read once, as any Response
    expect(JSON.parse(await response.text())).toEqual(data); // what the surfaces read stays available
  });
});
