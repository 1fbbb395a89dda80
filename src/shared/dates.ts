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

/**
 * Pages show the same few hundred times over and over; formatting one costs more than the lookup. One
 * map per time zone, keyed by the instant in milliseconds (no key string to build per lookup).
 */
const datelines = new Map<string, Map<number, string>>();
const maxDatelinesPerZone = 10_000;

export function formatDateline(date: Date, timeZone: string): string {
  let zone = datelines.get(timeZone);
  if (!zone) {
    zone = new Map();
    datelines.set(timeZone, zone);
  }
  const instant = date.getTime();
  let dateline = zone.get(instant);
  if (dateline === undefined) {
    const parts = Object.fromEntries(
      formatterFor(timeZone)
        .formatToParts(date)
        .map((p) => [p.type, p.value]),
    );
    dateline = `${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute}`;
    if (zone.size >= maxDatelinesPerZone) zone.clear();
    zone.set(instant, dateline);
  }
  return dateline;
}

/** The dateline's date alone: "22 June 2023". */
export function formatDate(date: Date, timeZone: string): string {
  const dateline = formatDateline(date, timeZone);
  return dateline.slice(0, dateline.lastIndexOf(', '));
}

/**
 * Today's date for the masthead. Every request has its own `now`, so it is looked up by the minute:
 * every time zone's offset today is a whole number of minutes, so the date cannot change within one.
 */
export function formatToday(now: Date, timeZone: string): string {
  return formatDate(new Date(now.getTime() - (now.getTime() % 60_000)), timeZone);
}

/** "5 min ago", "3 hours ago", else the dateline's date: for compact lists. */
export function formatRelative(date: Date, now: Date, timeZone: string): string {
  const minutes = Math.floor((now.getTime() - date.getTime()) / 60_000);
  if (minutes < 1) return 'Just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} ${hours === 1 ? 'hour' : 'hours'} ago`;
  return formatDate(date, timeZone);
}
