/**
 * Worker thread that reads PDFs. pdf.js cannot be interrupted from inside its own thread and some
 * files make it allocate without bound, so each PDF is read here, where the pool can time it out
 * and memory limits apply, and the parser stays warm between documents.
 */
import { readFile } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { PdfError, readPdfText } from './pdfText.js';

export interface PdfRequest {
  id: number;
  path: string;
}

export type PdfResponse =
  | { id: number; ok: true; pages: Array<{ number: number; text: string }> }
  | { id: number; ok: false; reason: string; message: string };

// pdf.js allocates a lot per document (fonts, CMaps, operator lists) and V8 collects it lazily, so
// two workers' garbage used to add 130 MB to the peak RSS of a run. A full collection after each
// document (a few ms against 100-1000 ms of parsing) returns it at once. --expose-gc is a V8 flag
// only honoured by contexts created after it is set, hence the new context.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

// A corrupt file can leave a rejected promise behind after getText() has thrown; it must not kill
// the worker (and with it the next document), since the failure was already reported.
process.on('unhandledRejection', () => undefined);

parentPort?.on('message', async (req: PdfRequest) => {
  let res: PdfResponse;
  try {
    const data = new Uint8Array(await readFile(req.path));
    res = { id: req.id, ok: true, pages: await readPdfText(data) };
  } catch (err) {
    res =
      err instanceof PdfError
        ? { id: req.id, ok: false, reason: err.reason, message: err.message }
        : { id: req.id, ok: false, reason: 'failed', message: String((err as Error)?.message ?? err).split('\n')[0]! };
  }
  parentPort?.postMessage(res);
  collectGarbage();
});
