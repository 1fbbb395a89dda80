import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { UsersService } from '../modules/users/index.ts';

const usage = `Usage: npm run user -- create --email EMAIL --name NAME --role contributor|reporter|editor|administrator [--password PASSWORD]
Without --password, a one-time link to choose one is printed (or emailed when SMTP_URL is set).`;

/** `npm run user -- create …`: accounts from the command line, e.g. for automation or a lost admin. */
export async function userCommand(users: UsersService, args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
    },
  });
  if (positionals[0] !== 'create' || !values.email || !values.role) {
    console.error(usage);
    return 2;
  }
  const password = values.password ?? randomBytes(24).toString('base64url');
  const user = await users.createUser({
    email: values.email,
    name: values.name ?? values.email.split('@')[0] ?? values.email,
    role: values.role as never,
    password,
  });
  console.log(`Created ${user.role} ${user.name} <${user.email}>.`);
  if (!values.password) await users.requestPasswordReset(user.email);
  return 0;
}
