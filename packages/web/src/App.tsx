import { useEffect } from 'react';
import { Alert } from '@trussworks/react-uswds';
import { Layout } from './shell/Layout';
import { matchPath, navigate, useLocation } from './router';
import { ROUTES } from './routes';
import type { RouteAccess } from './route-types';
import { useSession, type Me } from './session';

function allowed(access: RouteAccess, me: Me | null): boolean {
  if (access === 'public') return true;
  if (!me || me.stage !== 'active') return false;
  if (access === 'signed-in') return true;
  if ('module' in access) return access.level === 'write' ? me.modules[access.module] === 'write' : !!me.modules[access.module];
  return me.permissions.includes(access.permission);
}

export function App() {
  const { me, loading } = useSession();
  const { pathname } = useLocation();
  const found = ROUTES.map((r) => ({ r, params: matchPath(r.path, pathname) })).find((x) => x.params);

  // Unfinished set-up steps come first, wherever the user tries to go.
  const redirect =
    loading || !found || found.r.access === 'public'
      ? null
      : !me
        ? `/login?next=${encodeURIComponent(pathname)}`
        : me.stage === 'password_change'
          ? '/change-password'
          : me.stage === 'mfa_enroll'
            ? '/mfa-setup'
            : null;
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);
  useEffect(() => {
    document.title = found ? `${found.r.title} — Nutmeg IIS` : 'Page not found — Nutmeg IIS';
  }, [found]);

  let content;
  if (loading || redirect) content = <p>Loading…</p>;
  else if (!found)
    content = (
      <>
        <h1>Page not found</h1>
        <p>There is no page at {pathname}.</p>
      </>
    );
  else if (!allowed(found.r.access, me)) {
    content = (
      <>
        <h1>Not available</h1>
        <Alert type="warning" headingLevel="h2" heading="You do not have access to this page" data-testid="forbidden">
          Your access type{me?.activeScope ? ` at ${me.activeScope.organizationName}` : ''} does not include this action.
        </Alert>
      </>
    );
  } else {
    const Page = found.r.component;
    content = <Page params={found.params!} />;
  }
  return <Layout>{content}</Layout>;
}
