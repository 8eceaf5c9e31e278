import { en } from './en';
import { vi, type Messages } from './vi';
import type { Lang } from '../types';

export { vi, en, type Messages };

export function messages(lang: Lang): Messages {
  return lang === 'en' ? en : vi;
}
