import { describe, expect, it } from 'vitest';
import { parseMessage } from '@nutmeg/hl7v2';
import { readJsonl } from './hl7.testing.ts';
import { historySegments } from './rsp-build.ts';
import { readAdministrations } from './rxa-read.ts';
import { attachVis, type VisEntry } from './vis-obx.ts';

const CORPUS = new Map(readJsonl<{ id: string; text: string }>('messages/corpus.jsonl').map((c) => [c.id, c.text]));
const TODAY = '2026-12-07';

function read(text: string) {
  const m = parseMessage(text);
  const ar = readAdministrations(m, {
    today: TODAY,
    dob: '2000-01-01',
    catalogue: { groupsOf: () => ['X'], observationOf: () => undefined },
  });
  const issues = attachVis(m, ar.administrations, TODAY);
  const vis = ar.administrations.map((a) => (a.kind === 'dose' && a.dose.kind === 'administered' ? a.dose.vis : null));
  return { vis, issues: issues.map((i) => [i.rule, i.severity, i.location]) };
}

const ndc = CORPUS.get('smm-tester:CompareManagerTester:VXU_NDC')!;
const byType = CORPUS.get('smm-tester:ScenarioManager:originalMessage#7')!;
const mmr = CORPUS.get('smm-tester:CompareManagerTester:VXU')!;

const v = (document: string, edition: string, presented: string): VisEntry => ({ document, edition, presented });

describe('VIS OBX (69764-9 / 30956-7 + 29768-9, 29769-7) → the dose’s VIS', () => {
  const cases: { name: string; text: string; vis: (VisEntry[] | null)[]; issues: (string | null)[][] }[] = [
    {
      name: 'bar codes (69764-9): one VIS per OBX-4 group, named and dated from CDC’s VIS table; historical doses keep none',
      text: ndc,
      vis: [
        [
          v('Polio Vaccine VIS', '2016-07-20', '2018-06-27'),
          v('Haemophilus Influenzae type b VIS', '2015-04-02', '2018-06-27'),
          v('Diphtheria/Tetanus/Pertussis (DTaP) VIS', '2007-05-17', '2018-06-27'),
        ],
        [v('Rotavirus VIS', '2015-04-15', '2018-06-27')],
        [v('PCV13 Vaccine VIS', '2015-11-05', '2018-06-27')],
        null,
        null,
      ],
      issues: [],
    },
    {
      name: 'vaccine type (30956-7) with its publication date: CDC’s VIS name when the edition is listed',
      text: mmr,
      vis: [[v('Measles/Mumps/Rubella VIS', '2012-04-20', '2015-12-17')]],
      issues: [],
    },
    {
      name: 'vaccine type of an unspecified CVX (no CDC VIS): kept as "CVX nn" like the dose form',
      text: byType,
      vis: [
        [v('CVX 88', '2012-07-02', '2012-08-14')],
        null,
        [v('CVX 107', '2007-05-17', '2012-08-16'), v('CVX 89', '2011-11-08', '2012-08-16'), v('CVX 17', '2011-11-08', '2012-08-16')],
      ],
      issues: [],
    },
    {
      name: 'an unknown VIS bar code: warned, that VIS left off, the others kept',
      text: ndc.replace('253088698300017211160720', '253088698399999999999999'),
      vis: [
        [
          v('Haemophilus Influenzae type b VIS', '2015-04-02', '2018-06-27'),
          v('Diphtheria/Tetanus/Pertussis (DTaP) VIS', '2007-05-17', '2018-06-27'),
        ],
        [v('Rotavirus VIS', '2015-04-15', '2018-06-27')],
        [v('PCV13 Vaccine VIS', '2015-11-05', '2018-06-27')],
        null,
        null,
      ],
      issues: [['VaccinationVisDocumentTypeIsUnrecognized', 'W', 'RXA[1] OBX 69764-9']],
    },
    {
      name: 'a missing presented date (29769-7): warned, not recorded',
      text: mmr.replace(/\rOBX\|4\|TS\|29769-7[^\r]*/, ''),
      vis: [[]],
      issues: [['VaccinationVisPresentedDateIsMissing', 'W', 'RXA[1] OBX 29769-7']],
    },
    {
      name: 'an invalid publication date (29768-9): warned, not recorded',
      text: mmr.replace('|20120420|', '|20121340|'),
      vis: [[]],
      issues: [['VaccinationVisPublishedDateIsInvalid', 'W', 'RXA[1] OBX 29768-9']],
    },
    {
      name: 'an unknown vaccine type (30956-7): warned, not recorded',
      text: mmr.replace('LN|2|03^MMR^CVX', 'LN|2|MMRX^MMR^CVX'),
      vis: [[]],
      issues: [['VaccinationVisCvxIsUnrecognized', 'W', 'RXA[1] OBX 30956-7']],
    },
    {
      name: 'a VIS given after the vaccination: kept, with an informational note',
      text: mmr.replace(/(29769-7[^|]*\|2\|)20151217/, '$120151218'),
      vis: [[v('Measles/Mumps/Rubella VIS', '2012-04-20', '2015-12-18')]],
      issues: [['VaccinationVisPresentedDateIsAfterAdminDate', 'I', 'RXA[1] OBX 29769-7']],
    },
  ];
  it.each(cases)('$name', (c) => {
    const got = read(c.text);
    expect(got.vis).toEqual(c.vis);
    expect(got.issues).toEqual(c.issues);
  });

  it('Z32 gives them back in the IG’s OBX groups: the bar code when CDC lists the edition, else vaccine type + date', () => {
    const dose = { id: 'd1', date: '2012-08-16', cvx: '120', kind: 'administered' as const, lot: 'L1', mvx: 'PMC' };
    const segments = historySegments(
      { iisId: '1', first: 'A', middle: null, last: 'B', dob: '2012-01-01', sex: 'F', mothersMaidenName: null },
      [{ ...dose, vis: [v('Polio Vaccine VIS', '2016-07-20', '2018-06-27'), v('CVX 107', '2007-05-17', '2012-08-16')] }],
    );
    const obx = segments.filter((s) => s.name === 'OBX').map((s) => [s.fields[3], s.fields[4], s.fields[5]]);
    expect(obx).toEqual([
      ['69764-9^Document type^LN', '1', '253088698300017211160720^Polio Vaccine VIS^cdcgs1vis'],
      ['29769-7^Date vaccine information statement presented^LN', '1', '20180627'],
      ['30956-7^Vaccine type^LN', '2', '107^DTaP, unspecified formulation^CVX'],
      ['29768-9^Date vaccine information statement published^LN', '2', '20070517'],
      ['29769-7^Date vaccine information statement presented^LN', '2', '20120816'],
    ]);
  });
});
