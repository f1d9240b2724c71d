/**
 * Old Word files (.doc) through LibreOffice: found on PATH or where its installers put it, run
 * headless with a profile of its own (so an open LibreOffice window neither blocks nor is
 * disturbed), in a temporary folder that is removed afterwards.
 */
import { execFile } from 'node:child_process';
import { access, constants, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** How long one conversion may take: a first start of LibreOffice on a busy machine takes a while. */
const CONVERT_TIMEOUT_MS = 180_000;

async function isExecutable(file: string): Promise<boolean> {
  return access(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK).then(
    () => true,
    () => false,
  );
}

function usualPlaces(): string[] {
  if (process.platform === 'win32') {
    const roots = [process.env['ProgramFiles'], process.env['ProgramFiles(x86)'], 'C:\\Program Files', 'C:\\Program Files (x86)'].filter((dir): dir is string => dir !== undefined);
    return roots.map((dir) => path.win32.join(dir, 'LibreOffice', 'program', 'soffice.exe'));
  }
  if (process.platform === 'darwin') return ['/Applications/LibreOffice.app/Contents/MacOS/soffice'];
  return ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice', '/snap/bin/libreoffice'];
}

/** The LibreOffice program: $ROLEDOC_SOFFICE, then soffice / libreoffice on PATH, then the usual install places. */
export async function findLibreOffice(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const given = env['ROLEDOC_SOFFICE'];
  if (given !== undefined && given !== '') return (await isExecutable(given)) ? given : undefined;
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (env['PATH'] ?? '').split(path.delimiter).filter((d) => d !== '')) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (await isExecutable(candidate)) return candidate;
    }
  }
  for (const candidate of usualPlaces()) if (await isExecutable(candidate)) return candidate;
  return undefined;
}

export class ConversionError extends Error {}

/**
 * The .docx LibreOffice makes of a Word 97–2003 file.
 * @throws ConversionError with LibreOffice's own words when it makes nothing.
 */
export async function convertToDocx(soffice: string, file: string): Promise<Uint8Array> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'roledoc-import-'));
  try {
    const profile = pathToFileURL(path.join(work, 'profile')).href;
    const outDir = path.join(work, 'out');
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        soffice,
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, file],
        { timeout: CONVERT_TIMEOUT_MS, windowsHide: true },
        (error, stdout, stderr) => (error ? reject(new ConversionError(`${error.message}\n${stderr}`.trim())) : resolve(`${stdout}${stderr}`)),
      );
    });
    const made = (await readdir(outDir).catch(() => [])).find((name) => name.toLowerCase().endsWith('.docx'));
    if (made === undefined) throw new ConversionError(output.trim());
    return new Uint8Array(await readFile(path.join(outDir, made)));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
