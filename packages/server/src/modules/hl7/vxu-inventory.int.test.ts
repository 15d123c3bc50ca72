import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentsNamed, valueAt, type Message } from '@nutmeg/hl7v2';
import type { UnitStock } from '@nutmeg/api-types';
import { moveStock } from '../inventory/index.ts';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { msa1, postHl7, registerInterface, type TestInterface } from './hl7.testing.ts';
import { interfaceWithClinics } from './interface.service.ts';
import { processMessages } from './process-messages.service.ts';
import type { Answer } from './receive.service.ts';

/** A VXU of one hepatitis A dose (CVX 83) given on 2026-12-05 from lot `lot`, with VFC eligibility `vfc`. */
function vxu(o: { id: string; last: string; lot: string; vfc: string; action?: 'A' | 'U' | 'D' }): string {
  return [
    `MSH|^~\\&|INV EHR|CT1001|NUTMEG|CTDPH|20261207100000-0500||VXU^V04^VXU_V04|${o.id}|P|2.5.1|||ER|AL|||||Z22^CDCPHINVS`,
    `PID|1||MRN-${o.last}^^^CT1001^MR||${o.last}^Ava^^^^^L||20200105|F||2106-3^White^CDCREC|12 Elm St^^New Haven^CT^06511^USA^L`,
    `ORC|RE||${o.id}^CT1001`,
    `RXA|0|1|20261205||83^Hep A ped^CVX|0.5|mL^mL^UCUM||00^New record^NIP001||||||${o.lot}|20270930|MSD^Merck^MVX|||CP|${o.action ?? 'A'}`,
    'RXR|IM^Intramuscular^HL70162|LT^Left Thigh^HL70163',
    `OBX|1|CE|64994-7^Vaccine funding program eligibility category^LN|1|${o.vfc}^eligibility^HL70064||||||F`,
    '',
  ].join('\r');
}

/** VAQTA (hepatitis A, pediatric), carton of 10 single-dose vials. */
const VAQTA_NDC = '00006-4095-02';

const errRules = (m: Message | undefined) => (m ? segmentsNamed(m, 'ERR').map((_, i) => valueAt(m, `ERR[${i + 1}]-8`) ?? '') : []);

