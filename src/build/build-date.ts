/**
 * The timestamp a document carries. It never comes from the clock, so the same inputs give the same
 * bytes: SOURCE_DATE_EPOCH (the reproducible-builds convention) when set; else the newest commit of
 * the files the document is made from; else a fixed date, 2024-01-01 00:00 UTC.
 */
import type { CommitDates } from '../project/git-dates.js';

export const FIXED_BUILD_DATE = new Date('2024-01-01T00:00:00Z');

/** Word's zip entries hold dates from 1980 to 2099 only. */
function usable(date: Date): boolean {
  const year = date.getUTCFullYear();
  return year >= 1980 && year <= 2099;
}

export function sourceDateEpoch(env: NodeJS.ProcessEnv): Date | undefined {
  const epoch = env['SOURCE_DATE_EPOCH']?.trim();
  if (epoch === undefined || !/^\d+$/.test(epoch)) return undefined;
  const date = new Date(Number(epoch) * 1000);
  return usable(date) ? date : undefined;
}

/** The date for a document made from `files` (project-relative paths). */
export function documentDate(files: readonly string[], env: NodeJS.ProcessEnv, commits: CommitDates): Date {
  const fromEnv = sourceDateEpoch(env);
  if (fromEnv) return fromEnv;
  const newest = Math.max(0, ...files.map((file) => commits.get(file) ?? 0));
  const date = new Date(newest * 1000);
  return newest > 0 && usable(date) ? date : FIXED_BUILD_DATE;
}
