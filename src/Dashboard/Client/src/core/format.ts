import { signal } from "@preact/signals";
import { t } from "./i18n";

/** The current time, ticking once a second, for clocks and ages. */
export const now = signal(Date.now());
setInterval(() => (now.value = Date.now()), 1000);

const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(at: string | number | Date, timeZone: string | undefined): Record<string, string> {
  const key = timeZone ?? "";
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone: timeZone || undefined,
      year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
    });
    formatters.set(key, formatter);
  }
  const result: Record<string, string> = {};
  for (const part of formatter.formatToParts(new Date(at))) result[part.type] = part.value;
  return result;
}

/** `2026-11-27 18:05` in the site's time zone, 24-hour clock. */
export function dateTime(at: string | number | Date, timeZone?: string): string {
  const p = parts(at, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** `18:05:32` in the site's time zone. */
export function clock(at: string | number | Date, timeZone?: string): string {
  const p = parts(at, timeZone);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** `18:05` today, or the date and time for another day, in the site's time zone. */
export function shortTime(at: string | number | Date, timeZone?: string): string {
  const p = parts(at, timeZone);
  const today = parts(now.value, timeZone);
  const hm = `${p.hour}:${p.minute}`;
  return p.year === today.year && p.month === today.month && p.day === today.day ? hm : `${p.month}-${p.day} ${hm}`;
}

/** The wall-clock value of a `datetime-local` input, read in the site's time zone, as an instant. */
export function fromSiteLocal(local: string, timeZone?: string): Date {
  // Interpret as UTC first, then correct by the zone's offset at that moment (twice, for DST edges).
  const asUtc = Date.parse(`${local}:00Z`);
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const p = parts(guess, timeZone);
    const shown = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
    guess = asUtc - (shown - guess);
  }
  return new Date(guess);
}

/** A `datetime-local` value for an instant, in the site's time zone. */
export function toSiteLocal(at: number | Date, timeZone?: string): string {
  const p = parts(at, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** How long ago: "just now", "3 min ago", "2 h ago". */
export function age(at: string, current: number = now.value): string {
  const seconds = Math.max(0, (current - Date.parse(at)) / 1000);
  if (seconds < 60) return t("age.now");
  if (seconds < 3600) return t("age.min", { n: Math.floor(seconds / 60) });
  if (seconds < 86400) return t("age.hour", { n: Math.floor(seconds / 3600) });
  return t("age.day", { n: Math.floor(seconds / 86400) });
}

/** A duration such as "12 min" or "1 h 5 min". */
export function duration(seconds: number): string {
  const minutes = Math.max(0, Math.floor(seconds / 60));
  if (minutes < 60) return t("duration.min", { n: minutes });
  return t("duration.hour", { n: Math.floor(minutes / 60), m: minutes % 60 });
}

/** Money as gates display it: `¥5.00`. */
export function money(cents: number): string {
  return `¥${(cents / 100).toFixed(2)}`;
}
