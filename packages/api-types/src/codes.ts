// JSON shapes of the code sets the server searches for the web UI: GET /api/codes/vaccines.

/** A vaccine a dose may be recorded under, as the picker lists it. */
export interface VaccineChoice {
  /** CVX as CDC prints it ('08'). */
  cvx: string;
  /** 'FLUZONE … — Influenza, split virus, trivalent, PF (CVX 140)' */
  label: string;
  /** What the query matched: the CVX code, an NDC, a trade name or the vaccine's name. */
  matchedBy: 'cvx' | 'ndc' | 'trade-name' | 'name';
  /** Given today: CVX active, trade name active, NDC still distributed on the dose date. */
  active: boolean;
  /** CVX concept type (AIRA): 'vaccine', 'unspecified', 'non vaccine'… */
  conceptType: string | null;
  tradeName: string | null;
  /** Manufacturer (MVX), when the trade name or the NDC tells it. */
  mvx: string | null;
  /** The NDC (11 digits 5-4-2) when the query was one. */
  ndc: string | null;
}

export interface VaccineChoices {
  query: string;
  choices: VaccineChoice[];
}
