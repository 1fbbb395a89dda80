import type { EditorSession } from '../session.ts';
import { Bylines } from './Bylines.tsx';
import { Panel } from './Panel.tsx';
import { TagsInput } from './TagsInput.tsx';

const labelName = (label: string) =>
  label === 'none' ? 'No label' : label[0]?.toUpperCase() + label.slice(1);

/** Where the story sits: section, label, tags and who wrote it. */
export function StoryPanel({ session }: { session: EditorSession }) {
  const { fields, data } = session;
  const disabled = !session.canEdit;
  return (
    <Panel title="Story">
      <div class="ed-row">
        <label class="ed-field">
          <span class="ed-field-label">Section</span>
          <select
            aria-label="Section"
            class="ed-select"
            value={String(fields.sectionId)}
            disabled={disabled}
            onChange={(e) => session.update({ sectionId: Number(e.currentTarget.value) })}
          >
            {data.sections.map((section) => (
              <option key={section.id} value={String(section.id)}>
                {section.name}
              </option>
            ))}
          </select>
        </label>
        <label class="ed-field">
          <span class="ed-field-label">Label</span>
          <select
            aria-label="Label"
            class="ed-select"
            value={fields.label}
            disabled={disabled}
            onChange={(e) => session.update({ label: e.currentTarget.value })}
          >
            {data.labels.map((label) => (
              <option key={label} value={label}>
                {labelName(label)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Bylines
        authors={fields.authors}
        disabled={disabled}
        onChange={(authors) => session.update({ authors })}
      />
      <TagsInput tags={fields.tags} disabled={disabled} onChange={(tags) => session.update({ tags })} />
    </Panel>
  );
}
