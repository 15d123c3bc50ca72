import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Label, Select, TextInput } from '@trussworks/react-uswds';
import type { Hl7SeverityList, Hl7SeverityRule } from '@nutmeg/api-types';
import { api, toApiError } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link } from '../../router';
import { useSession } from '../../session';

const LABEL: Record<Hl7SeverityRule['severity'], string> = { E: 'Error', W: 'Warning', I: 'Information', ignore: 'Ignore' };
/** At most this many rules listed at once: there are over 600; the filter narrows them. */
const SHOWN = 50;

/** DPH's severity of each data-quality rule of HL7 processing (defaults from the MQE detections). */
export function SeveritiesPage() {
  const { can } = useSession();
  const admin = can('hl7:interfaces');
  const [filter, setFilter] = useState('');
  const [changedOnly, setChangedOnly] = useState(false);
  const [editing, setEditing] = useState<Hl7SeverityRule | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['hl7-severities'], queryFn: () => api.get<Hl7SeverityList>('/api/hl7/severities') });
  const words = filter.trim().toLowerCase();
  const matching = (q.data?.rules ?? []).filter(
    (r) => (!words || r.rule.toLowerCase().includes(words)) && (!changedOnly || r.severity !== r.defaultSeverity || r.version > 0),
  );
  return (
    <>
      <h1>HL7 data-quality rules</h1>
      <p>
        How serious each problem found in a message is: an error rejects what it is about, a warning or information is reported to the
        sender and counted, an ignored rule is not reported. <Link to="/hl7/quality">Data quality</Link>
      </p>
      {saved && (
        <Alert type="success" headingLevel="h2" heading="Severity changed" data-testid="severity-saved">
          {saved}
        </Alert>
      )}
      {editing && admin && (
        <SeverityForm
          rule={editing}
          onDone={(message) => {
            setEditing(null);
            setSaved(message);
          }}
        />
      )}
      <div className="grid-row grid-gap">
        <div className="tablet:grid-col-6">
          <Label htmlFor="severity-filter">Find a rule</Label>
          <TextInput id="severity-filter" name="filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        <div className="tablet:grid-col-6 padding-top-4">
          <Checkbox
            id="changed-only"
            name="changedOnly"
            label="Changed from the default only"
            checked={changedOnly}
            onChange={(e) => setChangedOnly(e.target.checked)}
          />
        </div>
      </div>
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the rules">
          {q.error.message}
        </Alert>
      )}
      {q.data && (
        <StackedTable
          fullWidth
          striped
          headers
          testId="severity-rules"
          caption={
            matching.length > SHOWN ? `The first ${SHOWN} of ${matching.length} rules: narrow the search` : `${matching.length} rule(s)`
          }
        >
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Default</th>
              <th scope="col">Connecticut</th>
              {admin && <th scope="col">Change</th>}
            </tr>
          </thead>
          <tbody>
            {matching.slice(0, SHOWN).map((r) => (
              <tr key={r.rule}>
                <th scope="row" className="nutmeg-break">
                  {r.rule}
                </th>
                <td>{LABEL[r.defaultSeverity]}</td>
                <td>{LABEL[r.severity]}</td>
                {admin && (
                  <td>
                    <Button type="button" unstyled onClick={() => setEditing(r)}>
                      Change<span className="usa-sr-only"> the severity of {r.rule}</span>
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
    </>
  );
}

function SeverityForm({ rule, onDone }: { rule: Hl7SeverityRule; onDone: (message: string) => void }) {
  const client = useQueryClient();
  const [severity, setSeverity] = useState(rule.severity);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const out = await api.put<Hl7SeverityRule>(`/api/hl7/severities/${rule.rule}`, { severity, version: rule.version, reason });
      await client.invalidateQueries({ queryKey: ['hl7-severities'] });
      onDone(`${out.rule} is now ${LABEL[out.severity].toLowerCase()}.`);
    } catch (err) {
      setError(toApiError(err).message);
    }
  }
  return (
    <Form
      onSubmit={submit}
      className="maxw-none border-1px border-base-lighter padding-2 margin-bottom-2"
      aria-label={`Change ${rule.rule}`}
    >
      <h2 className="margin-top-0">Change {rule.rule}</h2>
      {error && (
        <Alert type="error" headingLevel="h3" heading="Not changed">
          {error}
        </Alert>
      )}
      <Label htmlFor="severity-value">Severity</Label>
      <Select
        id="severity-value"
        name="severity"
        value={severity}
        onChange={(e) => setSeverity(e.target.value as Hl7SeverityRule['severity'])}
      >
        {(Object.keys(LABEL) as Hl7SeverityRule['severity'][]).map((s) => (
          <option key={s} value={s}>
            {LABEL[s]}
            {s === rule.defaultSeverity ? ' (default)' : ''}
          </option>
        ))}
      </Select>
      <Label htmlFor="severity-reason">Why</Label>
      <TextInput
        id="severity-reason"
        name="reason"
        type="text"
        required
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <Button type="submit">Save severity</Button>
    </Form>
  );
}
