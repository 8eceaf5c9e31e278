/**
 * The bands as a compact table, one row per band: its name, lower bound, upper bound and the floor
 * every field must reach, usable at 320 px without horizontal scrolling. "Chi tiết" opens the
 * rest of the band under its row (names, "từ"/"trên", floors of single fields). Each problem the
 * check finds is listed under the band's row, and describes the input it concerns.
 */
import { Button, Input, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment, useId, useState } from 'react';
import { fill, type Lang } from '../../engine';
import { bandKey, type BandDraft, type BandPlace, type RulesDraft, type RulesUiStrings } from '../hooks/useRules';
import { withBand } from '../hooks/useRulesDraft';
import { RulesBandDetails } from './RulesBandDetails';

const useStyles = makeStyles({
  table: { width: '100%', tableLayout: 'fixed', borderCollapse: 'collapse' },
  caption: {
    textAlign: 'start',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    paddingBlockEnd: tokens.spacingVerticalXS,
  },
  head: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: 'start',
    verticalAlign: 'bottom',
    paddingInline: '2px',
    overflowWrap: 'anywhere',
  },
  nameCol: { width: '34%' },
  cell: {
    paddingBlock: tokens.spacingVerticalXXS,
    paddingInline: '2px',
    verticalAlign: 'top',
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: { overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase200, display: 'block' },
  input: { width: '100%', minWidth: 0 },
  native: { minWidth: 0, width: '100%', paddingInline: '2px' },
  details: { minWidth: 0, paddingInline: 0, height: 'auto', fontSize: tokens.fontSizeBase200 },
  problems: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    color: tokens.colorPaletteRedForeground1,
    fontSize: tokens.fontSizeBase200,
  },
  note: { display: 'block', fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2 },
});

type Key = 'min' | 'max' | 'floor';

export interface RulesBandsTableProps {
  draft: RulesDraft;
  /** The rule set's bands (null) or a block's own. */
  block: number | null;
  errors: Record<string, string[]>;
  lang: Lang;
  r: RulesUiStrings;
  disabled: boolean;
  update: (change: (d: RulesDraft) => RulesDraft) => void;
  /** Field names of the table last read, offered for per-field floors. */
  fields: readonly string[];
}

/** The test ids of a band's inputs: `rules-good-min`, or `rules-k0-good-min` in block 1's own bands. */
export const bandTestId = (block: number | null, code: string, key: string) =>
  `rules-${block === null ? '' : `k${block}-`}${code}-${key}`;

export function RulesBandsTable({ draft, block, errors, lang, r, disabled, update, fields }: RulesBandsTableProps) {
  const styles = useStyles();
  const id = useId();
  const bands = block === null ? draft.bands : (draft.blocks[block]?.bands ?? []);
  const heads: Record<Key, string> = { min: `${id}-min`, max: `${id}-max`, floor: `${id}-floor` };
  return (
    <table className={styles.table} data-testid={block === null ? 'rules-bands' : `rules-k${block}-bands`}>
      <caption className={styles.caption}>{r.bandsCaption}</caption>
      <thead>
        <tr>
          <th scope="col" className={`${styles.head} ${styles.nameCol}`}>
            {r.colBand}
          </th>
          <th scope="col" className={styles.head} id={heads.min}>
            {r.colLower}
          </th>
          <th scope="col" className={styles.head} id={heads.max}>
            {r.colUpper}
          </th>
          <th scope="col" className={styles.head}>
            <abbr title={r.colFloor} style={{ textDecoration: 'none' }}>
              {r.colFloorShort}
            </abbr>
            <span id={heads.floor} hidden>
              {r.colFloor}
            </span>
          </th>
        </tr>
      </thead>
      <tbody>
        {bands.map((band, index) => (
          <BandRow
            key={band.code || index}
            place={{ block, index }}
            band={band}
            heads={heads}
            errors={errors}
            lang={lang}
            r={r}
            disabled={disabled}
            update={update}
            fields={fields}
          />
        ))}
      </tbody>
    </table>
  );
}

interface RowProps {
  place: BandPlace;
  band: BandDraft;
  heads: Record<Key, string>;
  errors: Record<string, string[]>;
  lang: Lang;
  r: RulesUiStrings;
  disabled: boolean;
  update: (change: (d: RulesDraft) => RulesDraft) => void;
  fields: readonly string[];
}

/** The messages of one band, each once, with the keys of the fields it concerns. */
function bandProblems(place: BandPlace, errors: Record<string, string[]>): { text: string; keys: string[] }[] {
  const prefix = bandKey(place, '');
  const out: { text: string; keys: string[] }[] = [];
  for (const [key, list] of Object.entries(errors)) {
    if (!key.startsWith(prefix)) continue;
    for (const text of list) {
      const seen = out.find((x) => x.text === text);
      if (seen) seen.keys.push(key);
      else out.push({ text, keys: [key] });
    }
  }
  return out;
}

const FIELD: Record<Key, keyof BandDraft> = { min: 'minText', max: 'maxText', floor: 'floorText' };

