import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Label, Select, Tag } from '@trussworks/react-uswds';
import type { AgreementDetail, AgreementList, AgreementProgram } from '@nutmeg/api-types';
import { api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link, navigate, useLocation } from '../../router';
import { formatDateTime } from '../../dates';
import { useClinicParam } from './ClinicProfilePage';
import { AgreementDraftForm } from './AgreementDraftForm';
import { PROGRAM_LABELS, SIGNER_LABELS, STATUS_LABELS, emptyDraft } from './agreement-labels';

/** Clinic tools: the clinic's provider agreements by program year, whether one is current, and drafting the next. */
export function AgreementsPage() {
  const { query, needsClinic } = useClinicParam();
  const q = useQuery({
    queryKey: ['clinic', 'agreements', query],
    queryFn: () => api.get<AgreementList>(`/api/clinic/agreements${query}`),
    enabled: !needsClinic,
  });
  const [drafting, setDrafting] = useState<AgreementProgram | null>(null);
  const thisYear = q.data ? Number(q.data.today.slice(0, 4)) : 0;
  // The program year shown (DPH and the clinic switch years): this year unless ?year= names another.
  const { search } = useLocation();
  const year = Number(search.get('year')) || thisYear;
  const years = [...new Set([thisYear + 1, thisYear, ...(q.data?.agreements.map((a) => a.programYear) ?? [])])].sort((a, b) => b - a);
  const shown = q.data?.agreements.filter((a) => a.programYear === year) ?? [];
  const exists = (p: AgreementProgram) => shown.some((a) => a.program === p);
  const approvedFor = (p: AgreementProgram) => shown.some((a) => a.program === p && a.status === 'approved');
  const draftable = year === thisYear || year === thisYear + 1;
  function chooseYear(y: string) {
    const p = new URLSearchParams(search);
    p.set('year', y);
    setDrafting(null);
    navigate(`/clinic/agreements?${p.toString()}`);
  }

  return (
    <>
      <h1>Provider agreements{q.data ? `: ${q.data.clinic.name} (${q.data.clinic.pin})` : ''}</h1>
      {needsClinic && (
        <Alert type="info" headingLevel="h2" slim>
          Open a clinic’s agreements from the <Link to="/clinics">clinic list</Link>.
        </Alert>
      )}
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the agreements">
          {q.error.message}
        </Alert>
      )}
      {q.data && (
        <>
          <ul className="usa-list usa-list--unstyled">
            {(['cvp', 'covid19'] as const).map((p) => (
              <li key={p} className="margin-bottom-1" data-testid={`current-${p}`}>
                {q.data.current[p] ? (
                  <Tag className="bg-green">Agreement current</Tag>
                ) : (
                  <Tag className="bg-secondary-dark">No current agreement</Tag>
                )}{' '}
                {PROGRAM_LABELS[p]}
              </li>
            ))}
          </ul>
          <div className="maxw-mobile-lg">
            <Label htmlFor="program-year">Program year</Label>
            <Select id="program-year" name="year" value={String(year)} onChange={(e) => chooseYear(e.target.value)}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y} (January–December)
                </option>
              ))}
            </Select>
          </div>
          <p data-testid="year-status">
            {year}:{' '}
            {(['cvp', 'covid19'] as const)
              .map((p) => `${PROGRAM_LABELS[p]} ${approvedFor(p) ? 'approved' : exists(p) ? 'not approved yet' : 'not drafted'}`)
              .join('; ')}
          </p>
          {drafting ? (
            <>
              <h2>
                Draft the {year} {PROGRAM_LABELS[drafting]} agreement
              </h2>
              <AgreementDraftForm
                initial={emptyDraft()}
                submitLabel="Save the draft"
                onCancel={() => setDrafting(null)}
                onSubmit={async (data) => {
                  const a = await api.post<AgreementDetail>('/api/clinic/agreements', { program: drafting, programYear: year, data });
                  navigate(`/clinic/agreements/${a.id}`);
                }}
              />
            </>
          ) : (
            q.data.canDraft &&
            draftable && (
              <ButtonGroup>
                {(['cvp', 'covid19'] as const)
                  .filter((p) => !exists(p))
                  .map((p) => (
                    <Button type="button" key={p} onClick={() => setDrafting(p)}>
                      Draft the {year} {p === 'cvp' ? 'CVP' : 'COVID-19'} agreement
                    </Button>
                  ))}
              </ButtonGroup>
            )
          )}
          <StackedTable fullWidth striped headers caption={`The ${year} agreements and their revisions`}>
            <thead>
              <tr>
                <th scope="col">Agreement</th>
                <th scope="col">Status</th>
                <th scope="col">Signed by</th>
                <th scope="col">DPH comment</th>
                <th scope="col">Last changed</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => (
                <tr key={a.id} data-testid={`agreement-${a.program}-${a.programYear}-${a.revision}`}>
                  <th scope="row">
                    <Link to={`/clinic/agreements/${a.id}`}>
                      {a.programYear} {PROGRAM_LABELS[a.program]}, revision {a.revision}
                    </Link>
                  </th>
                  <td>{STATUS_LABELS[a.status]}</td>
                  <td>{a.signedBy.length ? a.signedBy.map((r) => SIGNER_LABELS[r]).join('; ') : '—'}</td>
                  <td>{a.reviewComment ?? '—'}</td>
                  <td className="nutmeg-date">{formatDateTime(a.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
        </>
      )}
    </>
  );
}
