/** A CliIo that records output and plays the terminal's part (answers, interrupts) for in-process CLI tests. */
import type { CliIo } from '../../src/cli/io.js';

/** The recording IO and handles to drive it. */
export interface TestIo extends CliIo {
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Questions asked so far. */
  readonly questions: string[];
  /** Sends an interrupt (Ctrl-C) to whoever listens. */
  interrupt(): void;
}

/** A TTY-like IO in `cwd`; `answer` replies to every question; `onOut` sees each write to stdout. */
export function testIo(options: { cwd: string; env?: NodeJS.ProcessEnv; answer?: string; stdinIsTTY?: boolean; onOut?: (text: string, io: TestIo) => void }): TestIo {
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  const io: TestIo = {
    out: (text) => {
      out += text;
      options.onOut?.(text, io);
    },
    err: (text) => void (err += text),
    stdoutIsTTY: false,
    stdinIsTTY: options.stdinIsTTY ?? true,
    color: false,
    env: options.env ?? {},
    cwd: options.cwd,
    questions: [],
    ask: async (question) => {
      io.questions.push(question);
      return options.answer ?? '';
    },
    onInterrupt: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    interrupt: () => {
      for (const l of [...listeners]) l();
    },
    stdout: () => out,
    stderr: () => err,
  };
  return io;
}
