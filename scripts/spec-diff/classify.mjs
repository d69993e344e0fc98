// Every difference between two specs, each with its bump class from policy.json: oasdiff's
// changelog for the API, its structural diff for servers (regions) and documentation, and the
// bytes themselves (the YAML ships as is in @dli-sdk/types).
import { checkCatalogue, changelog, structuralDiff } from './oasdiff.mjs';
import { policy, ruleFor } from './policy.mjs';

/** `connections/items/status` → `connections[].status`, as a TypeScript reader names it. */
export const readablePath = (text) =>
  text.replace(/`([^`/][^`]*\/[^`]*)`/g, (_, p) => `\`${p.replace(/\/items(?=\/|$)/g, '[]').replace(/\//g, '.').replace(/\.\[\]/g, '[]').replace(/\[\]\./g, '[].')}\``);

function apiChanges(base, head) {
  const catalogue = checkCatalogue();
  return changelog(base, head).map((change) => {
    const rule = ruleFor(change.id, catalogue.get(change.id));
    return { class: rule.class, what: rule.what, id: change.id, where: change.operationId ?? change.section, text: readablePath(change.text) };
  });
}

function serverChanges(diff) {
  const entries = [];
  const servers = diff.servers ?? {};
  const entry = (kind, text) => entries.push({ ...policy.servers[kind], id: `servers-${kind}`, where: 'servers', text });
  for (const url of servers.added ?? []) entry('server-added', `added the server \`${url}\``);
  for (const url of servers.deleted ?? []) entry('server-removed', `removed the server \`${url}\``);
  for (const [url, change] of Object.entries(servers.modified ?? {})) {
    const region = change.variables?.modified?.region?.enum;
    for (const name of region?.added ?? []) entry('region-added', `added the region \`${name}\``);
    for (const name of region?.deleted ?? []) entry('region-removed', `removed the region \`${name}\``);
    const { variables = {}, description: _serverDescription, ...otherServerFields } = change;
    const { region: { enum: _enum, description: _regionDescription, ...otherRegionFields } = {}, ...otherVariables } = variables.modified ?? {};
    const changedOtherwise =
      Object.keys(otherServerFields).length > 0 || variables.added || variables.deleted ||
      Object.keys(otherVariables).length > 0 || Object.keys(otherRegionFields).length > 0;
    if (changedOtherwise) entry('server-changed', `changed the server \`${url}\``);
  }
  return entries;
}

const DOC_KEYS = new Set(['description', 'summary', 'example', 'examples', 'title', 'externalDocs', 'contact', 'license', 'termsOfService']);

function documentationChanges(diff) {
  const places = new Set();
  const walk = (node, trail) => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [key, value] of Object.entries(node)) {
      // The place is the nearest named thing: a schema, property, parameter, path or `info`.
      if (DOC_KEYS.has(key)) places.add(trail.filter((k) => !STRUCTURE_KEYS.has(k)).slice(-2).join(' ') || 'info');
      else walk(value, [...trail, key]);
    }
  };
  walk(diff, []);
  if (places.size === 0) return [];
  const list = [...places];
  const shown = list.slice(0, 3).join('; ') + (list.length > 3 ? `; and ${list.length - 3} more` : '');
  return [{ ...policy.documentation, id: 'documentation', where: 'docs', text: `changed descriptions or examples (${shown})` }];
}

const STRUCTURE_KEYS = new Set(['modified', 'added', 'deleted', 'operations', 'properties', 'content', 'schema', 'items', 'paths', 'components', 'schemas', 'parameters', 'responses', 'query', 'path', 'header', 'application/json', 'from', 'to']);

/** The classified changes from the spec at base to the spec at head (both file paths). */
export function classifySpecChange(base, head, { textChanged }) {
  const diff = structuralDiff(base, head);
  const entries = [...apiChanges(base, head), ...serverChanges(diff), ...documentationChanges(diff)];
  if (textChanged && entries.length === 0) {
    entries.push({ ...policy.text, id: 'text', where: 'spec', text: 'changed the spec text without changing the API (formatting or comments)' });
  }
  return entries;
}
