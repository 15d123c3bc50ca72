import { useQuery } from '@tanstack/react-query';
import type { PatientNotifications } from '@nutmeg/api-types';
import { api } from '../../api';
import { StackedTable } from '../../components/StackedTable';

const METHOD: Record<string, string> = { letter: 'Letter', phone: 'Phone call', email: 'E-mail', text: 'Text message' };

/** The reminder/recall notices sent to a patient (on the patient record). */
export function NotificationsPanel({ patientId }: { patientId: string }) {
  const q = useQuery({
    queryKey: ['notifications', patientId],
    queryFn: () => api.get<PatientNotifications>(`/api/patients/${patientId}/notifications`),
    retry: false,
  });
  if (!q.data) return null;
  return (
    <section aria-labelledby="notices-heading" className="margin-top-4" data-testid="notifications">
      <h2 id="notices-heading">Reminder/recall notices</h2>
      {q.data.notifications.length === 0 ? (
        <p>No reminder or recall notice has been recorded.</p>
      ) : (
        <StackedTable fullWidth>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">How</th>
              <th scope="col">Vaccines</th>
              <th scope="col">Clinic</th>
            </tr>
          </thead>
          <tbody>
            {q.data.notifications.map((n) => (
              <tr key={n.id}>
                <td className="nutmeg-date">{n.on}</td>
                <td>{METHOD[n.method] ?? n.method}</td>
                <td>{n.vaccineGroups.join(', ')}</td>
                <td>{n.clinic}</td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
    </section>
  );
}
