/**
 * pdf-parse loads pdfjs-dist's legacy build, which replaces Array.prototype.push with core-js's
 * polyfill (for a length edge case V8 handles differently): every push in the process then runs
 * through a generic JavaScript function, about a fifth of pdf.js's time on Chinese PDFs (profiled).
 * Import this module before pdf-parse, and call restoreNativePush() once pdf-parse has loaded.
 */
const native = Object.getOwnPropertyDescriptor(Array.prototype, 'push')!;

/** Puts V8's own Array.prototype.push back; returns true when it had been replaced. */
export function restoreNativePush(): boolean {
  const current = Object.getOwnPropertyDescriptor(Array.prototype, 'push');
  if (current?.value === native.value) return false;
  Object.defineProperty(Array.prototype, 'push', native);
  return true;
}
