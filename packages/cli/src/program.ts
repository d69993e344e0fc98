// The dli-connections command line: parses arguments, runs a command, maps errors to exit codes.
import { DliApiError, DliValidationError } from '@dli-sdk/client';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { type ConnectionFlags, connect, UsageError } from './connect';
import { createWriter, type Format, FORMATS } from './output';
import { createProgress } from './progress';

/** Where the CLI reads and writes; the real process by default. */
export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

const EXAMPLES = `
Examples:
  $ dli-connections list --mock
  $ dli-connections list --mock --output ndjson --max-items 3
  $ HUAWEICLOUD_SDK_AK=... HUAWEICLOUD_SDK_SK=... \\
      dli-connections list --region cn-north-4 --project-id <id> --status active --output csv
  $ dli-connections get <connection id> --endpoint https://dli.example.internal --project-id <id> --token <token>

Exit codes: 0 success, 1 API or network error, 2 usage error.`;

function integer(min: number) {
  return (raw: string): number => {
    if (!/^\d+$/.test(raw) || Number(raw) < min) throw new InvalidArgumentError(`must be an integer ≥ ${min}`);
    return Number(raw);
  };
}

function withConnectionOptions(command: Command): Command {
  return command
    .option('--region <region>', 'Huawei Cloud region, e.g. cn-north-4')
    .option('--endpoint <url>', 'DLI endpoint URL (instead of --region)')
    .option('--project-id <id>', 'IAM project id (default: HUAWEICLOUD_SDK_PROJECT_ID)')
    .option('--token <token>', 'IAM token (default: AK/SK from HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK)')
    .option('--mock', 'use the embedded DLI stand-in with seeded connections');
}

function describeError(error: unknown): string {
  if (error instanceof DliApiError) {
    const code = error.code ? `${error.code} ` : '';
    const id = error.requestId ? `, request id ${error.requestId}` : '';
    return `error: ${code}${error.message} (HTTP ${error.status}${id})`;
  }
  return `error: ${error instanceof Error ? error.message : String(error)}`;
}

/** Runs the CLI with `argv` (without the node and script names); resolves to the exit code. */
export async function run(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const program = new Command('dli-connections')
    .description('List Huawei Cloud DLI enhanced datasource connections.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .addHelpText('after', EXAMPLES);
  let action: Promise<void> = Promise.resolve();

  withConnectionOptions(program.command('list').description('list connections, walking every page'))
    .option('--status <status>', 'ACTIVE or DELETED (any case)')
    .option('--name <name>', 'only connections with this name')
    .option('--tags <k=v,...>', 'only connections with these tags')
    .option('--page-size <n>', 'connections per request', integer(1), 100)
    .option('--max-items <n>', 'stop after this many connections', integer(0))
    .option('--concurrency <n>', 'page requests in flight', integer(1), 1)
    .addOption(new Option('--output <format>', 'output format').choices(FORMATS).default('table'))
    .addHelpText('after', EXAMPLES)
    .action((options: ConnectionFlags & { status?: string; name?: string; tags?: string; pageSize: number; maxItems?: number; concurrency: number; output: Format }) => {
      action = (async () => {
        const { client, close } = await connect(options, io.env, io.stderr);
        try {
          const pager = client.paginateEnhancedConnections(
            { status: options.status as never, name: options.name, tags: options.tags },
            { pageSize: options.pageSize, maxItems: options.maxItems, concurrency: options.concurrency },
          );
          const writer = createWriter(options.output, io.stdout);
          const progress = createProgress(io.stderr);
          let pages = 0;
          let items = 0;
          for await (const page of pager.byPage()) {
            for (const connection of page.items) await writer.write(connection);
            progress.update(++pages, (items += page.items.length));
          }
          progress.done();
          await writer.end();
        } finally {
          await close();
        }
      })();
    });

  withConnectionOptions(program.command('get').description('show one connection as JSON').argument('<id>', 'connection id'))
    .addHelpText('after', EXAMPLES)
    .action((id: string, options: ConnectionFlags) => {
      action = (async () => {
        const { client, close } = await connect(options, io.env, io.stderr);
        try {
          io.stdout.write(`${JSON.stringify(await client.getEnhancedConnection(id), null, 2)}\n`);
        } finally {
          await close();
        }
      })();
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    await action;
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    io.stderr.write(`${describeError(error)}\n`);
    if (error instanceof UsageError || error instanceof DliValidationError) return 2;
    return 1;
  }
}
