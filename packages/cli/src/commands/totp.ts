import { totp } from '@nutmeg/server/access';

export async function totpCommand(argv: string[]): Promise<number> {
  const secret = argv[0];
  if (!secret) {
    console.error('Usage: nutmeg totp <base32 secret>');
    return 2;
  }
  console.log(totp(secret.replace(/\s+/g, '').toUpperCase(), Date.now()));
  return 0;
}
