/** The pane's language: starts from Office's display language, switchable by the user. */
import { useCallback, useState } from 'react';
import { messages, type Lang, type Messages } from '../../engine';

export type UiStrings = Messages['ui'];

/** 'en' when Office's display language is English (en-US, en-GB, …), else Vietnamese. */
export function langFromDisplayLanguage(displayLanguage: string | undefined | null): Lang {
  return (displayLanguage ?? '').toLowerCase().startsWith('en') ? 'en' : 'vi';
}

export function useLang(initial: Lang): { lang: Lang; t: UiStrings; toggle: () => void } {
  const [lang, setLang] = useState<Lang>(initial);
  const toggle = useCallback(() => setLang((l) => (l === 'vi' ? 'en' : 'vi')), []);
  return { lang, t: messages(lang).ui, toggle };
}
