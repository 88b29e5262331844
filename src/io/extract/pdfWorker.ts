/**
 * Child process that reads PDFs (started by PdfPool with an IPC channel). pdf.js cannot be
 * interrupted from inside its own thread and some files make it allocate without bound, so each
 * PDF is read here, where the pool can time it out and a heap limit applies, and the parser stays
 * warm between documents. A process rather than a worker thread: when it ends, all its memory goes
 * back to the system, whereas a thread's malloc arenas stay in the main process (measured: 177 MB
 * of RSS left after the extraction of 250 documents with a 27 MB JavaScript heap, under
 * nodejieba's dictionary loaded next).
 */
import { readFile } from 'node:fs/promises';
// Before pdfText.js: it saves Array.prototype.push before pdf-parse replaces it.
import { restoreNativePush } from './nativeArrayPush.js';
import { PdfError, readPdfText } from './pdfText.js';

export interface PdfRequest {
  id: number;
  path: string;
  /** Largest decoded size of one compressed stream (pdfStreamProblem); default DEFAULT_MAX_STREAM_BYTES. */
  maxStreamBytes?: number;
}

type PdfAnswer = { id: number; ok: true; pages: Array<{ number: number; text: string }> } | { id: number; ok: false; reason: string; message: string };

export type PdfResponse = PdfAnswer & {
  /** The reader's resident memory after the document, MB. */
  rssMb: number;
};

// pdf.js allocates a lot per document (fonts, CMaps, operator lists) and V8 collects it lazily, so a
// long-lived reader's memory keeps growing. A forced full collection after each document bounded it
// but made pdf.js 1.5x slower (measured: 40 PDFs, 11.3 s against 7.6 s; a full collection also
// throws away the optimized code). Instead the reader reports its resident memory with each answer
// and the pool replaces one that has grown past PdfPoolOptions.retireRssMb.

// pdf-parse replaced Array.prototype.push when it loaded (see nativeArrayPush.ts); pdf.js's own worker
// module, loaded with the first document, replaces it again, hence also after each document.
restoreNativePush();

// A corrupt file can leave a rejected promise behind after getText() has thrown; it must not kill
// the worker (and with it the next document), since the failure was already reported.
process.on('unhandledRejection', () => undefined);
// The run that started this reader has ended (or died): so does the reader.
process.on('disconnect', () => process.exit(0));
// Ctrl-C in a terminal reaches the whole process group: the run decides what stops, and ends its
// readers itself, so that a document being read is not recorded as failed.
process.on('SIGINT', () => undefined);

process.on('message', async (req: PdfRequest) => {
  let res: PdfAnswer;
  try {
    const data = new Uint8Array(await readFile(req.path));
    res = { id: req.id, ok: true, pages: await readPdfText(data, req.maxStreamBytes) };
  } catch (err) {
    res =
      err instanceof PdfError
        ? { id: req.id, ok: false, reason: err.reason, message: err.message }
        : { id: req.id, ok: false, reason: 'failed', message: String((err as Error)?.message ?? err).split('\n')[0]! };
  }
  restoreNativePush();
  process.send?.({ ...res, rssMb: process.memoryUsage.rss() / 1024 / 1024 } satisfies PdfResponse);
});
