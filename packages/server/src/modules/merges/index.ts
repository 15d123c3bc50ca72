// Merge and unmerge of patient records: imported by app.ts only.
export { registerMergesRoutes } from './merge.routes.ts';
export { mergePatients, mergePossibleDuplicate, unmergePatients } from './merge.service.ts';
