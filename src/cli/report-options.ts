/**
 * The CLI's report options (--year, --district, --district-index, --district-index-last,
 * --district-rank, --district-band, --report) checked and turned into the narrative's settings.
 * Bad values are usage errors, reported before the workbook is read.
 */
import { fill, fold, messages, parseNumberText, type Lang, type ReportSettings, type RuleSet } from '../engine';

/** A report option with a bad value; main turns it into a usage error (exit 2). */
export class ReportOptionError extends Error {}

export interface ReportArgs {
  year?: string;
  district?: string;
  'district-index'?: string;
  'district-index-last'?: string;
  'district-rank'?: string;
  'district-band'?: string;
}

export type ReportFormat = 'txt' | 'md' | 'docx';

/** The format of a --report file from its extension; a usage error for anything else. */
export function reportFormat(file: string, lang: Lang): ReportFormat {
  const m = /\.(txt|md|docx)$/i.exec(file);
  if (!m) throw new ReportOptionError(fill(messages(lang).cli.reportExt, { file }));
  return m[1].toLowerCase() as ReportFormat;
}

/** A year 2000–2099 typed on the command line. */
export function parseYear(value: string, lang: Lang): number {
  const t = value.trim();
  if (!/^20\d\d$/.test(t)) throw new ReportOptionError(fill(messages(lang).cli.badYear, { value }));
  return Number(t);
}

/** A percentage typed as "83,30", "83.3" or "83,30%": 0 to 100. */
export function parsePct(value: string, option: string, lang: Lang): number {
  const read = parseNumberText(value.trim().replace(/\s*%$/, ''));
  if (read.kind !== 'number' || read.value < 0 || read.value > 100)
    throw new ReportOptionError(fill(messages(lang).cli.badPct, { option, value }));
  return read.value;
}

/** "6/12": rank 6 of 12 districts. */
export function parseRank(value: string, lang: Lang): { rank: number; of: number } {
  const m = /^\s*(\d{1,3})\s*\/\s*(\d{1,3})\s*$/.exec(value);
  const rank = m ? Number(m[1]) : NaN;
  const of = m ? Number(m[2]) : NaN;
  if (!m || rank < 1 || of < rank) throw new ReportOptionError(fill(messages(lang).cli.badRank, { value }));
  return { rank, of };
}

/** A band of the rule set by code ("good") or by label in either language, diacritics optional. */
export function parseBand(value: string, rules: RuleSet, lang: Lang): string {
  const wanted = fold(value.trim());
  const band = rules.bands.find(
    (b) => fold(b.code) === wanted || fold(b.label.vi) === wanted || fold(b.label.en) === wanted,
  );
  if (!band)
    throw new ReportOptionError(
      fill(messages(lang).cli.badBand, {
        value,
        bands: rules.bands.map((b) => `${b.code} (${b.label[lang]})`).join(', '),
      }),
    );
  return band.code;
}

/** The narrative's settings from the options, the year given or guessed by the caller. */
export function reportSettings(
  args: ReportArgs,
  rules: RuleSet,
  lang: Lang,
): Omit<ReportSettings, 'year'> & { year?: number } {
  const m = messages(lang).cli;
  const district = args.district?.trim() || undefined;
  const settings: Omit<ReportSettings, 'year'> & { year?: number } = {};
  if (args.year !== undefined) settings.year = parseYear(args.year, lang);
  if (district !== undefined) settings.districtName = district;
  const needsDistrict = (option: string) => {
    if (district === undefined) throw new ReportOptionError(fill(m.needsDistrict, { option }));
  };
  if (args['district-index'] !== undefined) {
    needsDistrict('--district-index');
    settings.districtIndexPct = parsePct(args['district-index'], '--district-index', lang);
  }
  if (args['district-index-last'] !== undefined) {
    needsDistrict('--district-index-last');
    settings.districtIndexLastYearPct = parsePct(args['district-index-last'], '--district-index-last', lang);
  }
  if (args['district-rank'] !== undefined) {
    needsDistrict('--district-rank');
    settings.districtRank = parseRank(args['district-rank'], lang);
  }
  if (args['district-band'] !== undefined) {
    needsDistrict('--district-band');
    settings.districtBand = parseBand(args['district-band'], rules, lang);
  }
  return settings;
}
