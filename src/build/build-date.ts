/**
 * The one timestamp a build writes into its documents. It never comes from the clock, so the same
 * inputs give the same bytes: SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) when
 * set, else a fixed date.
 */
export const FIXED_BUILD_DATE = new Date('2024-01-01T00:00:00Z');

export function buildDate(env: NodeJS.ProcessEnv): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) {
    const date = new Date(Number(epoch.trim()) * 1000);
    // Word's zip entries cannot hold dates before 1980 or after 2099.
    if (date.getUTCFullYear() >= 1980 && date.getUTCFullYear() <= 2099) return date;
  }
  return FIXED_BUILD_DATE;
}
