import { SummaryBox, SummaryBoxContent, SummaryBoxHeading } from '@trussworks/react-uswds';
import { countryLabel, identifierLabel, languageLabel, relationshipLabel } from './labels';
import type { Patient } from '@nutmeg/api-types';
import { formatPhone } from '@nutmeg/codes/format';
import { fullName } from './types';

/** The consolidated record's demographics: aliases, address, phones, guardians, identifiers. */
export function DemographicsSummary({ patient: p }: { patient: Patient }) {
  const address = p.addresses.find((a) => a.current) ?? p.addresses[0];
  return (
    <SummaryBox>
      <SummaryBoxHeading headingLevel="h2">Demographics</SummaryBoxHeading>
      <SummaryBoxContent>
        <dl className="margin-0">
          {p.aliases.length > 0 && (
            <>
              <dt className="text-bold">Also known as</dt>
              <dd>{p.aliases.map((a) => fullName(a)).join('; ')}</dd>
            </>
          )}
          <dt className="text-bold">Address</dt>
          <dd>{address ? `${address.street}, ${address.city}, ${address.state} ${address.zip}` : '—'}</dd>
          <dt className="text-bold">Phone</dt>
          <dd>{p.phones.map((ph) => formatPhone(ph.number)).join(', ') || '—'}</dd>
          <dt className="text-bold">Parent / guardian</dt>
          <dd>{p.guardians.map((g) => `${g.name.first} ${g.name.last} (${relationshipLabel(g.relationship)})`).join('; ') || '—'}</dd>
          <dt className="text-bold">Mother’s maiden name</dt>
          <dd>{p.mothersMaidenName ?? '—'}</dd>
          {p.multipleBirth && (
            <>
              <dt className="text-bold">Multiple birth</dt>
              <dd>Birth order {p.birthOrder ?? '?'}</dd>
            </>
          )}
          {p.language && (
            <>
              <dt className="text-bold">Language</dt>
              <dd>{languageLabel(p.language)}</dd>
            </>
          )}
          {p.birthCountry && (
            <>
              <dt className="text-bold">Born in</dt>
              <dd>{[p.birthState, countryLabel(p.birthCountry)].filter(Boolean).join(', ')}</dd>
            </>
          )}
          <dt className="text-bold">Identifiers</dt>
          <dd>{p.identifiers.map(identifierLabel).join(' · ')}</dd>
        </dl>
      </SummaryBoxContent>
    </SummaryBox>
  );
}
