/** Connecticut, the default jurisdiction: a few towns (with real ZIP codes) and the agreements' text. */
export const CONNECTICUT = {
  id: 'CT',
  name: 'Connecticut',
  stateCode: 'CT',
  agencyName: 'Connecticut Department of Public Health',
  programName: 'Connecticut Vaccine Program (CVP)',
};

export const CT_TOWNS: { name: string; county: string; zipCodes: string[] }[] = [
  { name: 'Hartford', county: 'Hartford', zipCodes: ['06103', '06105', '06106', '06112', '06114', '06120'] },
  { name: 'New Haven', county: 'New Haven', zipCodes: ['06510', '06511', '06513', '06515', '06519'] },
  { name: 'Bridgeport', county: 'Fairfield', zipCodes: ['06604', '06605', '06606', '06607', '06608', '06610'] },
  { name: 'Stamford', county: 'Fairfield', zipCodes: ['06901', '06902', '06903', '06905', '06906', '06907'] },
  { name: 'Waterbury', county: 'New Haven', zipCodes: ['06702', '06704', '06705', '06706', '06708', '06710'] },
  { name: 'Hamden', county: 'New Haven', zipCodes: ['06514', '06517', '06518'] },
  { name: 'North Haven', county: 'New Haven', zipCodes: ['06473'] },
  { name: 'Bethany', county: 'New Haven', zipCodes: ['06524'] },
  { name: 'Woodbridge', county: 'New Haven', zipCodes: ['06525'] },
  { name: 'West Hartford', county: 'Hartford', zipCodes: ['06107', '06110', '06117', '06119'] },
  { name: 'Norwalk', county: 'Fairfield', zipCodes: ['06850', '06851', '06854', '06855'] },
  { name: 'Danbury', county: 'Fairfield', zipCodes: ['06810', '06811'] },
  { name: 'New Britain', county: 'Hartford', zipCodes: ['06051', '06052', '06053'] },
  { name: 'Middletown', county: 'Middlesex', zipCodes: ['06457'] },
];

export const AGREEMENTS = [
  {
    kind: 'user' as const,
    version: '2026.1',
    title: 'Nutmeg IIS User Agreement',
    body:
      'I will use the Immunization Information System only to support the immunization of the patients and students in my care or jurisdiction, ' +
      'as permitted by state law. I will not share my username, password or authenticator device. I will enter data accurately and promptly. ' +
      'I understand that every access is logged and audited, and that misuse ends my access and may be reported.',
  },
  {
    kind: 'confidentiality' as const,
    version: '2026.1',
    title: 'Confidentiality Agreement',
    body:
      'Information in the Immunization Information System is confidential. I will view, print or disclose a record only when needed for ' +
      'immunization, school entry, or public health purposes permitted by law, and will protect printed records. I will report any ' +
      'suspected breach to the Department of Public Health immediately. This obligation continues after my access ends.',
  },
];
