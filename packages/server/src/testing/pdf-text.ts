// A PDF's text read back page by page (pdf.js), for tests that check what a printed file says.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page, its items joined by spaces. */
export async function pdfPages(bytes: Buffer | Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const out: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    out.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  await pdf.destroy();
  return out;
}
