import { type Label as LabelValue, labelNames } from '../../modules/articles/index.ts';

export function Label({ label }: { label: LabelValue }) {
  if (label === 'none') return null;
  return <span class={`label label-${label}`}>{labelNames[label]}</span>;
}
