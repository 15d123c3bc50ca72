import { Alert } from '@trussworks/react-uswds';
import { Link, useLocation } from '../../router';

export function RequestSubmittedPage() {
  const { search } = useLocation();
  const ref = search.get('ref');
  const email = search.get('email');
  return (
    <div className="grid-row">
      <div className="tablet:grid-col-8">
        <h1>Request received</h1>
        <Alert type="success" headingLevel="h2" heading="Thank you — your request is waiting for review" data-testid="request-submitted">
          {email ? `We sent a confirmation to ${email}. ` : ''}The Department of Public Health will review it.
        </Alert>
        <h2>What happens next</h2>
        <ol className="usa-process-list">
          <li className="usa-process-list__item">
            <h3 className="usa-process-list__heading">DPH reviews the request</h3>
            <p>For Clinic Access, your clinic's vaccine coordinator must have you on the clinic's staff list.</p>
          </li>
          <li className="usa-process-list__item">
            <h3 className="usa-process-list__heading">You receive two e-mails</h3>
            <p>One with your username, another with a temporary password.</p>
          </li>
          <li className="usa-process-list__item">
            <h3 className="usa-process-list__heading">First sign-in</h3>
            <p>You choose your own password and set up an authenticator app on your phone.</p>
          </li>
        </ol>
        {ref && <p className="usa-hint">Request reference: {ref}</p>}
        <p>
          <Link to="/login">Go to sign in</Link>
        </p>
      </div>
    </div>
  );
}
