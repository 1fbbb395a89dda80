import type { EditorServices } from '../services.ts';
import type { EditorSession } from '../session.ts';
import { Icon } from './icons.tsx';
import { Panel } from './Panel.tsx';

/** The picture at the top of the article, with its library caption and credit. */
export function LeadImagePanel({ session, services }: { session: EditorSession; services: EditorServices }) {
  const lead = session.fields.leadMedia;
  const disabled = !session.canEdit;
  const choose = async () => {
    const item = await services.pickMedia('lead');
    if (item) session.update({ leadMedia: item });
  };
  return (
    <Panel title="Lead picture">
      {lead ? (
        <figure class="ed-lead">
          <img
            src={lead.thumbUrl}
            alt={lead.alt}
            width={lead.width}
            height={lead.height}
            style={`object-position:${lead.focalX * 100}% ${lead.focalY * 100}%`}
          />
          <figcaption>
            {lead.caption || <em class="ed-muted">No caption</em>}
            {lead.credit && <span class="ed-credit"> {lead.credit}</span>}
          </figcaption>
          {!lead.alt.trim() && (
            <p class="ed-warn-text">
              <Icon name="warning" /> Alt text is required before publishing. Add it in the library.
            </p>
          )}
        </figure>
      ) : (
        <p class="ed-empty">No lead picture. Most stories need one.</p>
      )}
      <div class="ed-form-actions ed-form-actions-start">
        <button type="button" class="ed-btn" disabled={disabled} onClick={choose}>
          <Icon name="image" /> {lead ? 'Change or edit' : 'Choose picture'}
        </button>
        {lead && (
          <button
            type="button"
            class="ed-btn ed-btn-quiet ed-danger"
            disabled={disabled}
            onClick={() => session.update({ leadMedia: null })}
          >
            Remove
          </button>
        )}
      </div>
    </Panel>
  );
}
