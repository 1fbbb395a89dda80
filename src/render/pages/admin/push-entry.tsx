/** admin.css and editor.css belong to the newsroom shell and the editor; this strip brings its own few styles. */
const stripStyle = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: '0.5rem 1rem',
  margin: 0,
  padding: '0.6rem 1.5rem',
} as const;
const breakingStyle = {
  ...stripStyle,
  background: '#fdecee',
  color: '#5f0010',
  borderBottom: '3px solid #b00020',
};
const quietStyle = {
  ...stripStyle,
  justifyContent: 'flex-end',
  padding: '0.35rem 1.5rem',
  fontSize: '0.85rem',
};

/**
 * Above the article editor, for editors, on a published story: the way to "Send push notification".
 * A story labelled Breaking gets it as a prominent strip; any other published story as a quiet link.
 */
export function PushEntry({ articleId, breaking }: { articleId: number; breaking: boolean }) {
  const href = `/admin/articles/${articleId}/push`;
  if (!breaking) {
    return (
      <div class="push-entry" style={quietStyle}>
        <a href={href}>Send push notification</a>
      </div>
    );
  }
  return (
    <div class="push-entry push-entry-breaking" style={breakingStyle}>
      <p style={{ margin: 0 }}>
        <strong>Breaking story.</strong> Alert every reader who turned on breaking news alerts.
      </p>
      <a class="button primary" href={href}>
        Send push notification
      </a>
    </div>
  );
}
