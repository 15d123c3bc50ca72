// JSON shapes of the temperature log: readings, excursions and the excursion report.

export interface TemperatureReadingView {
  id: string;
  readAt: string;
  currentC: number;
  minC: number | null;
  maxC: number | null;
  source: 'manual' | 'logger';
  outOfRange: boolean;
}

export interface ExcursionView {
  id: string;
  clinic: { id: string; name: string };
  storageUnitId: string;
  unitName: string;
  /** A warm shipment's excursion (accepted warm): the shipment; null for one found by the unit's readings. */
  shipmentId: string | null;
  /** When it began (a warm shipment: when it was accepted). */
  firstReadAt: string;
  /** Null for a warm shipment (no reading of its own). */
  worstC: number | null;
  /** Lowest and highest of its out-of-range readings (current, min and max), °C. */
  minC: number | null;
  maxC: number | null;
  /** The unit's next reading in range; null while none has come. */
  backInRangeAt: string | null;
  /** From the first out-of-range reading until back in range (or the last out-of-range reading so far). */
  durationMinutes: number;
  status: 'open' | 'usable' | 'wasted';
  decidedAt: string | null;
  decisionNote: string | null;
  /** The lots held "do not use" by it. */
  lots: Array<{ lotId: string; lotNumber: string; tradeName: string }>;
  canDecide: boolean;
}

/** GET /api/inventory/excursions: the excursion report (DPH statewide or one clinic; a coordinator their clinic). */
export interface ExcursionReport {
  scope: { clinic: { id: string; name: string } | null; from: string | null; to: string | null; status: ExcursionView['status'] | null };
  excursions: ExcursionView[];
}

/** GET /api/inventory/units/:unitId/temperatures */
export interface TemperatureLog {
  /** The unit's safe range in °C. */
  range: { min: number; max: number };
  readings: TemperatureReadingView[];
  excursions: ExcursionView[];
  canRecord: boolean;
}
