// The synthetic population tool: generator and bulk loader (a tool, not a module). Used by the demo seed
// (server.ts) and the CLI (`nutmeg generate`, `nutmeg bench search`) through @nutmeg/server/synthetic.
export {
  analyzeLoadedTables,
  clinicsForLoading,
  loadPeople,
  loadPopulation,
  seedDemoPatients,
  type LoadCounts,
  type LoadOptions,
  type PopulationOptions,
} from './population-loader.ts';
export { namedDemoPatients, README_PATIENT, seedNamedDemoPatients } from './demo-patients.ts';
export { generatePopulation, generatePopulationBatches, type GenerateOptions, type SyntheticPerson } from './synthetic-population.ts';
export { BENCH_IIS_PREFIX, loadBenchPopulation, type BenchPopulationOptions } from './bench-population.ts';
