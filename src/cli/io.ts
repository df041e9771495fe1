/**
 * The CLI's only window on the terminal. Commands write through this instead of `console`,
 * so the same command code runs under the real terminal and under tests.
 */
import { createInterface } from 'node:readline';

/** Streams and terminal facts a command needs. */
export interface CliIo {
  /** Writes to standard output as is (no newline added). */
  out(text: string): void;
  /** Writes to standard error as is (no newline added). */
  err(text: string): void;
  /** True when standard output is a terminal (decides colour and progress). */
  readonly stdoutIsTTY: boolean;
  /** True when standard input is a terminal (decides whether apply may ask). */
  readonly stdinIsTTY: boolean;
  /** Colour is on: a TTY and NO_COLOR unset (FORCE_COLOR forces it). */
  readonly color: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Asks a question on the terminal and resolves with the answer line. */
  ask(question: string): Promise<string>;
  /** Calls `listener` on each interrupt (Ctrl-C) until the returned function is called. */
  onInterrupt(listener: () => void): () => void;
}

/** Decides colour the way most CLIs do: NO_COLOR wins, FORCE_COLOR forces, else a TTY. */
export function colorEnabled(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0') return true;
  return isTTY;
}

/** The real process's terminal. */
export function processIo(): CliIo {
  const stdoutIsTTY = Boolean(process.stdout.isTTY);
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    stdoutIsTTY,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    color: colorEnabled(process.env, stdoutIsTTY),
    env: process.env,
    cwd: process.cwd(),
    ask: (question) =>
      new Promise((resolve) => {
        const rl = createInterface({ input: process.stdin, output: process.stderr });
        rl.question(question, (answer) => {
          rl.close();
          resolve(answer);
        });
        rl.on('close', () => resolve(''));
      }),
    onInterrupt: (listener) => {
      process.on('SIGINT', listener);
      process.on('SIGTERM', listener);
      return () => {
        process.off('SIGINT', listener);
        process.off('SIGTERM', listener);
      };
    },
  };
}
