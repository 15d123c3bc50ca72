import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { AppContext } from '../context.ts';

/**
 * Counts the statements `fn` sends through `ctx.db` (the app's routes read `ctx.db` per request, so an inject()
 * inside `fn` is counted too). For tests that keep per-row work set-based: compare the count for one item with
 * the count for many, never a timing.
 */
export async function countQueries<T>(ctx: AppContext, fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  let queries = 0;
  const counter: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      queries++;
      return args.node;
    },
    transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      return Promise.resolve(args.result);
    },
  };
  const db = ctx.db;
  ctx.db = db.withPlugin(counter);
  try {
    return { result: await fn(), queries };
  } finally {
    ctx.db = db;
  }
}
