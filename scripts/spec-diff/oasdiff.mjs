// oasdiff, the OpenAPI diff engine: its changelog (every change with an id), its structural diff
// (what the changelog has no check for: servers, descriptions) and its catalogue of checks
// (the direction and effect of each id, which policy.json maps to our bump classes).
import { execFileSync } from 'node:child_process';
import { goTool } from '../tools/go-tool.mjs';

function oasdiff(args) {
  let out;
  try {
    out = execFileSync(goTool('oasdiff'), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if (error.stderr === undefined) throw error;
    throw new Error(`oasdiff ${args[0]} failed (is the spec valid? \`npm run lint\` tells): ${String(error.stderr).trim()}`, { cause: error });
  }
  return out.trim() ? JSON.parse(out) : null;
}

/**
 * The changes from base to head. --flatten-allof: without it oasdiff compares allOf branches one by
 * one and reports nothing for a field removed from a branch (our schemas are allOf compositions).
 */
export const changelog = (base, head) => oasdiff(['changelog', '--flatten-allof', '-f', 'json', base, head]) ?? [];

/** oasdiff's structural diff: an object of what was added, deleted and modified. */
export const structuralDiff = (base, head) => oasdiff(['diff', '--flatten-allof', '-f', 'json', base, head]) ?? {};

let catalogue;
/** id → { direction, effect, level, description } for every check oasdiff knows. */
export function checkCatalogue() {
  catalogue ??= new Map(oasdiff(['checks', 'changelog', '-f', 'json']).map((check) => [check.id, check]));
  return catalogue;
}
