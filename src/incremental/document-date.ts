/**
 * The timestamp a document carries. It never comes from the clock, so the same inputs give the same
 * bytes: SOURCE_DATE_EPOCH (the reproducible-builds convention) when set; else the newest commit of
 * the files the document is made from; else a fixed date, 2024-01-01 00:00 UTC.
 */
import { UserError } from '../core/errors.js';
/**
 * Project-relative path (forward slashes) → seconds since the epoch of its newest commit (the
 * author date: a rebase or a cherry-pick keeps it, so the documents do too).
 */
export type CommitDates = ReadonlyMap<string, number>;

export const FIXED_BUILD_DATE = new Date('2024-01-01T00:00:00Z');

/** Word's zip entries hold dates from 1980 to 2099 only. */
function usable(date: Date): boolean {
  const year = date.getUTCFullYear();
  return year >= 1980 && year <= 2099;
}

/**
 * SOURCE_DATE_EPOCH as a date, or undefined when unset. A value that is set but unusable is an
 * error: a build that quietly ignored it would not be the reproducible build that was asked for.
 */
export function sourceDateEpoch(raw: string | undefined, messages: { badSourceDateEpoch(value: string): string }): Date | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const date = /^\d+$/.test(raw.trim()) ? new Date(Number(raw.trim()) * 1000) : undefined;
  if (!date || !usable(date)) throw new UserError(messages.badSourceDateEpoch(raw));
  return date;
}

/** The date for a document made from `files` (project-relative paths). */
export function documentDate(files: readonly string[], epoch: Date | undefined, commits: CommitDates): Date {
  if (epoch) return epoch;
  const newest = Math.max(0, ...files.map((file) => commits.get(file) ?? 0));
  const date = new Date(newest * 1000);
  return newest > 0 && usable(date) ? date : FIXED_BUILD_DATE;
}
