/** The banding rules in force, read-only (the rules editor lives on the "Tiêu chí" tab). */
import { Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { BAND_FILL, formatBound, type Lang, type RuleSet } from '../../engine';
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

/** The bands of a rule set: label with its colour, index range, field floor. */
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
          <TableRow key={b.code} data-testid={rowTestIdPrefix === undefined ? undefined : `${rowTestIdPrefix}${b.code}`}>
            <TableCell>
              <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, marginInlineEnd: 6, background: BAND_FILL[b.code] ?? 'transparent', border: '1px solid #999' }} />
              {b.label[lang]}
            </TableCell>
            <TableCell>{bandRangeText(b, lang)}</TableCell>
            <TableCell>{b.fieldFloorPct === null ? t.rulesNoFloor : formatBound(b.fieldFloorPct, lang)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
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
