interface Candidate {
  id: number;
  headline: string;
  homePosition: number | null;
  section: string;
}

/** Editors choose the lead story and the order of the top stories. Works as a plain form. */
export function HomeCurationPage({
  candidates,
  csrf,
  saved,
}: {
  candidates: Candidate[];
  csrf: string;
  saved: boolean;
}) {
  return (
    <>
      <div class="page-head">
        <h1>Home page</h1>
      </div>
      <p class="intro">
        Give the lead story position 1 and number the top stories after it. Leave a box empty to keep a story
        off the top of the home page; the newest stories still appear in the latest column and their sections.
      </p>
      {saved && (
        <p class="form-notice" role="status">
          The home page has been updated.
        </p>
      )}
      <form method="post" action="/admin/home">
        <input type="hidden" name="_csrf" value={csrf} />
        <table class="article-table">
          <thead>
            <tr>
              <th scope="col">Position</th>
              <th scope="col">Headline</th>
              <th scope="col">Section</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((c) => (
              <tr>
                <td>
                  <label class="visually-hidden" for={`pos-${c.id}`}>
                    Position of {c.headline}
                  </label>
                  <input
                    class="position"
                    id={`pos-${c.id}`}
                    name={`pos_${c.id}`}
                    type="number"
                    min={1}
                    max={20}
                    value={c.homePosition === null ? '' : String(c.homePosition + 1)}
                  />
                </td>
                <td>{c.headline}</td>
                <td>{c.section}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <button type="submit" class="button primary">
            Save home page
          </button>
        </p>
      </form>
    </>
  );
}
