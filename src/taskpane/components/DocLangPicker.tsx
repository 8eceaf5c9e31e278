/** The workbook's document language: what is written into cells, stored in the workbook. */
import { Field, Select } from '@fluentui/react-components';
import { messages, type Lang } from '../../engine';

export function DocLangPicker({ lang, docLang, onChange }: { lang: Lang; docLang: Lang; onChange: (l: Lang) => void }) {
  const m = messages(lang).pane;
  return (
    <Field label={m.docLangTitle} hint={m.docLangHint}>
      <Select value={docLang} onChange={(_, d) => onChange(d.value === 'en' ? 'en' : 'vi')} data-testid="doc-lang">
        <option value="vi">{m.docLangVi}</option>
        <option value="en">{m.docLangEn}</option>
      </Select>
    </Field>
  );
}
