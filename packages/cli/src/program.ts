// The dli-connections command line: parses arguments, runs a command, maps errors to exit codes.
import { type ConnectionFilters, DliAbortError, DliValidationError, DliWaitTimeoutError, type WaitCondition } from '@dli-sdk/client';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { search } from 'jmespath';
import { version } from '../package.json';
import { checkConnectionId, checkListRequest } from './check-request';
import { ALL_COLUMNS, type ColumnName, parseColumns, TABLE_COLUMNS, TIME_ZONES, type TimeZone } from './columns';
import { type ConnectionFlags, connect, ENDPOINT_VARIABLE, TOKEN_VARIABLE } from './connect';
import { describeError } from './describe-error';
import { createWriter, type Format, FORMATS, jsonText, MalformedRowsError, queried, writeTo } from './output';
import { createProgress } from './progress';
import { forTerminal, forTerminalLines } from './sanitize';
import { UsageError } from './usage-error';
import { duration, TIMEOUT_EXIT_CODE, waitReporter } from './wait';

/** Where the CLI reads and writes; the real process by default. */
export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

const EXAMPLES = `
Examples:
  $ dli-connections list --mock
  $ dli-connections list --mock -o ndjson --max-items 3 --query '{id: id}'
  $ HUAWEICLOUD_SDK_AK=... HUAWEICLOUD_SDK_SK=... \\
      dli-connections list --region cn-north-4 --project-id <id> -o csv
  $ ${TOKEN_VARIABLE}=... dli-connections get <connection id> \\
      --endpoint https://dli.example.internal --project-id <id>
  $ dli-connections wait <connection id> --for active --queue q1 --timeout 10m \\
      --region cn-north-4 --project-id <id>

Environment (the client's credentialsFromEnv reads the same):
  HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK  AK/SK
  HUAWEICLOUD_SDK_SECURITY_TOKEN          the session token of temporary AK/SK
  ${TOKEN_VARIABLE}                           an IAM token, used instead of AK/SK
                                          (--token wins over it)
  HUAWEICLOUD_SDK_PROJECT_ID              the project id, without --project-id
  ${ENDPOINT_VARIABLE}                            the endpoint, without --region

Exit codes: 0 success (also when the reader of stdout stops early),
1 API or network error (wait: also a FAILED queue or pool), 2 usage error,
${TIMEOUT_EXIT_CODE} wait timed out, 130 interrupted.`;

// DLI takes page sizes up to the int32 maximum; a bigger number is a usage error here, not a 400.
const INT32_MAX = 2_147_483_647;

function integer(flag: string, min: number, max: number) {
  return (raw: string): number => {
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      throw new InvalidArgumentError(`${flag} must be an integer from ${min} to ${max}`);
    }
    return Number(raw);
  };
}

// An empty filter would match nothing (or be dropped by a proxy): surely a script's empty variable.
function nonEmpty(flag: string) {
  return (raw: string): string => {
    if (raw === '') throw new InvalidArgumentError(`${flag} must not be empty`);
    return raw;
  };
}

function jmespathQuery(raw: string): string {
  try {
    search(null, raw);
  } catch (error) {
    // Only a syntax error is the user's typing; a type error on null says nothing about real data.
    const name = (error as Error).name;
    if (name === 'LexerError' || name === 'ParserError') throw new InvalidArgumentError(`not a JMESPath expression: ${(error as Error).message}`);
  }
  return raw;
}

function withConnectionOptions(command: Command): Command {
  return command
    .addOption(new Option('--region <region>', 'Huawei Cloud region, e.g. cn-north-4').conflicts('endpoint'))
    .option('--endpoint <url>', `DLI endpoint URL, instead of --region (default: ${ENDPOINT_VARIABLE})`)
    .option('--project-id <id>', 'IAM project id (default: HUAWEICLOUD_SDK_PROJECT_ID)')
    .option('--token <token>', `IAM token; safer in ${TOKEN_VARIABLE}, which ps and shell history do not show (default: AK/SK from HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK)`)
    .addOption(new Option('--mock', 'use the embedded DLI stand-in with seeded connections').conflicts(['region', 'endpoint', 'projectId', 'token']))
    .option('--query <jmespath>', 'JMESPath expression applied to json/ndjson output', jmespathQuery)
    .addHelpText('after', EXAMPLES);
}

