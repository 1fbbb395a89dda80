import { formatDateline, formatRelative } from '../../shared/dates.ts';

/** "22 June 2023, 06:21" in the site's time zone, machine-readable in `datetime`. */
export function Dateline({ date, timeZone, prefix }: { date: Date; timeZone: string; prefix?: string }) {
  return (
    <time dateTime={date.toISOString()}>
      {prefix}
      {formatDateline(date, timeZone)}
    </time>
  );
}

export function RelativeTime({ date, now, timeZone }: { date: Date; now: Date; timeZone: string }) {
  return (
    <time dateTime={date.toISOString()} title={formatDateline(date, timeZone)}>
      {formatRelative(date, now, timeZone)}
    </time>
  );
}
