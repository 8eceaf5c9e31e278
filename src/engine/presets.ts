/**
 * The presets a reviewer can pick, each a JSON file under rules/ named by its decision (number,
 * issuer), in the same format `--rules` takes (format version 2). The files are the one home of
 * the presets' numbers; test/engine/rules-presets.test.ts reads each back through the checker.
 */
import haiDuong from '../../rules/hai-duong-29-2018-qd-ubnd.json';
import haiDuongAbove80 from '../../rules/hai-duong-29-2018-qd-ubnd-tren-80.json';
import national from '../../rules/bo-noi-vu-par-index-2024-nhom.json';
import type { RuleSet } from './types';

/** A preset file's data as a RuleSet (the file's `$schema` and `formatVersion` keys left out). */
function preset(data: unknown): RuleSet {
  const {
    $schema: _schema,
    formatVersion: _version,
    ...rules
  } = data as RuleSet & { $schema?: string; formatVersion?: number };
  return rules as RuleSet;
}

/** The bands of Hải Dương Decision 29/2018/QĐ-UBND, as the 2021 Tứ Kỳ report applies them (the default). */
export const HAI_DUONG_2018: RuleSet = preset(haiDuong);

/**
 * The same decision read as the seed's band list literally writes it: "Hoàn thành tốt nhiệm vụ …
 * đạt trên 80% đến dưới 90%" while "Hoàn thành nhiệm vụ" runs "từ 65% đến dưới 80%". Read
 * literally that leaves exactly 80% in no band; this variant closes the gap the only way the
 * words "trên 80%" allow, by counting exactly 80% in "Hoàn thành nhiệm vụ". Floors unchanged.
 */
export const HAI_DUONG_2018_ABOVE_80: RuleSet = preset(haiDuongAbove80);

/**
 * The national grouping by index alone, as the Ministry of Home Affairs published the PAR Index
 * 2024 (group A from 90%, group B from 80% to under 90%; every province was above 80%, so no
 * lower group was named: units under 80% are "outside groups A and B"). Read at two decimals.
 */
export const NATIONAL_GROUPS_2024: RuleSet = preset(national);

/** Presets a reviewer can pick; the first is the default. */
export const PRESETS: readonly RuleSet[] = [HAI_DUONG_2018, HAI_DUONG_2018_ABOVE_80, NATIONAL_GROUPS_2024];

/** The file under rules/ each preset comes from, by id (for messages and docs). */
export const PRESET_FILES: Readonly<Record<string, string>> = {
  [HAI_DUONG_2018.id]: 'rules/hai-duong-29-2018-qd-ubnd.json',
  [HAI_DUONG_2018_ABOVE_80.id]: 'rules/hai-duong-29-2018-qd-ubnd-tren-80.json',
  [NATIONAL_GROUPS_2024.id]: 'rules/bo-noi-vu-par-index-2024-nhom.json',
};
