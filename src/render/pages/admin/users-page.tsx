import { type Role, roleNames, roles, type User } from '../../../modules/users/index.ts';

interface Props {
  users: User[];
  me: User;
  csrf: string;
  inviteLink?: string;
  error?: string;
}

export function UsersPage({ users, me, csrf, inviteLink, error }: Props) {
  return (
    <>
      <div class="page-head">
        <h1>People</h1>
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {inviteLink && (
        <p class="form-notice" role="status">
          Invitation sent. If no mail server is configured, pass on this one-time link:{' '}
          <code>{inviteLink}</code>
        </p>
      )}
      <form method="post" action="/admin/users/invite" class="inline-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <div class="field">
          <label for="invite-email">Email</label>
          <input id="invite-email" name="email" type="email" required />
        </div>
        <div class="field">
          <label for="invite-role">Role</label>
          <select id="invite-role" name="role">
            {roles.map((r) => (
              <option value={r} selected={r === 'reporter'}>
                {roleNames[r]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button primary">
          Invite
        </button>
      </form>
      <table class="article-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Access</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>
                {u.id === me.id ? (
                  roleNames[u.role]
                ) : (
                  <form method="post" action={`/admin/users/${u.id}/role`} class="inline-form">
                    <input type="hidden" name="_csrf" value={csrf} />
                    <label class="visually-hidden" for={`role-${u.id}`}>
                      Role of {u.name}
                    </label>
                    <select id={`role-${u.id}`} name="role">
                      {roles.map((r: Role) => (
                        <option value={r} selected={r === u.role}>
                          {roleNames[r]}
                        </option>
                      ))}
                    </select>
                    <button type="submit" class="button small">
                      Change
                    </button>
                  </form>
                )}
              </td>
              <td>
                {u.id !== me.id && (
                  <form method="post" action={`/admin/users/${u.id}/${u.disabledAt ? 'enable' : 'disable'}`}>
                    <input type="hidden" name="_csrf" value={csrf} />
                    <button type="submit" class="button small">
                      {u.disabledAt ? 'Enable' : 'Disable'}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
