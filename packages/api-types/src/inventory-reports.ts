// JSON shapes of the inventory reports: on hand and wastage, order history, doses administered by lot.
import type { LotFunding } from './inventory.ts';

/** GET /api/inventory/reports: doses on hand by funding and vaccine, and wastage by reason (a clinic's, or statewide for DPH). */
export interface InventoryReport {
  scope: { clinic: { id: string; name: string } | null; from: string; to: string };
  onHand: Array<{ fundingSource: LotFunding; cvx: string; tradeName: string; doses: number; clinics: number }>;
  wastage: Array<{ reason: string; clinicName: string | null; doses: number }>;
  /** Orders placed in the period: status, dates and doses requested / approved / shipped / accepted. */
  orders: Array<{
    id: string;
    clinicName: string;
    status: 'submitted' | 'approved' | 'denied' | 'shipped' | 'received';
    fundingSource: LotFunding;
    placedOn: string;
    decidedAt: string | null;
    shippedAt: string | null;
    acceptedAt: string | null;
    requested: number;
    approved: number | null;
    shipped: number | null;
    accepted: number | null;
  }>;
}

/**
 * GET /api/immunizations/doses-by-lot: doses administered from stock per lot and funding source in a period (the
 * ledger), beside the doses the clinic recorded on patient records from that lot (taken from it, or typed with its
 * lot number and NDC, or CVX without one). One date basis: the administration date of the dose, on both sides.
 */
export interface DosesByLotReport {
  scope: { clinic: { id: string; name: string } | null; from: string; to: string };
  rows: Array<{
    clinicName: string;
    lotNumber: string;
    tradeName: string;
    cvx: string;
    fundingSource: LotFunding;
    fromStock: number;
    recorded: number;
    /** fromStock − recorded: doses out of stock without a record (positive) or recorded without stock (negative). */
    difference: number;
  }>;
}
