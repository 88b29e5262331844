import { spawn, type ChildProcess } from 'node:child_process';

export type PdftotextRun = { ok: true; stdout: string } | { ok: false; reason: 'encrypted' | 'corrupt' | 'failed' | 'timeout'; message: string };

/** Frames each answer on the shell's stdout: RS, exit code, RS, pdftotext's last stderr line, RS, newline. */
const RS = '\u001e';
/**
 * The shell loop: one pdftotext per path read from stdin, its bbox output on stdout, then the frame.
 * $1 is pdftotext, $2 a file for its stderr. Only builtins run besides pdftotext unless it failed
 * (the message of a failure needs tail and tr: two more processes a document, otherwise).
 */
const LOOP = `while IFS= read -r f; do "$1" -raw -bbox -enc UTF-8 "$f" - 2>"$2"; rc=$?; printf '\\036%s\\036' "$rc"; if [ "$rc" -ne 0 ]; then tail -n 1 "$2" | tr -d '\\n\\036'; fi; printf '\\036\\n'; done`;

/**
 * A shell that runs pdftotext for one path after another. Starting a process from the run's own
 * Node process costs a fork of all its memory (measured: 4.6 ms at 53 MB resident, 10 ms at 324 MB,
 * 13 ms a document in a loaded extract run); the shell is a few hundred kB, so a document costs a
 * fork of that instead. Own process group: a document over its time limit is ended with its shell.
 */
export class PdftotextProcess {
  private readonly child: ChildProcess;
  private buffer = '';
  private task: { resolve: (r: PdftotextRun) => void; timer: NodeJS.Timeout } | null = null;
  dead = false;

  constructor(
    pdftotext: string,
    errFile: string,
    private readonly limits: { timeoutMs: number; maxOutputBytes: number },
  ) {
    this.child = spawn('sh', ['-c', LOOP, 'sh', pdftotext, errFile], { stdio: ['pipe', 'pipe', 'ignore'], detached: true });
    this.child.stdout!.setEncoding('utf8');
    this.child.stdout!.on('data', (chunk: string) => this.receive(chunk));
    this.child.on('error', (err) => this.end({ ok: false, reason: 'failed', message: `PDF reader could not start (${err.message})` }));
    this.child.on('exit', (code, signal) => this.end({ ok: false, reason: 'failed', message: `PDF reader stopped (${signal ?? `exit code ${code}`})` }));
    this.idle();
  }

  get busy(): boolean {
    return this.task !== null;
  }

  read(path: string): Promise<PdftotextRun> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.end({ ok: false, reason: 'timeout', message: `PDF reading took longer than ${this.limits.timeoutMs / 1000} s (--timeout); abandoned` }), this.limits.timeoutMs);
      this.task = { resolve, timer };
      // While a document is read the shell must keep the run alive; an idle one must not.
      this.child.ref();
      (this.child.stdout as unknown as { ref(): void }).ref();
      this.child.stdin!.write(`${path}\n`);
    });
  }

  kill(): void {
    this.dead = true;
    try {
      process.kill(-this.child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  private idle(): void {
    this.child.unref();
    (this.child.stdout as unknown as { unref(): void }).unref();
    (this.child.stdin as unknown as { unref(): void }).unref();
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    if (this.buffer.length > this.limits.maxOutputBytes) {
      return this.end({ ok: false, reason: 'failed', message: `PDF could not be read (its text is larger than ${this.limits.maxOutputBytes / 1024 / 1024} MB)` });
    }
    if (!this.buffer.endsWith(`${RS}\n`)) return;
    const frame = this.buffer.lastIndexOf(RS, this.buffer.lastIndexOf(RS, this.buffer.length - 3) - 1);
    const [code, why] = this.buffer.slice(frame + 1, -2).split(RS) as [string, string];
    // Text that happens to end a chunk like a frame is not one: the exit code is a number.
    if (frame < 0 || !/^\d+$/.test(code)) return;
    const stdout = this.buffer.slice(0, frame);
    this.buffer = '';
    this.finish(answer(Number(code), stdout, why.trim()));
  }

  private finish(r: PdftotextRun): void {
    const task = this.task;
    if (!task) return;
    clearTimeout(task.timer);
    this.task = null;
    this.idle();
    task.resolve(r);
  }

  /** Ends the current document with `r` and this process with it (a timeout, a flood of output, a crash). */
  private end(r: PdftotextRun): void {
    this.kill();
    this.finish(r);
  }
}

function answer(code: number, stdout: string, why: string): PdftotextRun {
  if (code === 0) return { ok: true, stdout };
  if (code === 127) return { ok: false, reason: 'failed', message: `pdftotext not found (install poppler-utils, or use --pdf-engine pdf-parse)` };
  if (/password/i.test(why)) return { ok: false, reason: 'encrypted', message: 'encrypted PDF (password protected)' };
  if (code === 1) return { ok: false, reason: 'corrupt', message: `not a valid PDF (${why.replace(/^(Syntax|Command Line) Error: /, '') || 'pdftotext could not open it'})` };
  return { ok: false, reason: 'failed', message: `PDF could not be read (pdftotext exit code ${code}${why ? `: ${why}` : ''})` };
}
