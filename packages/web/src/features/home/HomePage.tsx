import { Card, CardBody, CardGroup, CardHeader, Tag } from '@trussworks/react-uswds';
import { Link } from '../../router';
import { useSession } from '../../session';
import { MODULE_LABELS, MODULE_ORDER } from '../../module-labels';
import { NAV } from '../../routes';
import { SeasonWarning, useSeasons } from '../recommender/SeasonsPage';

export function HomePage() {
  const { me, can } = useSession();
  const seasons = useSeasons(can('recommender:seasons'));
  if (!me) return null;
  const modules = MODULE_ORDER.filter((m) => me.modules[m]);
  return (
    <>
      <h1>Welcome, {me.user.displayName}</h1>
      {me.activeScope ? (
        <p data-testid="active-scope">
          You are acting for <strong>{me.activeScope.organizationName}</strong>
          {me.activeScope.pin ? ` (PIN ${me.activeScope.pin})` : ''} as{' '}
          {me.memberships.find((m) => m.id === me.activeScope?.membershipId)?.accessTypeLabel}.
        </p>
      ) : (
        <p>You have no active membership. Contact DPH.</p>
      )}
      {seasons.data && <SeasonWarning list={seasons.data} link />}
      <h2>Your modules</h2>
      <CardGroup>
        {modules.map((m) => {
          const pages = NAV.filter((n) => n.module === m && (!n.permission || can(n.permission)));
          return (
            <Card key={m} gridLayout={{ tablet: { col: 6 } }} data-testid={`module-card-${m}`}>
              <CardHeader>
                <h3 className="usa-card__heading">
                  {MODULE_LABELS[m]} {me.modules[m] === 'read' && <Tag>Read-only</Tag>}
                </h3>
              </CardHeader>
              <CardBody>
                {pages.length ? (
                  <ul className="usa-list usa-list--unstyled">
                    {pages.map((p) => (
                      <li key={p.path}>
                        <Link to={p.path}>{p.label}</Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p>This module's pages are not part of this release yet.</p>
                )}
              </CardBody>
            </Card>
          );
        })}
      </CardGroup>
    </>
  );
}
