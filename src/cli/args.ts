/**
 * The scorer's command line, read by a small parser of its own so that every mistake is told in
 * the user's language (Node's parseArgs speaks English only): an unknown option, a missing value,
 * a value given to a switch, an option written twice.
 */
import { fill, messages, type Lang } from '../engine';

/** The options the scorer takes: a string takes a value, a boolean is a switch. */
export const CLI_OPTIONS = {
  out: { type: 'string', short: 'o' },
  'out-dir': { type: 'string' },
  summary: { type: 'string' },
  json: { type: 'string' },
  sheet: { type: 'string' },
  rules: { type: 'string' },
  lang: { type: 'string' },
  report: { type: 'string' },
  year: { type: 'string' },
  district: { type: 'string' },
  'district-index': { type: 'string' },
  'district-index-last': { type: 'string' },
  'district-rank': { type: 'string' },
  'district-band': { type: 'string' },
  'no-report-sheet': { type: 'boolean' },
  map: { type: 'string' },
  'print-map': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type OptionName = keyof typeof CLI_OPTIONS;
type Values = { [K in OptionName]?: (typeof CLI_OPTIONS)[K]['type'] extends 'string' ? string : boolean };

export interface CliArgs {
  values: Values;
  positionals: string[];
}

/** A mistake on the command line, already worded for the user. */
export class ArgsError extends Error {}

function optionByShort(letter: string): OptionName | undefined {
  return (Object.keys(CLI_OPTIONS) as OptionName[]).find(
    (name) => (CLI_OPTIONS[name] as { short?: string }).short === letter,
  );
}

/** `--name`, `--name=value` or `-x`: the option it names and the value written after `=`, if any. */
function splitOption(arg: string, lang: Lang): { name: OptionName; inline?: string; shown: string } {
  const m = messages(lang).cli;
  if (!arg.startsWith('--')) {
    const name = arg.length === 2 ? optionByShort(arg[1]) : undefined;
    if (!name) throw new ArgsError(fill(m.unknownOption, { option: arg }));
    return { name, shown: arg };
  }
  const eq = arg.indexOf('=');
  const key = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
  if (!Object.prototype.hasOwnProperty.call(CLI_OPTIONS, key))
    throw new ArgsError(fill(m.unknownOption, { option: `--${key}` }));
  return { name: key as OptionName, inline: eq < 0 ? undefined : arg.slice(eq + 1), shown: `--${key}` };
}

/** Reads the arguments (without `node script`). Throws ArgsError with a message in `lang`. */
export function parseCliArgs(argv: readonly string[], lang: Lang): CliArgs {
  const m = messages(lang).cli;
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const { name, inline, shown } = splitOption(arg, lang);
    if (name in values) throw new ArgsError(fill(m.repeatedOption, { option: shown }));
    if (CLI_OPTIONS[name].type === 'boolean') {
      if (inline !== undefined) throw new ArgsError(fill(m.switchTakesNoValue, { option: shown }));
      values[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new ArgsError(fill(m.missingValue, { option: shown }));
      value = next;
      i++;
    }
    values[name] = value;
  }
  return { values: values as Values, positionals };
}
