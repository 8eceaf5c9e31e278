/** Section II of the annual report, generated from a scoring result (pure: no Office, DOM or Node). */
export * from './types';
export { generateNarrative, percentagePointChange, lastYearBands } from './generate';
export { narrativeToText, narrativeToMarkdown, escapeMarkdown } from './render';
export { narrativeToHtml, escapeHtml } from './html';
export { unitKind, baseName, collectiveNoun, unitList, unitInSentence, formatCount, type UnitKind } from './units';
export { rangeText, floorClause } from './ranges';
export { joinLabels } from './labels';
