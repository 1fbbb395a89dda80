import type { ComponentChildren } from 'preact';
import type { EditorServices } from '../services.ts';
import type { EditorSession } from '../session.ts';
import { ArticlePicker } from './ArticlePicker.tsx';
import { Banners } from './Banners.tsx';
import { BodyEditor } from './BodyEditor.tsx';
import type { BodyHandle } from './body-handle.ts';
import type { Dialogs } from './dialogs.ts';
import { EmbedDialog } from './EmbedDialog.tsx';
import { HeadFields } from './HeadFields.tsx';
import { useSubscription } from './hooks.ts';
import { LeadImagePanel } from './LeadImagePanel.tsx';
import { LinkDialog } from './LinkDialog.tsx';
import { MediaLibrary } from './MediaLibrary.tsx';
import { PublishPanel } from './PublishPanel.tsx';
import { Revisions } from './Revisions.tsx';
import { SeoPanel } from './SeoPanel.tsx';
import { StoryPanel } from './StoryPanel.tsx';
import { TopBar } from './TopBar.tsx';
import { WorkflowDialog } from './WorkflowDialog.tsx';

export interface AppProps {
  session: EditorSession;
  dialogs: Dialogs;
  services: EditorServices;
  handle: BodyHandle;
  /** The admin layout may already give the page its <main> and <h1>; then the editor adds neither. */
  page: { inMain: boolean; hasHeading: boolean };
}

function OpenDialog({ session, dialogs, services, handle }: AppProps) {
  const request = dialogs.current;
  if (!request) return null;
  const close = () => dialogs.dismiss(request);
  const editor = handle.editor;
  switch (request.kind) {
    case 'media':
      return (
        <MediaLibrary
          purpose={request.purpose}
          services={services}
          current={request.purpose === 'lead' ? session.fields.leadMedia : null}
          onPick={(item) => dialogs.choose(request, item)}
          onSaved={(item) => session.mediaUpdated(item)}
          onClose={close}
        />
      );
    case 'article':
      return (
        <ArticlePicker
          purpose={request.purpose}
          currentId={session.article.id}
          onPick={(hit) => dialogs.choose(request, hit)}
          onClose={close}
        />
      );
    case 'embed':
      return editor && <EmbedDialog editor={editor} onClose={close} />;
    case 'link':
      return editor && <LinkDialog editor={editor} onClose={close} />;
    case 'revisions':
      return <Revisions session={session} onClose={close} />;
    case 'workflow':
      return <WorkflowDialog action={request.action} session={session} onClose={close} />;
  }
}

function Column({ inMain, children }: { inMain: boolean; children: ComponentChildren }) {
  return inMain ? <div class="ed-main">{children}</div> : <main class="ed-main">{children}</main>;
}

/** The whole editor page: top bar, messages, the story on the left, its settings on the right. */
export function App(props: AppProps) {
  const { session, dialogs, services, handle } = props;
  useSubscription(session);
  useSubscription(dialogs);
  return (
    <div class="ed-app">
      <TopBar session={session} dialogs={dialogs} />
      <Banners session={session} />
      <div class="ed-layout">
        <Column inMain={props.page.inMain}>
          {!props.page.hasHeading && (
            <h1 class="ed-visually-hidden">Edit article: {session.fields.headline || 'untitled'}</h1>
          )}
          <HeadFields session={session} />
          <BodyEditor session={session} services={services} dialogs={dialogs} handle={handle} />
        </Column>
        <aside class="ed-sidebar" aria-label="Article settings">
          <PublishPanel session={session} dialogs={dialogs} />
          <StoryPanel session={session} />
          <LeadImagePanel session={session} services={services} />
          <SeoPanel session={session} />
        </aside>
      </div>
      <OpenDialog key={dialogs.serial} {...props} />
    </div>
  );
}
