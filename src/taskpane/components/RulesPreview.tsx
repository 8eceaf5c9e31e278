/**
 * The preview of a rule change: counts per band now → after, and each unit that changes band or
 * rank with old → new and the reason (the bound or field floor responsible), in the engine's words.
 * Nothing here reads or writes the workbook.
 */
import { Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import {
  bandLabel,
  describeChangeReason,
  describePreview,
  describeUnitChange,
  fill,
  messages,
  type Lang,
  type RulePreview,
  type RuleSet,
} from '../../engine';
import type { PreviewRead, RulesUiStrings } from '../hooks/useRules';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  reasons: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  counts: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, fontVariantNumeric: 'tabular-nums' },
  changed: { fontWeight: tokens.fontWeightSemibold },
});

export interface RulesPreviewProps {
  preview: Extract<RulePreview, { ok: true }>;
  read: PreviewRead;
  newRules: RuleSet;
  lang: Lang;
  r: RulesUiStrings;
}

export function RulesPreview({ preview, read, newRules, lang, r }: RulesPreviewProps) {
  const styles = useStyles();
  const oldRules = read.stored.rules;
  const codes = [
    ...newRules.bands.map((b) => b.code),
    ...oldRules.bands.map((b) => b.code).filter((c) => !newRules.bands.some((b) => b.code === c)),
  ];
  const label = (code: string) =>
    newRules.bands.some((b) => b.code === code) ? bandLabel(newRules, code, lang) : bandLabel(oldRules, code, lang);
  const [summary] = describePreview(preview, oldRules, newRules, lang);
  const errors = read.inspection.errors.length;

  return (
    <div className={styles.root} data-testid="rules-preview" data-changes={preview.changes.length}>
      <Caption1>{fill(r.previewBasis, { sheet: read.inspection.read.sheet, count: preview.unitCount })}</Caption1>
      {errors > 0 && (
        <MessageBar intent="warning" data-testid="rules-preview-data-errors">
          <MessageBarBody>{fill(r.previewDataErrors, { count: errors })}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <h3 className={styles.heading}>{r.countsTitle}</h3>
        <ul className={styles.counts} aria-label={r.countsTitle} data-testid="rules-preview-counts">
          {codes.map((code) => {
            const before = preview.oldCounts[code] ?? 0;
            const after = preview.newCounts[code] ?? 0;
            return (
              <li
                key={code}
                className={before !== after ? styles.changed : undefined}
                data-testid={`rules-count-${code}`}
              >
                {fill(r.countLine, { band: label(code), old: before, new: after })}
              </li>
            );
          })}
        </ul>
      </div>
      <div>
        <h3 className={styles.heading}>{r.changesTitle}</h3>
        <p data-testid="rules-preview-summary">{summary}</p>
        {preview.changes.length > 0 && (
          <ul className={styles.list} aria-label={r.changesTitle} data-testid="rules-preview-changes">
            {preview.changes.map((c) => (
              <li key={c.row} data-testid="rules-preview-item" data-unit={c.name}>
                {describeUnitChange(c, oldRules, newRules, lang)}
                {c.reasons.length > 0 && (
                  <ul className={styles.reasons}>
                    {c.reasons.map((reason, i) => (
                      <li key={i}>{describeChangeReason(reason, oldRules, newRules, lang)}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
        <Caption1>{messages(lang).review.ranksNote}</Caption1>
      </div>
    </div>
  );
}
