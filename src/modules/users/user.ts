export const roles = ['contributor', 'reporter', 'editor', 'administrator'] as const;
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, string> = {
  contributor: 'Contributor',
  reporter: 'Reporter',
  editor: 'Editor',
  administrator: 'Administrator',
};

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  authorId: number | null;
  disabledAt: Date | null;
  createdAt: Date;
}

/** Who is acting: a signed-in person, or the system itself (scheduled jobs, imports). */
export type Actor =
  | { kind: 'user'; userId: number; role: Role; name: string; authorId: number | null }
  | { kind: 'system' };

export const systemActor: Actor = { kind: 'system' };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
