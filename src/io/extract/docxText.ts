import mammoth from 'mammoth';

/**
 * The paragraphs of a Word .docx file, one per line. mammoth reads the document body (tables
 * included, as one paragraph per cell) and leaves out headers and footers, which Word keeps apart.
 */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return result.value
    .split(/\n+/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('\n');
}
