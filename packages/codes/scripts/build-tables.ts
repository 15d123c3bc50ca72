// Builds the HL7/CDC tables from the AIRA codebase sets and the NIST value sets (see table-specs.ts).
import type { CodeEntry, CodeTableData } from '../src/types.ts';
import type { AiraCode } from './read-aira.ts';
import { clean, compact, parseXml } from './source-text.ts';
import type { TableSpec } from './table-specs.ts';

export interface NistCode {
  value: string;
  display: string;
  system: string;
}

/** Every value set of a NIST value-set library, by binding identifier. */
export function readNistValueSets(xml: string): Map<string, NistCode[]> {
  type Node = Record<string, unknown>;
  const doc = parseXml(xml, ['ValueSetDefinitions', 'ValueSetDefinition', 'ValueElement']) as {
    ValueSetLibrary: { ValueSetDefinitions: { ValueSetDefinition: Node[] }[] };
  };
  const sets = new Map<string, NistCode[]>();
  for (const group of doc.ValueSetLibrary.ValueSetDefinitions) {
    for (const vs of group.ValueSetDefinition ?? []) {
      const codes = ((vs['ValueElement'] as Node[] | undefined) ?? []).map((e) => ({
        value: clean(e['@Value']),
        display: clean(e['@DisplayName']),
        system: clean(e['@CodeSystem']),
      }));
      sets.set(clean(vs['@BindingIdentifier']), codes);
    }
  }
  return sets;
}

function fromAira(spec: TableSpec, codes: AiraCode[]): Map<string, CodeEntry> {
  const entries = new Map<string, CodeEntry>();
  for (const c of codes) {
    if (spec.exclude?.(c.value)) continue;
    const entry = compact<CodeEntry>({
      code: c.value,
      label: c.label,
      status: c.status,
      source: 'aira',
      description: c.description,
      deprecated: c.deprecated,
      useDate: c.useDate,
      useAge: c.useAge,
    });
    const seen = entries.get(c.value);
    if (seen) {
      if (seen.label !== entry.label && !spec.labels?.[c.value]) {
        throw new Error(
          `table ${spec.id}: AIRA lists ${c.value} as '${seen.label}' and '${entry.label}'; choose a label in table-specs.ts`,
        );
      }
      if (seen.status === 'active' || entry.status !== 'active') continue;
    }
    entries.set(c.value, entry);
  }
  return entries;
}

/** Pairs the entries of a table's two coding systems that name the same concept (route: IM ↔ C28161). */
function pairEquivalents(entries: CodeEntry[]): void {
  const byLabel = new Map<string, CodeEntry[]>();
  for (const e of entries) byLabel.set(e.label.toLowerCase(), [...(byLabel.get(e.label.toLowerCase()) ?? []), e]);
  for (const group of byLabel.values()) {
    const local = group.filter((e) => !e.system && e.status === 'active');
    const other = group.filter((e) => e.system && e.status === 'active');
    if (local.length === 1 && other.length === 1) {
      local[0]!.equivalent = other[0]!.code;
      other[0]!.equivalent = local[0]!.code;
    }
  }
}

export function buildTable(spec: TableSpec, aira: AiraCode[], nist: Map<string, NistCode[]>): CodeTableData {
  const entries = fromAira(spec, aira);
  for (const binding of spec.nist) {
    const codes = nist.get(binding);
    if (!codes) throw new Error(`table ${spec.id}: no NIST value set ${binding}`);
    for (const n of codes) {
      if (spec.exclude?.(n.value)) continue;
      const seen = entries.get(n.value);
      if (!seen) entries.set(n.value, { code: n.value, label: n.display, status: 'active', source: 'nist' });
      else if (spec.nistLabels && n.display) seen.label = n.display;
      const e = entries.get(n.value)!;
      if (n.system && n.system !== spec.system && !spec.systemOf) e.system = n.system;
    }
  }
  for (const l of spec.local ?? [])
    entries.set(l.code, { code: l.code, label: l.label, status: 'active', source: 'local', description: l.description });
  for (const e of entries.values()) {
    const label = spec.labels?.[e.code];
    if (label) e.label = label;
    const system = spec.systemOf?.(e.code);
    if (system) e.system = system;
  }
  const list = [...entries.values()].map(withKeyOrder);
  if (spec.systemOf) pairEquivalents(list);
  return { id: spec.id, name: spec.name, system: spec.system, entries: list.map(withKeyOrder) };
}

/** The same key order in every entry, so the data files are stable whatever order fields were set in. */
function withKeyOrder(e: CodeEntry): CodeEntry {
  const { code, label, status, source, system, equivalent, description, deprecated, useDate, useAge } = e;
  return compact<CodeEntry>({ code, label, status, source, system, equivalent, description, deprecated, useDate, useAge });
}
