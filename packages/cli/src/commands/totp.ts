// The one-file export, not the access module's index: `nutmeg totp` then loads in a fraction of the time (the
// new-user check runs it 20 times in CI).
import { totp } from '@nutmeg/server/totp';

export async function totpCommand(argv: string[]): Promise<number> {
  const secret = argv[0];
  if (!secret) {
    console.error('Usage: nutmeg totp <base32 secret>');
    return 2;
  }
  console.log(totp(secret.replace(/\s+/g, '').toUpperCase(), Date.now()));
  return 0;
}
