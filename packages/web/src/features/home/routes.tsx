import type { RouteDef } from '../../route-types';
import { HomePage } from './HomePage';

export const homeRoutes: RouteDef[] = [{ path: '/', title: 'Home', access: 'signed-in', component: HomePage }];
