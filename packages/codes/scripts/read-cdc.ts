// Readers of CDC's code-set downloads (codesets/cdc-source): CVX, MVX, CVX→vaccine group, trade names, VIS.
// NDC files are read in read-ndc.ts. Build time only.
import type { Cvx, Mvx, TradeName, VaccineGroupRef, VisDocument } from '../src/types.ts';
import { clean, compact, cvxCode, isoDate, nameValueRecord, parseXml, status } from './source-text.ts';

type Node = Record<string, unknown>;
const ACTIVE_INACTIVE = { active: 'active', inactive: 'inactive' } as const;

export function readVaccineGroups(vac2vgXml: string): Map<string, VaccineGroupRef[]> {
  const doc = parseXml(vac2vgXml, ['CVXVGInfo']) as { VGCodes: { CVXVGInfo: Node[] } };
  const groups = new Map<string, VaccineGroupRef[]>();
  for (const node of doc.VGCodes.CVXVGInfo) {
    const r = nameValueRecord(node as { Name: unknown; Value: unknown });
    const code = cvxCode(r['CVXCode'] ?? '');
    const list = groups.get(code) ?? [];
    list.push({ name: r['Vaccine Group Name'] ?? '', cvx: cvxCode(r['CVX for Vaccine Group'] ?? '') });
    groups.set(code, list);
  }
  return groups;
}

export function readCvx(cvxXml: string, groups: Map<string, VaccineGroupRef[]>): Cvx[] {
  const doc = parseXml(cvxXml, ['CVXInfo']) as { CVXCodes: { CVXInfo: Node[] } };
  const statuses = {
    active: 'active',
    inactive: 'inactive',
    'non-us': 'non-us',
    'never active': 'never-active',
    pending: 'pending',
  } as const;
  return doc.CVXCodes.CVXInfo.map((n) => {
    const code = cvxCode(clean(n['CVXCode']));
    return compact<Cvx>({
      code,
      shortName: clean(n['ShortDescription']),
      fullName: clean(n['FullVaccinename']),
      status: status(clean(n['Status']), statuses, `CVX ${code}`),
      lastUpdated: isoDate(clean(n['LastUpdated'])) ?? '',
      notes: clean(n['Notes']),
      vaccineGroups: groups.get(code) ?? [],
    });
  });
}

export function readMvx(mvxXml: string): Mvx[] {
  const doc = parseXml(mvxXml, ['MVXInfo']) as { MVXCodes: { MVXInfo: Node[] } };
  return doc.MVXCodes.MVXInfo.map((node) => {
    const r = nameValueRecord(node as { Name: unknown; Value: unknown });
    const code = r['MVX_CODE'] ?? '';
    return compact<Mvx>({
      code,
      name: r['Manufacturer Name'] ?? '',
      status: status(r['Status'] ?? '', ACTIVE_INACTIVE, `MVX ${code}`),
      lastUpdated: isoDate(r['Last Updated'] ?? '') ?? '',
      notes: r['Notes'],
    });
  });
}

export function readTradeNames(tradenameXml: string): TradeName[] {
  const doc = parseXml(tradenameXml, ['prodInfo']) as { productnames: { prodInfo: Node[] } };
  return doc.productnames.prodInfo.map((node) => {
    const r = nameValueRecord(node as { Name: unknown; Value: unknown });
    const name = r['CDC Product Name'] ?? '';
    return {
      name,
      cvx: cvxCode(r['CVXCode'] ?? ''),
      mvx: r['MVX Code'] ?? '',
      status: status(r['Product name Status'] ?? '', ACTIVE_INACTIVE, `trade name ${name}`),
      mvxStatus: status(r['MVX Status'] ?? '', ACTIVE_INACTIVE, `MVX of ${name}`),
      shortDescription: r['Short Description'] ?? '',
      lastUpdated: isoDate(r['Last Updated'] ?? '') ?? '',
    };
  });
}

/** VIS editions (vis.xml) with their URLs (visurl.xml, by GDTI code) and the CVX codes they cover (cvxvis.xml). */
export function readVis(visXml: string, visUrlXml: string, cvxVisXml: string): VisDocument[] {
  const urls = new Map<string, { pdf?: string; html?: string }>();
  const urlDoc = parseXml(visUrlXml, ['VISURLInfo']) as { VISURL: { VISURLInfo: Node[] } };
  for (const n of urlDoc.VISURL.VISURLInfo) {
    const href = (k: string) => clean((n[k] as Node | undefined)?.['@xlink:href']) || undefined;
    urls.set(clean(n['VIS_GDTI_document_Conceptcode']), { pdf: href('VIS_PDF_URL'), html: href('VIS_HTML_URL') });
  }
  const cvxByEdition = new Map<string, string[]>();
  const mapDoc = parseXml(cvxVisXml, ['CVXVISMapping']) as { CVXVIS: { CVXVISMapping: Node[] } };
  for (const n of mapDoc.CVXVIS.CVXVISMapping) {
    const encoded = clean(n['Fully-encodedString']);
    const list = cvxByEdition.get(encoded) ?? [];
    const code = cvxCode(clean(n['CVXCode']));
    if (!list.includes(code)) list.push(code);
    cvxByEdition.set(encoded, list);
  }
  const visDoc = parseXml(visXml, ['VISInfo']) as { VISLookup: { VISInfo: Node[] } };
  const statuses = { current: 'current', historic: 'historic' } as const;
  return visDoc.VISLookup.VISInfo.map((n) => {
    const encoded = clean(n['VIS_encoded_string']);
    const documentCode = clean(n['VIS_GDTI_document_code']);
    const url = urls.get(documentCode);
    const current = status(clean(n['status']), statuses, `VIS ${encoded}`) === 'current';
    return compact<VisDocument>({
      name: clean(n['VIS_Document_Type_Description']),
      editionDate: isoDate(clean(n['Edition_Date'])) ?? '',
      encoded,
      documentCode,
      status: current ? 'current' : 'historic',
      lastUpdated: isoDate(clean(n['Lastupdated'])) ?? '',
      // CDC publishes the URL of the current edition only.
      pdfUrl: current ? url?.pdf : undefined,
      htmlUrl: current ? url?.html : undefined,
      cvx: (cvxByEdition.get(encoded) ?? []).sort(byCode),
    });
  });
}

export function byCode(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
