import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../modules/users/ports.ts';

/** argon2id with the library's defaults (19 MiB, 2 passes), the OWASP-recommended minimum. */
export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password),
  async verify(stored, password) {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  },
};
