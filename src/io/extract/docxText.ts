
/**
 * The paragraphs of a Word .docx file, one per line. mammoth reads the document body (tables
 * included, as one paragraph per cell) and leaves out headers and footers, which Word keeps apart.
 */
export async function docxText(bytes: Uint8Array): Promise<string> {
  // Loaded on first use: most corpora have no Word files, and the import costs start-up time.
  const mammoth = (await import('mammoth')).default;
  const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return result.value
    .split(/\n+/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('\n');
}
