/** The banding rules in force, read-only (the rules editor lives on the "Tiêu chí" tab). */
import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { BAND_FILL, formatBound, type BandRule, type Lang, type RuleSet } from '../../engine';
import type { UiStrings } from '../hooks/useLang';
import { bandRangeText } from '../format';

export interface BandsTableProps {
  rules: RuleSet;
  lang: Lang;
  t: UiStrings;
  testId?: string;
  /** Each row gets the test id `${rowTestIdPrefix}${band code}`. */
  rowTestIdPrefix?: string;
}

/** The bands of a rule set: label with its colour, index range, field floor (and the floors of single fields). */
export function BandsTable({ rules, lang, t, testId, rowTestIdPrefix }: BandsTableProps) {
  return (
    <Table size="small" aria-label={t.rulesTitle} data-testid={testId}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t.rulesBand}</TableHeaderCell>
          <TableHeaderCell>{t.rulesRange}</TableHeaderCell>
          <TableHeaderCell>{t.rulesFloor}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rules.bands.map((b) => (
          <TableRow
            key={b.code}
            data-testid={rowTestIdPrefix === undefined ? undefined : `${rowTestIdPrefix}${b.code}`}
          >
            <TableCell>
              <span
                aria-hidden
                style={{
                  display: 'inline-block',
                  width: 10,
                  height: 10,
                  marginInlineEnd: 6,
                  background: BAND_FILL[b.code] ?? 'transparent',
                  border: '1px solid #999',
                }}
              />
              {b.label[lang]}
            </TableCell>
            <TableCell>{bandRangeText(b, lang)}</TableCell>
            <TableCell>
              {b.fieldFloorPct === null ? t.rulesNoFloor : formatBound(b.fieldFloorPct, lang)}
              <FieldFloorList band={b} lang={lang} t={t} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** A band's floors of single fields, one per line ("Cải cách TTHC: 60%"), under its floor for every field. */
function FieldFloorList({ band, lang, t }: { band: BandRule; lang: Lang; t: UiStrings }) {
  const floors = band.fieldFloors ?? [];
  if (floors.length === 0) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 12, fontSize: '0.9em' }} data-testid={`field-floors-${band.code}`}>
      {floors.map((f) => (
        <li key={f.field}>
          {f.field}: {f.pct === null ? t.rulesNoFloor : formatBound(f.pct, lang)}
        </li>
      ))}
    </ul>
  );
}

export default function RulesTable({ rules, lang, t }: { rules: RuleSet; lang: Lang; t: UiStrings }) {
  return (
    <div data-testid="rules" style={{ display: 'flex', flexDirection: 'column', rowGap: 8 }}>
      <Caption1>{rules.name[lang]}</Caption1>
      <BandsTable rules={rules} lang={lang} t={t} rowTestIdPrefix="rule-" />
      <Caption1>{t.rulesReadOnly}</Caption1>
    </div>
  );
}
