import { useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { GovBanner, GridContainer, Header, NavMenuButton, PrimaryNav, Select, Title, Button, Label } from '@trussworks/react-uswds';
import { api } from '../api';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { MODULE_LABELS, MODULE_ORDER } from '../module-labels';
import { NAV } from '../routes';

function ScopeSwitcher() {
  const { me } = useSession();
  const qc = useQueryClient();
  if (!me || me.stage !== 'active' || me.memberships.length < 2) return null;
  return (
    <div className="nutmeg-scope">
      <Label htmlFor="scope-switcher" className="margin-top-0">
        Acting for
      </Label>
      <Select
        id="scope-switcher"
        name="scope"
        value={me.activeScope?.membershipId ?? ''}
        onChange={async (e) => {
          await api.put('/api/session/scope', { membershipId: e.target.value });
          // Everything cached belonged to the previous clinic.
          await qc.resetQueries();
          navigate('/');
        }}
      >
        {me.memberships.map((m) => (
          <option key={m.id} value={m.id}>
            {m.organizationName}
            {m.pin ? ` (${m.pin})` : ''} — {m.accessTypeLabel}
          </option>
        ))}
      </Select>
    </div>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { me, refresh, can } = useSession();
  const { pathname } = useLocation();
  const [expanded, setExpanded] = useState(false);
  const active = me?.stage === 'active';
  const items = active
    ? MODULE_ORDER.filter((m) => me.modules[m])
        .flatMap((m) =>
          NAV.filter((n) => n.module === m && (!n.permission || can(n.permission)))
            .slice(0, 1)
            .map((n) => ({ ...n, label: MODULE_LABELS[m] })),
        )
        .map((n) => (
          <Link
            key={n.path}
            to={n.path}
            className={`usa-nav-link${pathname.startsWith(n.path) ? ' usa-current' : ''}`}
            data-testid={`nav-${n.module}`}
            onClick={() => setExpanded(false)}
          >
            <span>{n.label}</span>
          </Link>
        ))
    : [];
  if (me) {
    items.push(
      <Button
        key="logout"
        type="button"
        unstyled
        className="usa-nav-link"
        onClick={async () => {
          await api.delete('/api/session');
          await refresh();
          navigate('/login');
        }}
      >
        Sign out ({me.user.username})
      </Button>,
    );
  }
  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        Skip to main content
      </a>
      <GovBanner />
      <Header basic showMobileOverlay={expanded}>
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <Title>
              <Link to="/">Nutmeg IIS</Link>
            </Title>
            <NavMenuButton onClick={() => setExpanded((x) => !x)} label="Menu" />
          </div>
          <PrimaryNav
            items={items}
            mobileExpanded={expanded}
            onToggleMobileNav={() => setExpanded((x) => !x)}
            aria-label="Primary navigation"
          />
        </div>
      </Header>
      <main id="main-content">
        <GridContainer className="padding-y-4">
          <ScopeSwitcher />
          {children}
        </GridContainer>
      </main>
      <footer className="usa-footer usa-footer--slim">
        <GridContainer className="padding-y-2 font-body-3xs">
          Nutmeg Immunization Information System — Connecticut Department of Public Health configuration. Every view of a patient record is
          logged.
        </GridContainer>
      </footer>
    </>
  );
}
