/** The banding rules in force, read-only (the rules editor lives on the "Tiêu chí" tab). */
import { Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { BAND_FILL, formatBound, type Lang, type RuleSet } from '../../engine';
import type { UiStrings } from '../hooks/useLang';
import { bandRangeText } from '../format';

export default function RulesTable({ rules, lang, t }: { rules: RuleSet; lang: Lang; t: UiStrings }) {
  return (
    <div data-testid="rules" style={{ display: 'flex', flexDirection: 'column', rowGap: 8 }}>
      <Caption1>{rules.name[lang]}</Caption1>
      <Table size="small" aria-label={t.rulesTitle}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.rulesBand}</TableHeaderCell>
            <TableHeaderCell>{t.rulesRange}</TableHeaderCell>
            <TableHeaderCell>{t.rulesFloor}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rules.bands.map((b) => (
            <TableRow key={b.code} data-testid={`rule-${b.code}`}>
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
      <Caption1>{t.rulesReadOnly}</Caption1>
    </div>
  );
}
