import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from '@trussworks/react-uswds';
import type { ReminderList, ReminderPatient } from '@nutmeg/api-types';
import { ageOn, formatPhone } from '@nutmeg/codes/format';
import { api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { jurisdictionToday } from '../../dates';
import { Link, useLocation } from '../../router';
import { criteriaFromSearch, criteriaQuery } from './criteria';
import { PdfDownload } from './PdfDownload';

const OUTCOMES = ['Reached', 'Message left', 'No answer', 'Wrong number', 'Appointment on'];

function dueText(p: ReminderPatient): string {
  return p.due
    .map((d) => `${d.vaccineGroup}${d.doseNumber ? ` dose ${d.doseNumber}` : ''} (${d.status === 'overdue' ? 'overdue' : 'due'})`)
    .join('; ');
}

/** A printable call list: who to call, their age, every phone, guardian and due vaccines, and boxes to mark the outcome. */
export function CallListPage() {
  const { search } = useLocation();
  const current = criteriaFromSearch(search);
  const query = current ? criteriaQuery(current) : '';
  const list = useQuery({
    queryKey: ['reminder-recall', query],
    queryFn: () => api.get<ReminderList>(`/api/reports/reminder-recall${query}`),
    enabled: !!current,
    retry: false,
  });
  const today = jurisdictionToday();
  return (
    <>
      <h1>Call list</h1>
      {!current && (
        <Alert type="info" headingLevel="h2" heading="No criteria" slim>
          Run <Link to="/reports/reminder-recall">reminder/recall</Link> first, then open its call list.
        </Alert>
      )}
      {list.error && (
        <Alert type="error" headingLevel="h2" heading="Could not list the patients" slim>
          {list.error.message}
        </Alert>
      )}
      {list.data && (
        <>
          <p>
            {list.data.clinic.name}: {list.data.patients.length} patients due or overdue, listed on{' '}
            <span className="nutmeg-date">{list.data.runOn}</span>. Mark each call&apos;s outcome in the boxes.
          </p>
          <div className="no-print margin-bottom-2">
            <Button type="button" onClick={() => window.print()}>
              Print the call list
            </Button>
            <PdfDownload
              list={list.data}
              kind="call_list"
              href={`/api/reports/reminder-recall/call-list.pdf${query}`}
              label="Call list (PDF)"
              testId="call-list-pdf"
              params={{ ...list.data.criteria, organizationId: list.data.clinic.id }}
              download
            />
            <Link className="usa-button usa-button--outline" to={`/reports/reminder-recall${query}`}>
              Back to the list
            </Link>
          </div>
          <StackedTable headers fullWidth caption="Patients to call" testId="call-list">
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">Phones and guardian</th>
                <th scope="col">Due</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {list.data.patients.map((p) => (
                <tr key={p.patientId}>
                  <th scope="row">
                    {p.name}
                    <div className="font-body-3xs">
                      {ageOn(p.dob, today)}, born <span className="nutmeg-date">{p.dob}</span>
                    </div>
                  </th>
                  <td>
                    {p.phones.length === 0 && <div>No phone on record</div>}
                    {p.phones.map((ph, i) => (
                      <div key={i}>
                        <span className="nutmeg-date">{formatPhone(ph.number)}</span> <span className="font-body-3xs">{ph.label}</span>
                      </div>
                    ))}
                    {p.guardian && <div>{p.guardian}</div>}
                  </td>
                  <td>{dueText(p)}</td>
                  <td>
                    {OUTCOMES.map((o) => (
                      <div key={o} className="nutmeg-date">
                        <span aria-hidden="true">☐</span> {o}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
        </>
      )}
    </>
  );
}
