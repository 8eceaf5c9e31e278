/** The scoring engine: pure TypeScript, no Office, no DOM, no Node. */
export * from './types';
export * from './decimal';
export * from './address';
export * from './text';
export * from './rules';
export * from './rules-io';
export * from './rule-checks';
export * from './components';
export * from './review';
export * from './layout';
export * from './read-table';
export * from './classify';
export * from './rank';
export * from './summary';
export * from './score';
export * from './format';
export * from './describe';
export * from './output';
export * from './output-rows';
export * from './i18n';
export * from './narrative';
export * from './batch-summary';
export * from './report-sheet';
export * from './output-place';
export * from './header-words';
export * from './header-roles';
export * from './table-checks';
export * from './cell-limit';
export * from './print-setup';
export * from './results-only';
export * from './transpose';
export * from './mapping-view';
export {
  MAPPING_MARKER,
  MAPPING_FORMAT_VERSION,
  mappingToRows,
  mappingFromRows,
  mappingOf,
  withMapping,
  storedRolesFor,
  rolesFromStore,
  staleMappingFinding,
  type StoredColumn,
  type StoredMapping,
  type MappingProblem,
  type MappingRead,
  type StoredRoles,
} from './mapping-sheet';
export * from './row-height';
