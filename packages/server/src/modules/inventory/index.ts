// What other modules may use from inventory: moving doses through the ledger (in the caller's transaction), the
// ledger's check, and the routes.
import type { AppContext } from '../../context.ts';
import type { App } from '../../http.ts';
import { registerStockRoutes } from './inventory.routes.ts';
import { registerOrderRoutes } from './order.routes.ts';
import { registerPendingRoutes } from './pending.routes.ts';
import { registerReconciliationRoutes } from './reconciliation.routes.ts';
import { registerInventoryReportRoutes } from './report.routes.ts';
import { registerReturnRoutes } from './return.routes.ts';
import { registerShipmentRoutes } from './shipment.routes.ts';
import { registerTemperatureRoutes } from './temperature.routes.ts';
import { registerTransferRoutes } from './transfer.routes.ts';

export { moveStock, recomputeCheck } from './ledger.service.ts';
export {
  returnDoseToStock,
  stockOfDose,
  takeDoseFromStock,
  usableLotsForDose,
  usableLotsForDoses,
  type LotFacts,
} from './dose-stock.service.ts';
export { fundingFitsEligibility, doseFundingOf, isUsable } from './ledger.ts';
export { clinicToRead } from './inventory.policy.ts';
export { administeredOfDoses as ledgerAdministeredOfDoses, lotsByIdOrNumber as inventoryLotsByIdOrNumber } from './report.repo.ts';

export function registerInventoryRoutes(app: App, ctx: AppContext): void {
  registerStockRoutes(app, ctx);
  registerReconciliationRoutes(app, ctx);
  registerPendingRoutes(app, ctx);
  registerOrderRoutes(app, ctx);
  registerShipmentRoutes(app, ctx);
  registerTransferRoutes(app, ctx);
  registerReturnRoutes(app, ctx);
  registerTemperatureRoutes(app, ctx);
  registerInventoryReportRoutes(app, ctx);
}
