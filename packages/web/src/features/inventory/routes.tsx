import type { NavEntry, RouteDef } from '../../route-types';
import { ExcursionsPage } from './ExcursionsPage';
import { InventoryDashboardPage } from './InventoryDashboardPage';
import { InventoryReportsPage } from './InventoryReportsPage';
import { LotLedgerPage } from './LotLedgerPage';
import { OrderPage } from './OrderPage';
import { OrdersPage } from './OrdersPage';
import { ReceivePage } from './ReceivePage';
import { ReconcilePage } from './ReconcilePage';
import { ReturnsPage } from './ReturnsPage';
import { TransfersPage } from './TransfersPage';
import { UnitStockPage } from './UnitStockPage';

/** Inventory management: the clinic's coordinators (and DPH's vaccine-program staff, reading a clinic's stock). */
export const inventoryRoutes: RouteDef[] = [
  { path: '/inventory', title: 'Inventory', access: { permission: 'inventory:read' }, component: InventoryDashboardPage },
  { path: '/inventory/receive', title: 'Receive private inventory', access: { permission: 'inventory:write' }, component: ReceivePage },
  { path: '/inventory/units/:unitId', title: 'Storage unit stock', access: { permission: 'inventory:read' }, component: UnitStockPage },
  {
    path: '/inventory/units/:unitId/reconcile',
    title: 'Reconcile a storage unit',
    access: { permission: 'inventory:write' },
    component: ReconcilePage,
  },
  { path: '/inventory/orders', title: 'Orders of public vaccine', access: { permission: 'inventory:read' }, component: OrdersPage },
  { path: '/inventory/orders/:id', title: 'Order of public vaccine', access: { permission: 'inventory:read' }, component: OrderPage },
  { path: '/inventory/transfers', title: 'Transfers between clinics', access: { permission: 'inventory:read' }, component: TransfersPage },
  { path: '/inventory/returns', title: 'Returns of public vaccine', access: { permission: 'inventory:read' }, component: ReturnsPage },
  { path: '/inventory/reports', title: 'Inventory reports', access: { permission: 'inventory:read' }, component: InventoryReportsPage },
  {
    path: '/inventory/excursions',
    title: 'Temperature excursions',
    access: { permission: 'inventory:read' },
    component: ExcursionsPage,
  },
  { path: '/inventory/units/:unitId/lots/:lotId', title: 'Lot ledger', access: { permission: 'inventory:read' }, component: LotLedgerPage },
];

export const inventoryNav: NavEntry[] = [{ module: 'inventory', label: 'Inventory', path: '/inventory', permission: 'inventory:read' }];
