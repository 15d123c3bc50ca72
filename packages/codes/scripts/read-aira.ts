// Reader of the AIRA codebase code sets (codesets/aira-codebase-sets/<Label>.xml). Build time only.
import type { Deprecation, EntryStatus, UseAge, UseDate } from '../src/types.ts';
import { clean, compact, isoDate, parseXml, status } from './source-text.ts';

export interface AiraCode {
  value: string;
  label: string;
  description?: string;
  status: EntryStatus;
  deprecated?: Deprecation;
  useDate?: UseDate;
  useAge?: UseAge;
  conceptType?: string;
  /** link-to references: codeset type → linked values (e.g. VACCINATION_CVX_CODE → ['140']). */
  links: Record<string, string[]>;
}

type Node = Record<string, unknown>;
const STATUS = { valid: 'active', deprecated: 'deprecated', ignored: 'ignored', invalid: 'invalid' } as const;

function useDateOf(n: Node | undefined): UseDate | undefined {
  if (!n) return undefined;
  const d = (k: string) => isoDate(clean(n[k]));
  const u = compact<UseDate>({
    notBefore: d('not-before'),
    notExpectedBefore: d('not-expected-before'),
    notExpectedAfter: d('not-expected-after'),
    notAfter: d('not-after'),
  });
  return Object.keys(u).length ? u : undefined;
}

function useAgeOf(n: Node | undefined): UseAge | undefined {
  if (!n) return undefined;
  const m = (k: string) => (clean(n[k]) ? Number(clean(n[k])) : undefined);
  const u = compact<UseAge>({ notBeforeMonths: m('not-before-month'), notAfterMonths: m('not-after-month') });
  return Object.keys(u).length ? u : undefined;
}

export function readAiraSet(xml: string): { type: string; label: string; codes: AiraCode[] } {
  const doc = parseXml(xml, ['code', 'link-to']) as { codeset: { type: string; label: string; code?: Node[] } };
  const codes = (doc.codeset.code ?? []).map((n): AiraCode => {
    const value = clean(n['value']);
    const st = n['code-status'] as Node | undefined;
    const dep = st?.['deprecated'] as Node | undefined;
    const links: Record<string, string[]> = {};
    for (const l of ((n['reference'] as Node | undefined)?.['link-to'] as Node[] | undefined) ?? []) {
      const set = clean(l['@codeset']);
      (links[set] ??= []).push(clean(l));
    }
    return compact<AiraCode>({
      value,
      label: clean(n['label']),
      description: clean(n['description']),
      // A code without a status element is valid (the AIRA sets omit it on a few reference lists).
      status: st ? status(clean(st['status']), STATUS, `AIRA code ${value}`) : 'active',
      deprecated: dep
        ? compact<Deprecation>({
            replacedBy: clean(dep['new-code-value']),
            effectiveDate: isoDate(clean(dep['effective-date'])),
            reason: clean(dep['reason']),
          })
        : undefined,
      useDate: useDateOf(n['use-date'] as Node | undefined),
      useAge: useAgeOf(n['use-age'] as Node | undefined),
      conceptType: clean(n['concept-type']),
      links,
    });
  });
  return { type: clean(doc.codeset.type), label: clean(doc.codeset.label), codes };
}
