// `nutmeg hl7 process <file>` as an operator runs it (a child process on a test database seeded with the demo
// interface): no --interface, an FHS/BHS batch file, one response per message, the summary, resumable, no doubled
// doses when run again.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '@nutmeg/server/testing';

const BIN = path.resolve(import.meta.dirname, '../../bin/nutmeg.js');

function vxu(o: { id: string; last: string; rxa: string; vfc?: boolean }): string {
  return [
    `MSH|^~\\&|NUTMEG-DEMO-EHR|CT1001|NUTMEG|CTDPH|20261201101500-0500||VXU^V04^VXU_V04|${o.id}|P|2.5.1|||AL|ER`,
    `PID|1||MRN-${o.id}^^^CT1001^MR||${o.last}^${o.last}ina^^^^^L||20190304|F|||${o.id.length}${o.last.length} ${o.last} St^^Hartford^CT^06105^USA^L`,
    `ORC|RE||ORD-${o.id}^CT1001`,
    o.rxa,
    'RXR|IM^Intramuscular^HL70162|LA^Left Arm^HL70163',
    ...(o.vfc === false ? [] : ['OBX|1|CE|64994-7^Eligibility^LN|1|V02^Medicaid^HL70064||||||F']),
  ].join('\r');
}

const GOOD_RXA = 'RXA|0|1|20190405||08^HepB^CVX|0.5|mL^mL^UCUM||00^New^NIP001||||||LOT-A|20301231|MSD^Merck^MVX|||CP|A';

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The responses on stdout (CR shown as LF): each starts with MSH; [MSA-1, MSA-2] of each. */
function answers(stdout: string): Array<[string, string]> {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('MSA|'))
    .map((l) => [l.split('|')[1]!, l.split('|')[2]!]);
}

describe('nutmeg hl7 process', () => {
  let s: TestServer;
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    // The CLI is another instance of the install: the same install secret (the audit log is keyed with it).
    const secret = crypto.randomBytes(32).toString('hex');
    s = await createTestServer({ INSTALL_SECRET: secret });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nutmeg-hl7-cli-'));
    env = { DATABASE_URL: s.handle.url!, INSTALL_SECRET: secret, DATA_DIR: dir, NUTMEG_SEED: 'none', LOG_LEVEL: 'warn' };
  });
  afterAll(async () => {
    await s.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function dosesOf(last: string): Promise<Array<{ cvx: string; lot: string | null }>> {
    const dph = await s.signIn('dphadmin');
    const found = (
      await s.app.inject({ method: 'POST', url: '/api/patients/search', headers: dph, payload: { lastName: last, dob: '2019-03-04' } })
    ).json();
    expect(found.results ?? []).toHaveLength(1);
    return (await s.app.inject({ method: 'GET', url: `/api/patients/${found.results[0].id}/immunizations`, headers: dph })).json().doses;
  }

  it('runs an FHS/BHS file as the demo interface: one response per message, the summary; again → no doubled doses', async () => {
    const file = path.join(dir, 'batch.hl7');
    const body = [
      'FHS|^~\\&|NUTMEG-DEMO-EHR|CT1001|NUTMEG|CTDPH|20261201101500-0500',
      'BHS|^~\\&|NUTMEG-DEMO-EHR|CT1001|NUTMEG|CTDPH|20261201101500-0500',
      vxu({ id: 'CLI-1', last: 'Clean', rxa: GOOD_RXA }),
      vxu({ id: 'CLI-2', last: 'Warned', rxa: GOOD_RXA, vfc: false }),
      vxu({ id: 'CLI-3', last: 'Rejected', rxa: GOOD_RXA.replace('08^HepB^CVX', '') }),
      'BTS|3',
      'FTS|1',
      '',
    ].join('\r\n');
    fs.writeFileSync(file, body);
    const first = await run(['hl7', 'process', file], env);
    expect(first.code).toBe(0);
    // The warning and the error name what was wrong (ERR-8).
    expect(
      first.stdout
        .split('\n')
        .filter((l) => l.startsWith('ERR|'))
        .map((l) => l.split('|')[4]),
    ).toEqual(['W', 'E']);
    expect(answers(first.stdout)).toEqual([
      ['AA', 'CLI-1'],
      ['AE', 'CLI-2'],
      ['AE', 'CLI-3'],
    ]);
    expect(first.stdout.split('\n').filter((l) => l.startsWith('MSH|'))).toHaveLength(3);
    expect(first.stderr).toContain('3 of 3 message(s) processed: 1 accepted, 1 accepted with warnings, 1 rejected, 0 failed');
    expect(fs.existsSync(`${file}.progress`)).toBe(false);
    expect((await dosesOf('Clean')).map((d) => [d.cvx, d.lot])).toEqual([['08', 'LOT-A']]);

    const again = await run(['hl7', 'process', file], env);
    expect(again.code).toBe(0);
    expect(answers(again.stdout).map((a) => a[1])).toEqual(['CLI-1', 'CLI-2', 'CLI-3']);
    expect((await dosesOf('Clean')).map((d) => [d.cvx, d.lot])).toEqual([['08', 'LOT-A']]);
    expect(await dosesOf('Warned')).toHaveLength(1);
  });

  it('resumes after an interruption: the messages before <file>.progress are not processed again', async () => {
    const file = path.join(dir, 'resume.hl7');
    fs.writeFileSync(
      file,
      [vxu({ id: 'RES-1', last: 'Resumeone', rxa: GOOD_RXA }), vxu({ id: 'RES-2', last: 'Resumetwo', rxa: GOOD_RXA }), ''].join('\n'),
    );
    fs.writeFileSync(`${file}.progress`, '1');
    const res = await run(['hl7', 'process', file], env);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('Resuming after 1 message(s)');
    expect(answers(res.stdout).map((a) => a[1])).toEqual(['RES-2']);
    expect(res.stderr).toContain('1 of 2 message(s) processed');
    const dph = await s.signIn('dphadmin');
    const none = (
      await s.app.inject({
        method: 'POST',
        url: '/api/patients/search',
        headers: dph,
        payload: { lastName: 'Resumeone', dob: '2019-03-04' },
      })
    ).json();
    expect((none.results ?? []).map((r: { lastName: string }) => r.lastName)).not.toContain('Resumeone');
    expect(await dosesOf('Resumetwo')).toHaveLength(1);
  });
});