describe('VXU RXA-15: decrementing the sending clinic’s inventory', () => {
  let s: TestServer;
  let coord: Awaited<ReturnType<TestServer['signIn']>>;
  let iface: TestInterface;
  let fridge = '';
  let privateLot = '';
  let publicLot = '';
  const onHand = async (lotId: string) =>
    ((await s.app.inject({ method: 'GET', url: `/api/inventory/units/${fridge}/stock`, headers: coord })).json() as UnitStock).lines.find(
      (l) => l.lotId === lotId,
    )?.onHand;

  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2026-12-07T15:00:00Z'));
    const clinicId = (await s.ctx.db.selectFrom('organizations').select('id').where('pin', '=', 'CT1001').executeTakeFirstOrThrow()).id;
    coord = await s.signIn('coordinator');
    const unit = await s.app.inject({
      method: 'POST',
      url: '/api/clinic/storage-units',
      headers: coord,
      payload: { name: 'HL7 fridge', kind: 'refrigerator' },
    });
    fridge = unit.json().id;
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/inventory/receipts',
      headers: coord,
      payload: { storageUnitId: fridge, ndc: VAQTA_NDC, lotNumber: 'PRIV1', expiration: '2027-09', doses: 3 },
    });
    privateLot = r.json().lotId;
    // Public lots arrive by accepting a state shipment; here the ledger receives one directly.
    const db = s.ctx.db;
    const lot = await db
      .insertInto('inventory_lots')
      .values({
        organization_id: clinicId,
        ndc: VAQTA_NDC,
        cvx: '83',
        mvx: 'MSD',
        trade_name: 'VAQTA',
        doses_per_package: 10,
        lot_number: 'PUB1',
        expiration_date: '2027-10-31',
        funding_source: 'vfc',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    publicLot = lot.id;
    await db.transaction().execute((trx) =>
      moveStock(trx, {
        organizationId: clinicId,
        lotId: lot.id,
        storageUnitId: fridge,
        kind: 'received',
        quantity: 2,
        recordedBy: null,
        at: new Date(),
      }),
    );
    iface = await registerInterface(s, { app: 'INV EHR', facility: 'CT1001', clinicPins: ['CT1001'], status: 'production' });
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('takes the dose from the lot RXA-15 names, warns when it names none or the funding does not fit, and D gives it back', async () => {
    // A V01 (not VFC-eligible) patient given private stock: decremented, the dose carries the lot's facts.
    const given = await postHl7(s, iface, vxu({ id: 'INV-1', last: 'Stockwell', lot: 'priv1', vfc: 'V01' }));
    expect(msa1(given.message)).toBe('AA');
    expect(await onHand(privateLot)).toBe(2);
    const ledger = await s.ctx.db
      .selectFrom('inventory_ledger')
      .select(['dose_id', 'quantity'])
      .where('lot_id', '=', privateLot)
      .where('kind', '=', 'administered')
      .execute();
    expect(ledger).toHaveLength(1);
    const dose = await s.ctx.db
      .selectFrom('doses')
      .select(['lot', 'funding_source'])
      .where('id', '=', ledger[0]!.dose_id!)
      .executeTakeFirstOrThrow();
    expect(dose).toEqual({ lot: 'PRIV1', funding_source: 'private' });

    // A lot the clinic does not have: the dose is stored, the sender warned, no stock moves.
    const unknown = await postHl7(s, iface, vxu({ id: 'INV-2', last: 'Lotless', lot: 'NOSUCHLOT', vfc: 'V01' }));
    expect(msa1(unknown.message)).toBe('AE');
    expect(errRules(unknown.message).join(' ')).toMatch(/Lot NOSUCHLOT is not a usable lot/);
    expect(await s.ctx.db.selectFrom('doses').select('id').where('lot', '=', 'NOSUCHLOT').execute()).toHaveLength(1);

    // Public (VFC) stock for a patient who is not eligible: the inventory's rule refuses the decrement, the dose stays.
    const misfit = await postHl7(s, iface, vxu({ id: 'INV-3', last: 'Misfit', lot: 'PUB1', vfc: 'V01' }));
    expect(msa1(misfit.message)).toBe('AE');
    expect(errRules(misfit.message).join(' ')).toMatch(/not taken from the clinic's stock: Lot PUB1 is public stock/);
    expect(await onHand(publicLot)).toBe(2);
    expect(await s.ctx.db.selectFrom('doses').select('id').where('lot', '=', 'PUB1').execute()).toHaveLength(1);

    // RXA-21 D of the first dose: deleted, its dose back in the lot.
    const deleted = await postHl7(s, iface, vxu({ id: 'INV-4', last: 'Stockwell', lot: 'PRIV1', vfc: 'V01', action: 'D' }));
    expect(msa1(deleted.message)).toBe('AA');
    expect(await onHand(privateLot)).toBe(3);
  });

  it('in a batch (hl7 process), a refused decrement redoes only its message: its dose kept with the warning, the others decremented', async () => {
    // Messages run without a savepoint per dose; the refused decrement undoes its message, which is processed
    // again with them. The batch's other messages keep exactly what they recorded.
    const sender = (await interfaceWithClinics(s.ctx.db, iface.id))!;
    const answers: Answer[] = [];
    const { before } = await s.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.coalesce(eb.fn.max('seq'), eb.lit(0)).as('before'))
      .executeTakeFirstOrThrow();
    const messages = [
      vxu({ id: 'INV-B1', last: 'Batchgiven', lot: 'PRIV1', vfc: 'V01' }),
      vxu({ id: 'INV-B2', last: 'Batchmisfit', lot: 'PUB1', vfc: 'V01' }),
      vxu({ id: 'INV-B3', last: 'Batchpublic', lot: 'PUB1', vfc: 'V02' }),
    ];
    await processMessages(s.ctx, sender, messages, 0, {
      batchSize: 3,
      workers: 1,
      transport: 'cli',
      onChunk: (a) => void answers.push(...a),
    });
    expect(answers.map((a) => a.status)).toEqual(['accepted', 'warnings', 'accepted']);
    expect(answers[1]!.response).toMatch(/not taken from the clinic's stock: Lot PUB1 is public stock/);
    expect(await onHand(privateLot)).toBe(2);
    expect(await onHand(publicLot)).toBe(1);
    const byFamily = await s.ctx.db
      .selectFrom('doses')
      .innerJoin('patients', 'patients.id', 'doses.patient_id')
      .select(['patients.last_name', 'doses.lot', 'doses.funding_source'])
      .where('patients.last_name', 'in', ['Batchgiven', 'Batchmisfit', 'Batchpublic'])
      .orderBy('patients.last_name')
      .execute();
    expect(byFamily.map((d) => `${d.last_name} ${d.lot}`)).toEqual(['Batchgiven PRIV1', 'Batchmisfit PUB1', 'Batchpublic PUB1']);
    expect(
      await s.ctx.db.selectFrom('patients').select('id').where('last_name', '=', 'Batchmisfit').execute(),
      'the redone message created its patient once',
    ).toHaveLength(1);
    // The undone attempt's audit entries left the batch: the surviving patient has one create and one dose create.
    const [misfit] = await s.ctx.db.selectFrom('patients').select('id').where('last_name', '=', 'Batchmisfit').execute();
    const entries = await s.ctx.db.selectFrom('audit_log').select(['action', 'entity_type']).where('patient_id', '=', misfit!.id).execute();
    expect(entries.map((e) => `${e.action} ${e.entity_type}`).sort()).toEqual(['dose.create dose', 'patient.create patient']);
    const orphans = await s.ctx.db
      .selectFrom('audit_log')
      .leftJoin('patients', 'patients.id', 'audit_log.patient_id')
      .select('audit_log.seq')
      .where('audit_log.seq', '>', before)
      .where('audit_log.patient_id', 'is not', null)
      .where('patients.id', 'is', null)
      .execute();
    expect(orphans, 'no audit entry names a patient that has no row').toEqual([]);
  });
});
