import type { RouteDef } from '../../route-types';
import { VerifyCertificatePage } from './VerifyCertificatePage';

/** Public: check the code printed on a Certificate of Immunization (the PDF prints this page's address). */
export const certificatesRoutes: RouteDef[] = [
  { path: '/verify', title: 'Verify a certificate', access: 'public', component: VerifyCertificatePage },
];
