import { run } from './program';

// A reader that stops early (`| head -1`) closes the pipe: that is not an error, so end quietly
// with 0, as gh and kubectl do, instead of a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}
process.exitCode = await run(process.argv.slice(2));
