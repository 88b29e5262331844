/**
 * Worker thread of XlsxWriter: loads exceljs (half a second of the main thread otherwise) while the
 * run codes its documents, then turns the tables it is sent into tables.xlsx.
 */
import { parentPort } from 'node:worker_threads';
import type { Table } from '../core/tables/Table.js';
import { toXlsx } from './toXlsx.js';

parentPort?.on('message', (tables: Table[]) => {
  toXlsx(tables).then(
    (bytes) => parentPort?.postMessage({ ok: true, bytes }),
    (err: unknown) => parentPort?.postMessage({ ok: false, message: String((err as Error)?.message ?? err) }),
  );
});
