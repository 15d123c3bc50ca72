// Test helpers for the HL7 tests: an interface registered by DPH (moved to a status), messages posted with its
// credentials, and the corpus files of ../shared/hl7.
import fs from 'node:fs';
import path from 'node:path';
import { parseMessage, valueAt, segmentsNamed, type Message } from '@nutmeg/hl7v2';
import type { TestServer } from '../../testing/test-server.ts';

export const SHARED_HL7 = path.resolve(import.meta.dirname, '../../../../../../shared/hl7');

export interface TestInterface {
  id: string;
  username: string;
  secret: string;
  authorization: string;
}

export async function registerInterface(
  s: TestServer,
  o: { app: string; facility?: string; clinicPins: string[]; status?: 'onboarding' | 'testing' | 'production' | 'inactive' },
): Promise<TestInterface> {
  const dph = await s.signIn('dphadmin');
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/hl7/interfaces',
    headers: dph,
    payload: { name: `${o.app} EHR`, sendingApplication: o.app, sendingFacility: o.facility ?? 'X68', clinicPins: o.clinicPins },
  });
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  const created = res.json();
  if (o.status && o.status !== 'onboarding') {
    const patch = await s.app.inject({
      method: 'PATCH',
      url: `/api/hl7/interfaces/${created.interface.id}`,
      headers: dph,
      payload: { version: 1, status: o.status },
    });
    if (patch.statusCode !== 200) throw new Error(`status: ${patch.statusCode} ${patch.body}`);
  }
  const basic = Buffer.from(`${created.username}:${created.secret}`).toString('base64');
  return { id: created.interface.id, username: created.username, secret: created.secret, authorization: `Basic ${basic}` };
}

export async function postHl7(s: TestServer, iface: TestInterface, text: string) {
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/hl7/v2',
    headers: { authorization: iface.authorization, 'content-type': 'application/hl7-v2' },
    payload: text,
  });
  return { status: res.statusCode, text: res.body, message: res.statusCode === 200 ? parseMessage(res.body) : undefined };
}

export function msa1(m: Message | undefined): string | undefined {
  return m ? valueAt(m, 'MSA-1') : undefined;
}

export function errSeverities(m: Message | undefined): string[] {
  return m ? segmentsNamed(m, 'ERR').map((_, i) => valueAt(m, `ERR[${i + 1}]-4`) ?? '') : [];
}

export function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(path.join(SHARED_HL7, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** A message with MSH-<n> replaced (MSH-1 is the field separator, so MSH-n is split index n-1). */
export function withMsh(text: string, n: number, value: string): string {
  const [msh, ...rest] = text.split('\r');
  const f = msh!.split('|');
  while (f.length < n) f.push('');
  f[n - 1] = value;
  return [f.join('|'), ...rest].join('\r');
}

/** A QBP^Q11 (Z34 or Z44) for a name and date of birth, with RCP-2 the most candidates wanted. */
export function qbp(o: {
  profile: 'Z34' | 'Z44';
  last: string;
  first: string;
  dob: string;
  controlId: string;
  limit?: number;
  app?: string;
}): string {
  const name = o.profile === 'Z34' ? 'Request Immunization History' : 'Request Evaluated History and Forecast';
  return [
    `MSH|^~\\&|${o.app ?? 'Test EHR Application'}|X68|NUTMEG|CTDPH|20261207101500-0500||QBP^Q11^QBP_Q11|${o.controlId}|P|2.5.1|||ER|AL|||||${o.profile}^CDCPHINVS`,
    `QPD|${o.profile}^${name}^CDCPHINVS|${o.controlId}-tag|MRN-${o.controlId}^^^X68^MR|${o.last}^${o.first}^^^^^L||${o.dob}|`,
    `RCP|I|${o.limit ?? 10}^RD&Records&HL70126|R`,
    '',
  ].join('\r');
}
