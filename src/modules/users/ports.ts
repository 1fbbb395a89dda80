/** Password hashing lives behind a port so the module stays free of native code. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}
