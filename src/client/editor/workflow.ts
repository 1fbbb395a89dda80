import type { EditorArticle } from './types.ts';
import type { WorkflowAction } from './ui/dialogs.ts';

/** Which workflow buttons an article offers, from its status and the server's permissions. */

export type ButtonAction = WorkflowAction | 'submit';

export interface WorkflowButton {
  action: ButtonAction;
  label: string;
  danger?: boolean;
}

export function workflowButtons(article: EditorArticle): WorkflowButton[] {
  const { status, permissions: can } = article;
  const published = status === 'published';
  const buttons: WorkflowButton[] = [];
  if (can.canPublish && published) buttons.push({ action: 'update', label: 'Publish update' });
  if (can.canPublish && !published) buttons.push({ action: 'publish', label: 'Publish now' });
  if (can.canSubmit && (status === 'draft' || status === 'unpublished')) {
    buttons.push({ action: 'submit', label: 'Submit for review' });
  }
  if (can.canPublish && !published) {
    buttons.push({ action: 'schedule', label: status === 'scheduled' ? 'Change schedule' : 'Schedule' });
  }
  if (can.canPublish && published) buttons.push({ action: 'correction', label: 'Add correction' });
  if (can.canUnpublish && published) buttons.push({ action: 'unpublish', label: 'Unpublish', danger: true });
  return buttons;
}

/** The one action the top bar offers: what this person would do next. */
export function primaryButton(article: EditorArticle): WorkflowButton | null {
  const order: ButtonAction[] = ['update', 'publish', 'submit'];
  const buttons = workflowButtons(article);
  for (const action of order) {
    const found = buttons.find((button) => button.action === action);
    if (found) return found;
  }
  return null;
}
