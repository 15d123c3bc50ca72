import type { SeedReport } from './seed/seed.ts';

export function printBanner(b: {
  url: string;
  address: string;
  database: string;
  seed: SeedReport;
  demoLogins: SeedReport['demoLogins'];
  smtpConfigured: boolean;
  ms: number;
}): void {
  const lines: string[] = [];
  lines.push('', `Nutmeg IIS is running at ${b.url} (listening on ${b.address})`);
  lines.push(`Database: ${b.database}. Started in ${b.ms} ms. API docs: ${b.url}/docs/api`);
  if (!b.smtpConfigured) {
    lines.push('No SMTP_URL: mail is not delivered but kept in the outbox (development only); administrators can open it there, audited.');
  }
  if (b.seed.admin) {
    lines.push('', 'First start with NUTMEG_SEED=none. DPH administrator (shown once; change it at first sign-in):');
    lines.push(`  username: ${b.seed.admin.username}   temporary password: ${b.seed.admin.temporaryPassword}`);
  }
  if (b.demoLogins?.length) {
    lines.push('', 'Demo logins (demo data only). Password for all: ' + b.demoLogins[0]!.password);
    lines.push('Add the TOTP secret to an authenticator app, or get the current code with: npx nutmeg totp <secret>');
    for (const d of b.demoLogins)
      lines.push(`  ${d.username.padEnd(15)} ${d.accessType.padEnd(21)} TOTP ${d.totpSecret}  ${d.organizations}`);
  }
  lines.push('');
  console.log(lines.join('\n'));
}
