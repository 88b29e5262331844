/**
 * Worker thread that reads PDFs. pdf.js cannot be interrupted from inside its own thread and some
 * files make it allocate without bound, so each PDF is read here, where the pool can time it out
 * and memory limits apply, and the parser stays warm between documents.
 */
import { readFile } from 'node:fs/promises';
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
// Before pdfText.js: it saves Array.prototype.push before pdf-parse replaces it.
import { restoreNativePush } from './nativeArrayPush.js';
import { PdfError, readPdfText } from './pdfText.js';

export interface PdfRequest {
  id: number;
  path: string;
}

type PdfAnswer = { id: number; ok: true; pages: Array<{ number: number; text: string }> } | { id: number; ok: false; reason: string; message: string };

export type PdfResponse = PdfAnswer & {
  /** The worker's memory after the document, MB: its JavaScript heap and the buffers it holds. */
  heapMb: number;
};

// pdf.js allocates a lot per document (fonts, CMaps, operator lists) and V8 collects it lazily, so a
// long-lived worker's heap keeps growing. A forced full collection after each document bounded it but
// made pdf.js 1.5x slower (measured: 40 PDFs, 11.3 s against 7.6 s; a full collection also throws
// away the optimized code). Instead the worker reports its heap with each answer and the pool
// replaces a worker whose heap has grown past PdfPoolOptions.retireHeapMb.
// pdf.js's own worker module (loaded with the first document) replaces it again, hence also after each document.
restoreNativePush();

// A corrupt file can leave a rejected promise behind after getText() has thrown; it must not kill
// the worker (and with it the next document), since the failure was already reported.
process.on('unhandledRejection', () => undefined);

function workerMemoryMb(): number {
  const h = getHeapStatistics();
  return (h.total_heap_size + h.external_memory) / 1024 / 1024;
}

parentPort?.on('message', async (req: PdfRequest) => {
  let res: PdfAnswer;
  try {
    const data = new Uint8Array(await readFile(req.path));
    res = { id: req.id, ok: true, pages: await readPdfText(data) };
  } catch (err) {
    res =
      err instanceof PdfError
        ? { id: req.id, ok: false, reason: err.reason, message: err.message }
        : { id: req.id, ok: false, reason: 'failed', message: String((err as Error)?.message ?? err).split('\n')[0]! };
  }
  restoreNativePush();
  parentPort?.postMessage({ ...res, heapMb: workerMemoryMb() } satisfies PdfResponse);
});
