// The schools API as the pages use it (types from @nutmeg/api-types).
import { useQuery } from '@tanstack/react-query';
import type { RosterUploadResult, RosterView, SchoolList } from '@nutmeg/api-types';
import { api } from '../../api';

export function useSchools() {
  return useQuery({ queryKey: ['schools'], queryFn: () => api.get<SchoolList>('/api/schools') });
}

export function useRoster(schoolId: string, year: number) {
  return useQuery({
    queryKey: ['schools', schoolId, 'roster', year],
    queryFn: () => api.get<RosterView>(`/api/schools/${schoolId}/roster?year=${year}`),
  });
}

/** 2026 → '2026–27'. */
export function schoolYearLabel(year: number): string {
  return `${year}–${String((year + 1) % 100).padStart(2, '0')}`;
}

export const GRADES = ['PK', 'K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;
export const gradeLabel = (g: string) => (g === 'PK' ? 'Pre-K' : g === 'K' ? 'Kindergarten' : `Grade ${g}`);

/** Rows per request: small enough that the progress bar moves, large enough not to resend the file too often. */
const SLICE = 250;

/**
 * Sends a roster file in slices (the whole file each time, the server processing the next rows), reporting
 * progress after each; resolves with the upload's totals and the bad rows.
 */
export async function uploadRoster(
  schoolId: string,
  schoolYear: number,
  fileName: string,
  csv: string,
  onProgress: (r: RosterUploadResult) => void,
): Promise<RosterUploadResult> {
  let r = await api.post<RosterUploadResult>(`/api/schools/${schoolId}/roster/uploads`, {
    schoolYear,
    fileName,
    csv,
    offset: 0,
    limit: SLICE,
  });
  onProgress(r);
  while (!r.done) {
    r = await api.post<RosterUploadResult>(`/api/schools/${schoolId}/roster/uploads`, {
      schoolYear,
      fileName,
      csv,
      offset: r.processed,
      limit: SLICE,
      uploadId: r.uploadId,
    });
    onProgress(r);
  }
  return r;
}