interface BoundCellProps {
  /** The row's id (from useId): the inputs are labelled by the band's name and their column head. */
  rowId: string;
  bound: Key;
  place: BandPlace;
  band: BandDraft;
  heads: Record<Key, string>;
  errors: Record<string, string[]>;
  r: RulesUiStrings;
  disabled: boolean;
  /** The ids of the band's messages that concern this input, or undefined. */
  describedBy: string | undefined;
  set: (change: Partial<BandDraft>) => void;
}

/** One of the band's inputs (lower bound, upper bound, floor); the floor notes how many fields have their own. */
function BoundCell({ rowId, bound, place, band, heads, errors, r, disabled, describedBy, set }: BoundCellProps) {
  const styles = useStyles();
  const texts: Record<Key, string> = { min: band.minText, max: band.maxText, floor: band.floorText };
  const invalid = (errors[bandKey(place, bound)] ?? []).length > 0;
  return (
    <td className={styles.cell}>
      <Input
        className={styles.input}
        input={{ className: styles.native }}
        size="small"
        value={texts[bound]}
        inputMode="decimal"
        onChange={(_, d) => set({ [FIELD[bound]]: d.value })}
        aria-labelledby={`${rowId}-name ${heads[bound]}`}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        disabled={disabled}
        data-testid={bandTestId(place.block, band.code, bound)}
      />
      {bound === 'floor' && band.fieldFloors.length > 0 && (
        <span className={styles.note}>{fill(r.ownFloors, { count: band.fieldFloors.length })}</span>
      )}
    </td>
  );
}

interface BandNameCellProps {
  rowId: string;
  place: BandPlace;
  band: BandDraft;
  name: string;
  r: RulesUiStrings;
  open: boolean;
  toggle: () => void;
}

/** The row's head: the band's name and the "Chi tiết" button that opens its details. */
function BandNameCell({ rowId, place, band, name, r, open, toggle }: BandNameCellProps) {
  const styles = useStyles();
  return (
    <th scope="row" className={styles.cell} style={{ textAlign: 'start', fontWeight: 'normal' }}>
      <span id={`${rowId}-name`} className={styles.name}>
        {name}
      </span>
      <Button
        appearance="transparent"
        size="small"
        className={styles.details}
        aria-expanded={open}
        aria-controls={`${rowId}-details`}
        aria-label={fill(r.detailsOf, { label: name })}
        onClick={toggle}
        data-testid={bandTestId(place.block, band.code, 'details')}
      >
        {open ? `▾ ${r.details}` : `▸ ${r.details}`}
      </Button>
    </th>
  );
}

interface BandProblemsRowProps {
  place: BandPlace;
  band: BandDraft;
  problems: { text: string; keys: string[] }[];
  msgId: (i: number) => string;
}

/** The band's problems under its row, each naming the fields it concerns. */
function BandProblemsRow({ place, band, problems, msgId }: BandProblemsRowProps) {
  const styles = useStyles();
  return (
    <tr>
      <td colSpan={4}>
        <ul className={styles.problems} data-testid={bandTestId(place.block, band.code, 'problems')}>
          {problems.map((p, i) => (
            <li
              key={p.text}
              id={msgId(i)}
              data-fields={p.keys.map((k) => k.slice(bandKey(place, '').length)).join(' ')}
            >
              {p.text}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

function BandRow({ place, band, heads, errors, lang, r, disabled, update, fields }: RowProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const name = (lang === 'vi' ? band.labelVi : band.labelEn).trim() || band.code;
  const problems = bandProblems(place, errors);
  const msgId = (i: number) => `${id}-msg-${i}`;
  const describedBy = (key: Key) =>
    problems.flatMap((p, i) => (p.keys.includes(bandKey(place, key)) ? [msgId(i)] : [])).join(' ') || undefined;
  const set = (change: Partial<BandDraft>) => update((d) => withBand(d, place, change));
  const cell = (bound: Key) => (
    <BoundCell
      rowId={id}
      bound={bound}
      place={place}
      band={band}
      heads={heads}
      errors={errors}
      r={r}
      disabled={disabled}
      describedBy={describedBy(bound)}
      set={set}
    />
  );

  return (
    <Fragment>
      <tr data-testid={bandTestId(place.block, band.code, 'row')}>
        <BandNameCell
          rowId={id}
          place={place}
          band={band}
          name={name}
          r={r}
          open={open}
          toggle={() => setOpen((o) => !o)}
        />
        {cell('min')}
        {cell('max')}
        {cell('floor')}
      </tr>
      {problems.length > 0 && <BandProblemsRow place={place} band={band} problems={problems} msgId={msgId} />}
      {open && (
        <tr id={`${id}-details`}>
          <td colSpan={4}>
            <RulesBandDetails
              place={place}
              band={band}
              name={name}
              errors={errors}
              lang={lang}
              r={r}
              disabled={disabled}
              set={set}
              fields={fields}
            />
          </td>
        </tr>
      )}
      {!open && <tr id={`${id}-details`} hidden />}
    </Fragment>
  );
}
