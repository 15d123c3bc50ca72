// The products of the synthetic dose histories: the vaccine groups a product covers, one product per CVX with
// its manufacturer, route and volume, and the date each product entered use in the US (its era), so a history
// never holds a vaccine before it existed.

import { parseIsoDate } from '@nutmeg/forecast';
import type { Route } from '../modules/patients/index.ts';

export type Group =
  | 'HepB'
  | 'DTaP'
  | 'Polio'
  | 'Hib'
  | 'PCV'
  | 'RV'
  | 'MMR'
  | 'VAR'
  | 'HepA'
  | 'Flu'
  | 'COVID-19'
  | 'Tdap'
  | 'MenACWY'
  | 'HPV'
  | 'Zoster'
  | 'PPSV'
  | 'RSV'
  | 'Td';

export const GROUPS: readonly Group[] = [
  'HepB',
  'DTaP',
  'Polio',
  'Hib',
  'PCV',
  'RV',
  'MMR',
  'VAR',
  'HepA',
  'Flu',
  'COVID-19',
  'Tdap',
  'MenACWY',
  'HPV',
  'Zoster',
  'PPSV',
  'RSV',
  'Td',
];
/** Bit of a group in a mask (the hot loop tests masks, not sets). */
export function bit(g: Group): number {
  return 1 << GROUPS.indexOf(g);
}

export interface Product {
  cvx: string;
  mvx: string;
  route: Route;
  volume: number;
  /** Groups this product counts for (combination vaccines count for several), as a bit mask. */
  mask: number;
  /** VIS document name. */
  vis: string;
  /** Index into the lot pool hash. */
  index: number;
}

let productCount = 0;
export function P(cvx: string, mvx: string, route: Route, volume: number, ...covers: Group[]): Product {
  let mask = 0;
  for (const g of covers) mask |= bit(g);
  return { cvx, mvx, route, volume, mask, vis: covers.join('/'), index: productCount++ };
}

export const HEPB_PED = P('08', 'MSD', 'IM', 0.5, 'HepB');
export const DTAP = P('20', 'PMC', 'IM', 0.5, 'DTaP');
export const IPV = P('10', 'PMC', 'SC', 0.5, 'Polio');
export const HIB_PRPT = P('48', 'PMC', 'IM', 0.5, 'Hib');
export const HIB_PRPOMP = P('49', 'MSD', 'IM', 0.5, 'Hib');
export const PEDIARIX = P('110', 'SKB', 'IM', 0.5, 'DTaP', 'HepB', 'Polio');
export const PENTACEL = P('120', 'PMC', 'IM', 0.5, 'DTaP', 'Hib', 'Polio');
export const VAXELIS = P('146', 'MSP', 'IM', 0.5, 'DTaP', 'Hib', 'Polio', 'HepB');
export const KINRIX = P('130', 'SKB', 'IM', 0.5, 'DTaP', 'Polio');
export const PCV7 = P('100', 'PFR', 'IM', 0.5, 'PCV');
export const PCV13 = P('133', 'PFR', 'IM', 0.5, 'PCV');
export const PCV15 = P('215', 'MSD', 'IM', 0.5, 'PCV');
export const PCV20 = P('216', 'PFR', 'IM', 0.5, 'PCV');
export const RV5 = P('116', 'MSD', 'PO', 2, 'RV');
export const RV1 = P('119', 'SKB', 'PO', 1, 'RV');
export const MMR = P('03', 'MSD', 'SC', 0.5, 'MMR');
export const MMRV = P('94', 'MSD', 'SC', 0.5, 'MMR', 'VAR');
export const VAR = P('21', 'MSD', 'SC', 0.5, 'VAR');
export const HEPA_PED = P('83', 'SKB', 'IM', 0.5, 'HepA');
export const TDAP = P('115', 'SKB', 'IM', 0.5, 'Tdap');
export const TD = P('113', 'PMC', 'IM', 0.5, 'Td');
export const MENACWY_P = P('114', 'PMC', 'IM', 0.5, 'MenACWY');
export const MENACWY_O = P('136', 'SKB', 'IM', 0.5, 'MenACWY');
export const MENACWY_TT = P('203', 'PMC', 'IM', 0.5, 'MenACWY');
export const HPV4 = P('62', 'MSD', 'IM', 0.5, 'HPV');
export const HPV9 = P('165', 'MSD', 'IM', 0.5, 'HPV');
export const ZOSTER = P('187', 'SKB', 'IM', 0.5, 'Zoster');
export const PPSV23 = P('33', 'MSD', 'IM', 0.5, 'PPSV');
export const RSV_ADULT = [P('303', 'SKB', 'IM', 0.5, 'RSV'), P('305', 'PFR', 'IM', 0.5, 'RSV')];
export const NIRSEVIMAB = P('306', 'SNF', 'IM', 0.5, 'RSV');
export const FLU = {
  iiv3: P('140', 'SEQ', 'IM', 0.5, 'Flu'),
  aiiv3: P('205', 'SEQ', 'IM', 0.5, 'Flu'),
  iiv4: P('150', 'PMC', 'IM', 0.5, 'Flu'),
  iiv4Ped: P('161', 'PMC', 'IM', 0.25, 'Flu'),
  hd4: P('197', 'PMC', 'IM', 0.7, 'Flu'),
  old: P('141', 'PMC', 'IM', 0.5, 'Flu'),
};
export const COVID = {
  pfizer: P('208', 'PFR', 'IM', 0.3, 'COVID-19'),
  pfizerPed: P('218', 'PFR', 'IM', 0.2, 'COVID-19'),
  moderna: P('207', 'MOD', 'IM', 0.5, 'COVID-19'),
  pfizerBivalent: P('300', 'PFR', 'IM', 0.3, 'COVID-19'),
  modernaBivalent: P('229', 'MOD', 'IM', 0.5, 'COVID-19'),
  pfizer2023: P('309', 'PFR', 'IM', 0.3, 'COVID-19'),
  moderna2023: P('312', 'MOD', 'IM', 0.5, 'COVID-19'),
};

export const D = parseIsoDate;
export const ERA = {
  registryStart: D('2000-01-01'),
  rv: D('2006-02-03'),
  pcv7: D('2000-02-17'),
  pcv13: D('2010-03-01'),
  pcv15: D('2022-07-01'),
  pcv20: D('2023-06-01'),
  pediarix: D('2003-01-01'),
  pentacel: D('2008-06-20'),
  vaxelis: D('2021-06-01'),
  mmrv: D('2005-09-01'),
  hepaKids: D('2006-05-01'),
  tdap: D('2005-06-01'),
  menacwy: D('2005-01-14'),
  menacwyO: D('2010-02-19'),
  menacwyTT: D('2020-04-23'),
  hpv: D('2006-06-08'),
  hpvBoys: D('2011-10-25'),
  hpv9: D('2015-02-01'),
  covid: D('2020-12-14'),
  covidBooster: D('2021-10-01'),
  covidBivalent: D('2022-09-01'),
  covid2023: D('2023-09-15'),
  covid2024: D('2024-09-01'),
  zoster: D('2018-01-01'),
  rsvAdult: D('2023-09-01'),
  menacwyBooster: D('2011-01-01'),
  before1995: D('1995-01-01'),
  nirsevimab: D('2023-10-01'),
  pcv20Adult: D('2022-01-01'),
  flu3: D('2024-08-01'),
  flu4: D('2013-08-01'),
} as const;
