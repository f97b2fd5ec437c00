import { currentLanguage } from './i18n/i18n';

export function formatDateTime(iso: string | null | undefined, language = currentLanguage()): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(iso: string | null | undefined, language = currentLanguage()): string {
  if (!iso) return '—';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

/** IANA time zones the browser knows, for time-zone pickers. */
export function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  return zones.length > 0
    ? zones
    : ['UTC', 'Europe/Chisinau', 'Europe/Kyiv', 'Europe/Prague', 'Europe/Warsaw'];
}

export function withCurrent(options: string[], current: string | null | undefined): string[] {
  return current && !options.includes(current) ? [current, ...options] : options;
}

/** A time of day with seconds, for timelines of events a few seconds apart. */
export function formatTime(iso: string | null | undefined, language = currentLanguage()): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(
    date,
  );
}

/** Seconds as m:ss (`0:07`, `12:30`, `75:00`); nothing known is a dash. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
