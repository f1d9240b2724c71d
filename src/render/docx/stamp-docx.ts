import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * Makes a .docx from docx's Packer byte-for-byte reproducible.
 *
 * Why: docx stamps `new Date()` (with milliseconds) into docProps/core.xml and fflate stamps `Date.now()` into every
 * zip entry's DOS time; docx exposes neither. Everything else it writes (numbering ids, rIds) is stable, so fixing
 * these two is enough for two renders of the same Layout and date to be identical, in any process and time zone.
 */
export function stampDocx(docx: Uint8Array, createdAt: Date): Uint8Array {
  const iso = isoSeconds(createdAt);
  const files = unzipSync(docx);
  const core = files['docProps/core.xml'];
  if (core === undefined) throw new Error('stampDocx: the package has no docProps/core.xml');
  files['docProps/core.xml'] = strToU8(
    strFromU8(core)
      .replace(/(<dcterms:created\b[^>]*>)[^<]*/, `$1${iso}`)
      .replace(/(<dcterms:modified\b[^>]*>)[^<]*/, `$1${iso}`),
  );
  // docx numbers bookmarks from a counter global to the process: the second document rendered in
  // a process would get other ids. Renumbered in order of appearance, they depend on the document alone.
  const body = files['word/document.xml'];
  if (body !== undefined) files['word/document.xml'] = strToU8(renumberBookmarks(strFromU8(body)));
  // fflate turns `mtime` into a DOS time with the *local* getters (getFullYear, getHours, …). A Date whose local
  // fields are the UTC date of createdAt at noon writes that same date in every time zone. Noon, not the hour of
  // createdAt: at a daylight-saving jump some local hours do not exist (02:30 in Los Angeles on 10 March 2024)
  // and would shift, but clocks never jump at midday. The exact time is in core.xml; the zip only needs the day.
  const d = createdAt;
  const localWallTime = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12, 0, 0);
  // unzipSync keeps the entries in archive order ([Content_Types].xml first) and zipSync writes them in key order.
  return zipSync(files, { mtime: localWallTime, level: 6 });
}

export function renumberBookmarks(xml: string): string {
  const ids = new Map<string, number>();
  return xml.replace(/(<w:bookmark(?:Start|End)\b[^>]*?\sw:id=")(\d+)(")/g, (_match, before: string, id: string, after: string) => {
    let next = ids.get(id);
    if (next === undefined) {
      next = ids.size;
      ids.set(id, next);
    }
    return `${before}${next}${after}`;
  });
}

/** `YYYY-MM-DDTHH:MM:SSZ`, the W3CDTF form Word itself writes into core.xml. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** DOS times in a zip hold the years 1980–2099 only (fflate refuses the rest), and in steps of 2 seconds. */
export function checkStampDate(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RangeError('renderDocx: createdAt is not a valid date');
  const year = date.getUTCFullYear();
  if (year < 1980 || year > 2099) {
    throw new RangeError(`renderDocx: createdAt must lie between 1980 and 2099 (a zip limit), got ${date.toISOString()}`);
  }
}
