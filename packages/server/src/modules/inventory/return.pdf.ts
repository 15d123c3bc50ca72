// The return packing list / label of an approved return, as a PDF: the return authorization, the clinic, and the
// lot going back. Fonts: the certificate's embedded DejaVu Sans (any clinic or product name prints).

import { PDFDocument, rgb } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import type { ReturnView } from '@nutmeg/api-types';
import { loadCertificateFonts, wrapPdfText } from '../patients/index.ts';

const PAGE = { w: 612, h: 792 };
const MARGIN = 54;
const REASONS = { expired: 'Expired', spoiled: 'Spoiled (temperature excursion or other)' } as const;

export async function renderReturnLabel(
  r: ReturnView,
  facts: { pin: string | null; approvedOn: string; printedOn: string },
): Promise<Uint8Array> {
  const fonts = await loadCertificateFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  const page = doc.addPage([PAGE.w, PAGE.h]);
  let y = PAGE.h - MARGIN;
  const write = (text: string, size = 11, isBold = false) => {
    const font = isBold ? bold : regular;
    for (const line of wrapPdfText(text, font, size, PAGE.w - 2 * MARGIN)) {
      page.drawText(line, { x: MARGIN, y: y - size, size, font, color: rgb(0, 0, 0) });
      y -= size * 1.4;
    }
    y -= 4;
  };
  write('Vaccine return: packing list and label', 16, true);
  write(`Return authorization ${r.authorization ?? ''}`, 20, true);
  page.drawRectangle({ x: MARGIN, y: y - 4, width: PAGE.w - 2 * MARGIN, height: 1, color: rgb(0, 0, 0) });
  y -= 14;
  write('From', 12, true);
  write(`${r.clinic.name}${facts.pin ? ` (PIN ${facts.pin})` : ''}`);
  write('Returned under the Connecticut Vaccine Program, as authorized by the Department of Public Health.');
  write('Contents', 12, true);
  write(`${r.tradeName}, NDC ${r.ndc}`);
  write(`Lot ${r.lotNumber}, expiration ${r.expirationDate}`);
  write(`Doses: ${r.doses}`);
  write(`Reason: ${REASONS[r.reason]}${r.note ? ` (${r.note})` : ''}`);
  write('Instructions', 12, true);
  write(
    'Pack the doses listed above with this page inside the box and the authorization number written on the outside. Do not return opened multi-dose vials or syringes drawn up. Keep a copy for your records for three years.',
  );
  write(`Approved ${facts.approvedOn}; printed ${facts.printedOn}.`, 9);
  doc.setTitle(`Vaccine return ${r.authorization ?? ''}`);
  return doc.save();
}
