// GET /api/patient-lookup-alerts: users who looked up many patients by identifier in one hour (last 7 days).

export interface PatientLookupAlert {
  userId: string;
  username: string;
  name: string;
  /** Start of the hour counted. */
  windowStart: string;
  lookups: number;
  /** Went past the hourly limit and was refused. */
  refused: boolean;
  alertedAt: string;
}

export interface PatientLookupAlerts {
  limit: number;
  alertAt: number;
  alerts: PatientLookupAlert[];
}
