import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSupportingDataDir } from '../node.ts';
import { parseSupportingData, SupportingDataError } from './parse.ts';

const dir = defaultSupportingDataDir();
const files: Record<string, string> = {};
for (const f of readdirSync(dir)) if (f.endsWith('.xml')) files[f] = readFileSync(path.join(dir, f), 'utf8');

describe('supporting data parser', () => {
  const data = parseSupportingData(files, { version: '4.64' });
  it('parses all antigens, series and the CVX map', () => {
    expect(data.version).toBe('4.64');
    expect(data.counts.antigens).toBe(30);
    expect(data.counts.vaccineGroups).toBe(26);
    expect(data.counts.series).toBeGreaterThan(100);
    expect(data.counts.targetDoses).toBeGreaterThan(400);
    expect(data.counts.cvxMappings).toBeGreaterThan(200);
    expect(data.vaccineGroups.get('MMR')?.administerFullVaccineGroup).toBe(true);
    expect(data.vaccineGroups.get('DTaP/Tdap/Td')?.antigens).toEqual(['Diphtheria', 'Pertussis', 'Tetanus']);
  });
  it('normalises CVX codes and parses durations', () => {
    expect(data.cvxMap.get('3')?.associations.map((a) => a.antigen)).toEqual(['Measles', 'Mumps', 'Rubella']);
    const hepb = data.antigens.get('HepB')?.series[0];
    expect(hepb?.doses[1]?.ages[0]?.absMinAge).toMatchObject({ days: 24, text: '4 weeks - 4 days' });
    expect(hepb?.doses[0]?.preferableVaccines.some((v) => v.cvx === '8')).toBe(true);
  });
  it('throws a clear error naming the file and element when something is missing', () => {
    const broken = {
      ...files,
      'AntigenSupportingData- Broken-508.xml':
        '<antigenSupportingData><contraindications/><series><targetDisease>X</targetDisease></series></antigenSupportingData>',
    };
    expect(() => parseSupportingData(broken)).toThrow(SupportingDataError);
    expect(() => parseSupportingData(broken)).toThrow(/AntigenSupportingData- Broken-508\.xml: <series\[1\]\/seriesName> is missing/);
    const noSchedule = Object.fromEntries(Object.entries(files).filter(([k]) => !k.startsWith('Schedule')));
    expect(() => parseSupportingData(noSchedule)).toThrow(/ScheduleSupportingData/);
  });
});
