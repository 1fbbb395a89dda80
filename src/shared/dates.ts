/**
 * Times are stored in UTC and shown in the publication's time zone, in the house style
 * "22 June 2023, 06:21". Intl does the time-zone arithmetic (including daylight saving).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Pages show the same few hundred times over and over; formatting one costs more than the lookup. */
const datelines = new Map<string, string>();

export function formatDateline(date: Date, timeZone: string): string {
  const key = `${timeZone}|${date.getTime()}`;
  let dateline = datelines.get(key);
  if (dateline === undefined) {
    const parts = Object.fromEntries(
      formatterFor(timeZone)
        .formatToParts(date)
        .map((p) => [p.type, p.value]),
    );
    dateline = `${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute}`;
    if (datelines.size >= 10_000) datelines.clear();
    datelines.set(key, dateline);
  }
  return dateline;
}

/** "5 min ago", "3 hours ago", else the dateline's date: for compact lists. */
export function formatRelative(date: Date, now: Date, timeZone: string): string {
  const minutes = Math.floor((now.getTime() - date.getTime()) / 60_000);
  if (minutes < 1) return 'Just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} ${hours === 1 ? 'hour' : 'hours'} ago`;
  return formatDateline(date, timeZone).replace(/, \d\d:\d\d$/, '');
}
