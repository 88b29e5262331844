/**
 * Decodes a plain-text file: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else
 * GB18030 (a superset of GBK and GB2312), the other encoding Chinese government sites publish in.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