interface ListOptions extends ConnectionFlags {
  status?: string;
  name?: string;
  tags?: string;
  pageSize: number;
  maxItems?: number;
  concurrency: number;
  output?: Format;
  columns?: ColumnName[];
  query?: string;
  timeZone: TimeZone;
}

/**
 * The table's width on a terminal: `COLUMNS` when it is a positive integer (the user's say, as
 * ls and kubectl read it), else the terminal's own, else 80: some pseudo-terminals report 0.
 */
function terminalWidth(columns: number | undefined, fromEnv: string | undefined): number {
  const wanted = Number(fromEnv);
  if (Number.isInteger(wanted) && wanted > 0) return wanted;
  return columns !== undefined && columns > 0 ? columns : 80;
}

/** Runs the CLI with `argv` (without the node and script names); resolves to the exit code. */
export async function run(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const program = new Command('dli-connections')
    .description('List Huawei Cloud DLI enhanced datasource connections, or wait for one.')
    .version(version, '-V, --version')
    .exitOverride()
    // Commander echoes what the user typed in its errors: keep line breaks, show other controls.
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(forTerminalLines(s)) })
    .addHelpText('after', EXAMPLES);
  let action: Promise<void> = Promise.resolve();
  let host: string | undefined;

  withConnectionOptions(program.command('list').description('list connections, walking every page'))
    .option('--status <status>', 'ACTIVE or DELETED (any case)', nonEmpty('--status'))
    .option('--name <name>', 'only connections with this name', nonEmpty('--name'))
    .option('--tags <k=v,...>', 'only connections with these tags', nonEmpty('--tags'))
    .option('--page-size <n>', 'connections per request', integer('--page-size', 1, INT32_MAX), 100)
    .option('--max-items <n>', 'stop after this many connections', integer('--max-items', 0, Number.MAX_SAFE_INTEGER))
    .option('--concurrency <n>', 'page requests in flight', integer('--concurrency', 1, 32), 1)
    .addOption(new Option('-o, --output <format>', 'output format (default: table on a terminal, else tsv)').choices(FORMATS))
    .option('--columns <names>', `columns of table, tsv and csv: ${ALL_COLUMNS.join(', ')}`, parseColumns)
    .addOption(new Option('--time-zone <zone>', 'times of table, tsv and csv in UTC or with the local offset').choices(TIME_ZONES).default('utc'))
    .action((options: ListOptions) => {
      action = (async () => {
        const output = options.output ?? (io.stdout.isTTY ? 'table' : 'tsv');
        if (options.query && output !== 'json' && output !== 'ndjson') throw new UsageError('--query needs -o json or -o ndjson');
        const columns = options.columns ?? (output === 'csv' ? ALL_COLUMNS : TABLE_COLUMNS);
        const width = io.stdout.isTTY ? terminalWidth(io.stdout.columns, io.env.COLUMNS) : Infinity;
        const writer = createWriter(output, io.stdout, { columns, query: options.query, width, warn: (line) => io.stderr.write(`${line}\n`), timeZone: options.timeZone });
        const filters = { status: options.status as ConnectionFilters['status'], name: options.name, tags: options.tags };
        const paging = { pageSize: options.pageSize, maxItems: options.maxItems, concurrency: options.concurrency };
        checkListRequest(filters, paging);
        const connection = await connect(options, io.env, io.stderr);
        host = connection.host;
        try {
          const pager = connection.client.paginateEnhancedConnections(filters, paging);
          const progress = createProgress(io.stderr, io.stdout, output === 'table');
          let pages = 0;
          let items = 0;
          try {
            for await (const page of pager.byPage()) {
              for (const item of page.items) await writer.write(item);
              progress.update(++pages, (items += page.items.length));
            }
          } finally {
            progress.done(); // also before an error message, which must start on a clean line
          }
          await writer.end();
          // Every row was printed; the ones shown in part still make the command fail, at the end.
          if (writer.malformedRows > 0) throw new MalformedRowsError(writer.malformedRows);
        } finally {
          await connection.close();
        }
      })();
    });

  withConnectionOptions(program.command('get').description('show one connection').argument('<id>', 'connection id'))
    .addOption(new Option('-o, --output <format>', 'output format').choices(['json', 'ndjson']).default('json'))
    .action((id: string, options: ConnectionFlags & { output: 'json' | 'ndjson'; query?: string }) => {
      action = (async () => {
        await checkConnectionId(id);
        const connection = await connect(options, io.env, io.stderr);
        host = connection.host;
        try {
          // The answer's is_success/message wrapper says nothing once the call has succeeded.
          const { is_success: _ok, message: _message, ...shown } = await connection.client.getEnhancedConnection(id);
          const result: unknown = options.query ? queried(shown, options.query) : shown;
          await writeTo(io.stdout)(`${jsonText(result, options.output === 'json' ? 2 : undefined)}\n`);
        } finally {
          await connection.close();
        }
      })();
    });

  withConnectionOptions(
    program
      .command('wait')
      .description('wait until a connection is active (its queues and pools too) or deleted')
      .argument('<id>', 'connection id'),
  )
    .addOption(new Option('--for <state>', 'the state to wait for').choices(['active', 'deleted']).makeOptionMandatory())
    .option('--queue <name>', 'with --for active: wait for this queue only', nonEmpty('--queue'))
    .option('--pool <name>', 'with --for active: wait for this elastic resource pool only', nonEmpty('--pool'))
    .option('--timeout <duration>', 'give up after this long, e.g. 90s, 10m, 1h', duration('--timeout'), 600_000)
    .option('--interval <duration>', 'shortest delay between polls; it grows with jitter to 30s', duration('--interval'), 2_000)
    .action((id: string, options: ConnectionFlags & { for: 'active' | 'deleted'; queue?: string; pool?: string; timeout: number; interval: number }) => {
      action = (async () => {
        await checkConnectionId(id);
        if (options.for === 'deleted' && (options.queue !== undefined || options.pool !== undefined)) {
          throw new UsageError('--queue and --pool go with --for active');
        }
        const condition: WaitCondition = options.for === 'deleted' ? 'deleted' : { for: 'active', queue: options.queue, pool: options.pool };
        const connection = await connect(options, io.env, io.stderr);
        host = connection.host;
        // Ctrl-C ends the wait as an abort (exit 130), after the request in flight is cancelled.
        const interrupt = new AbortController();
        const onInterrupt = () => interrupt.abort(new Error('interrupted'));
        process.once('SIGINT', onInterrupt);
        try {
          const result = await connection.client.waitForEnhancedConnection(id, condition, {
            maxWaitMs: options.timeout,
            minDelayMs: options.interval,
            maxDelayMs: Math.max(options.interval, 30_000),
            signal: interrupt.signal,
            onPoll: waitReporter(io.stderr, id, options.for),
          });
          const gone = result.connection === undefined ? ' (no longer known)' : '';
          await writeTo(io.stdout)(`${forTerminal(id)} ${options.for}${gone}\n`);
        } finally {
          process.off('SIGINT', onInterrupt);
          await connection.close();
        }
      })();
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    await action;
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    io.stderr.write(`${describeError(error, host)}\n`);
    if (error instanceof UsageError || error instanceof DliValidationError) return 2;
    if (error instanceof DliWaitTimeoutError) return TIMEOUT_EXIT_CODE;
    if (error instanceof DliAbortError) return 130;
    return 1;
  }
}
