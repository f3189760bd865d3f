import { describeFlags } from './args';
import type { CliIO, Command } from './command';
import { commands } from './commands';
import { badInputFailure, failureJson } from './failure';
import { releaseInterrupts } from './interrupt';

/** Terminal IO for the real process. */
export function processIO(): CliIO {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    isTTY: Boolean(process.stderr.isTTY),
  };
}

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'leadlab: simulate and optimize internet sales-lead workflows',
    '',
    'Usage: leadlab <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `leadlab <command> --help` for the options of a command.',
    '',
  ].join('\n');
}

export function commandHelp(c: Command): string {
  return `Usage: leadlab ${c.usage}\n\n${c.summary}\n\nOptions:\n${describeFlags({ ...c.flags, help: { type: 'boolean', describe: 'show this help' } })}\n`;
}

/** Entry point of the `leadlab` command; returns the exit code. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.out('leadlab 0.1.0\n');
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`leadlab: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  const options = rest.indexOf('--') === -1 ? rest : rest.slice(0, rest.indexOf('--'));
  if (options.includes('--help') || options.includes('-h')) {
    io.out(commandHelp(command));
    return 0;
  }
  try {
    // Only the command's own --json flag, before "--": after it, "--json" is a value.
    return await runCommand(command, rest, io, 'json' in command.flags && options.includes('--json'));
  } finally {
    releaseInterrupts();
  }
}

/**
 * Runs a command and says how it failed. Bad input (a bad flag, a scenario that does not validate, a file that cannot
 * be read or holds nothing usable) is exit code 2, said on stderr and, under --json, as one object on stdout; this is
 * the one place that does it for every command.
 */
async function runCommand(command: Command, rest: string[], io: CliIO, asJson: boolean): Promise<number> {
  try {
    return await command.run(rest, io);
  } catch (e) {
    const failure = badInputFailure(e);
    if (failure) {
      io.err(`leadlab ${command.name}: ${failure.message}\n${failure.usage ? `\n${commandHelp(command)}` : ''}`);
      if (asJson) io.out(failureJson(failure));
      return 2;
    }
    const err = e as Error;
    io.err(`leadlab ${command.name}: ${err.message}\n`);
    if (process.env.LEADLAB_DEBUG) io.err(`${err.stack}\n`);
    return 1;
  }
}
