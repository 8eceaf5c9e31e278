/** The slot of a tab another part of the add-in will fill ("Báo cáo", "Tiêu chí"). */
import { Body1 } from '@fluentui/react-components';
import { fill } from '../../engine';
import type { UiStrings } from '../hooks/useLang';

export default function Placeholder({ name, t }: { name: string; t: UiStrings }) {
  return <Body1 as="p">{fill(t.comingSoon, { name })}</Body1>;
}
