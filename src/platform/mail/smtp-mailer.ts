import nodemailer from 'nodemailer';
import type { Mailer } from '../../modules/users/ports.ts';

/** Sends mail through the SMTP server named by SMTP_URL (smtp://user:pass@host:587). */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}
