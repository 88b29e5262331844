import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Limiter } from '../ocr/Limiter.js';

/** The Debian command that makes .doc and .wps files readable; shown whenever LibreOffice is missing. */
const LIBREOFFICE_INSTALL_COMMAND = 'apt-get install -y --no-install-recommends libreoffice-writer-nogui';

export type ConversionResult = { ok: true; bytes: Uint8Array } | { ok: false; status: 'needs_conversion' | 'failed'; message: string };

interface Exit {
  code: number | null;
  timedOut: boolean;
  missing: boolean;
  stderr: string;
}

/** Runs a command in a process group of its own, so that a time-out ends soffice.bin too, not only its launcher. */
function run(file: string, args: string[], timeoutMs: number): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-2000)));
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    // Its own process group does not get the terminal's Ctrl-C: a run that exits takes it along.
    process.once('exit', killGroup);
    const settle = (exit: Exit) => {
      clearTimeout(timer);
      process.off('exit', killGroup);
      resolve(exit);
    };
    child.on('error', (err: NodeJS.ErrnoException) => settle({ code: null, timedOut, missing: err.code === 'ENOENT', stderr }));
    child.on('close', (code) => settle({ code, timedOut, missing: false, stderr }));
  });
}

/**
 * Converts the old binary word-processor files that government sites still publish (.doc, and .wps
 * from WPS Office, which LibreOffice recognises by content) to UTF-8 text with LibreOffice in headless
 * mode. One conversion at a time with a profile of the run's own: LibreOffice instances that share a
 * profile block each other, and a conversion takes about a second.
 */
export class LibreOffice {
  private readonly soffice: string;
  private readonly limiter = new Limiter(1);
  private profile: Promise<string> | null = null;

  constructor(private readonly timeoutMs: number, soffice?: string) {
    this.soffice = soffice ?? process.env.POLICY_CODE_SOFFICE ?? 'soffice';
  }

  toText(path: string): Promise<ConversionResult> {
    return this.limiter.run(async () => {
      this.profile ??= mkdtemp(join(tmpdir(), 'policy-code-lo-profile-'));
      const out = await mkdtemp(join(tmpdir(), 'policy-code-lo-'));
      try {
        const args = ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=${pathToFileURL(await this.profile).href}`, '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', out, path];
        const r = await run(this.soffice, args, this.timeoutMs);
        if (r.missing) return { ok: false, status: 'needs_conversion', message: `needs conversion: LibreOffice is not installed (${this.soffice} not found); install it with: ${LIBREOFFICE_INSTALL_COMMAND}` };
        if (r.timedOut) return { ok: false, status: 'failed', message: `conversion with LibreOffice took longer than ${this.timeoutMs / 1000} s (--timeout); abandoned` };
        const made = (await readdir(out)).find((f) => f.endsWith('.txt'));
        if (!made) return { ok: false, status: 'failed', message: `LibreOffice could not convert the file (${r.stderr.trim().split('\n').filter((l) => !/javaldx/.test(l)).pop() ?? `exit code ${r.code}`})` };
        return { ok: true, bytes: new Uint8Array(await readFile(join(out, made))) };
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    });
  }

  async close(): Promise<void> {
    if (this.profile) await rm(await this.profile, { recursive: true, force: true });
  }
}
