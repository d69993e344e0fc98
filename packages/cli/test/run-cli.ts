// Runs dli-connections as a user does: a subprocess of the committed bin, stdout and stderr collected.
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import path from 'node:path';

// The committed shim that npm links as `dli-connections`; it loads dist/.
export const BIN = path.resolve(__dirname, '../bin/dli-connections.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function collect(child: ChildProcess): Promise<Run> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

// Only PATH is inherited: no credential of the machine's own environment reaches the CLI.
const options = (env: Record<string, string>): SpawnOptions => ({ env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });

export function cli(args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<Run> {
  return collect(spawn(process.execPath, [...nodeArgs, BIN, ...args], options(env)));
}

/** Runs a bash script (not the CLI directly) without blocking the in-process stand-in. */
export function shell(script: string, env: Record<string, string>): Promise<Run> {
  return collect(spawn('bash', ['--norc', '--noprofile', '-c', script], options(env)));
}
