import { SummaryBox, SummaryBoxContent, SummaryBoxHeading } from '@trussworks/react-uswds';
import { formatPhone, fullName, type Patient } from './types';

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
          <dd>{p.guardians.map((g) => `${g.name.first} ${g.name.last} (${g.relationship})`).join('; ') || '—'}</dd>
          <dt className="text-bold">Mother’s maiden name</dt>
          <dd>{p.mothersMaidenName ?? '—'}</dd>
          {p.multipleBirth && (
            <>
              <dt className="text-bold">Multiple birth</dt>
              <dd>Birth order {p.birthOrder ?? '?'}</dd>
            </>
          )}
          <dt className="text-bold">Identifiers</dt>
          <dd>{p.identifiers.map((i) => `${i.type} ${i.value}`).join(' · ')}</dd>
        </dl>
      </SummaryBoxContent>
    </SummaryBox>
  );
}
