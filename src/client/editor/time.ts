/**
 * Times between the API (ISO, UTC) and people. The newsroom works in the site's time zone (the server
 * sends it, e.g. Europe/London); without one, the browser's own zone is used. `datetime-local` inputs hold
 * wall-clock time in that zone.
 */

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall-clock time a zone shows at an instant. */
function wallTime(date: Date, timeZone?: string): Wall {
  if (!timeZone) {
    return {
      year: date.getFullYear(),
      month: date.getMonth() + 1,
      day: date.getDate(),
      hour: date.getHours(),
      minute: date.getMinutes(),
    };
  }
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
  };
}

/** ISO → "2025-06-22T06:21" in the zone; empty when there is no time. */
export function isoToLocalInput(iso: string | null, timeZone?: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const w = wallTime(date, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** "2025-06-22T06:21" read as wall-clock time in the zone → ISO (UTC); null when empty or not a time. */
export function localInputToIso(value: string, timeZone?: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  if (!timeZone) {
    const date = new Date(y, mo - 1, d, h, mi);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }
  // Guess UTC, see what the zone shows then, and correct by the difference; twice covers DST edges.
  const wanted = Date.UTC(y, mo - 1, d, h, mi);
  let guess = wanted;
  for (let i = 0; i < 2; i += 1) {
    const w = wallTime(new Date(guess), timeZone);
    guess += wanted - Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  }
  return new Date(guess).toISOString();
}

/** "14:02" for today, "22 Jun, 14:02" otherwise: what the save status and revision list show. */
export function shortTime(iso: string, timeZone?: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const w = wallTime(date, timeZone);
  const today = wallTime(now, timeZone);
  const time = `${pad(w.hour)}:${pad(w.minute)}`;
  if (w.year === today.year && w.month === today.month && w.day === today.day) return time;
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone });
  return `${day}${w.year === today.year ? '' : ` ${w.year}`}, ${time}`;
}

/** "22 June 2025, 14:02": how the site writes times, for publishing dates. */
export function longTime(iso: string | null, timeZone?: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const w = wallTime(date, timeZone);
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone });
  return `${day}, ${pad(w.hour)}:${pad(w.minute)}`;
}

/** The zone's name, shown next to time inputs so nobody has to guess. */
export function zoneName(timeZone?: string): string {
  return timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';
}
