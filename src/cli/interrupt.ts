import type { CliIO } from './command';

/**
 * Ctrl-C for the whole command: the first stops handing out runs (those in progress are abandoned, finished ones
 * are kept and written); any later one only says that the finished runs are being written, so that a second
 * Ctrl-C during the draining cannot kill the process and lose them. The listener stays until the command has
 * written its output ({@link releaseInterrupts}, called by `main`).
 */
let controller = new AbortController();
let listener: (() => void) | undefined;

/** The signal of the running command; installs the SIGINT listener on first use. */
export function interruptSignal(io: CliIO): AbortSignal {
  if (!listener) {
    listener = () => {
      if (!controller.signal.aborted) {
        controller.abort();
        io.err('\nStopping: runs in progress are dropped, finished runs are kept and written (Ctrl-C again changes nothing).\n');
      } else io.err('\nStill writing the finished runs; they are kept.\n');
    };
    process.on('SIGINT', listener);
  }
  return controller.signal;
}

/** Removes the listener and resets the signal, once the command's output is written. */
export function releaseInterrupts(): void {
  if (listener) process.off('SIGINT', listener);
  listener = undefined;
  controller = new AbortController();
}
