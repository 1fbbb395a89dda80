/** Editorial labels shown above a headline. "none" shows nothing. */
export const labels = ['none', 'exclusive', 'breaking', 'live', 'opinion', 'analysis'] as const;
export type Label = (typeof labels)[number];

export const labelNames: Record<Label, string> = {
  none: '',
  exclusive: 'Exclusive',
  breaking: 'Breaking',
  live: 'Live',
  opinion: 'Opinion',
  analysis: 'Analysis',
};
