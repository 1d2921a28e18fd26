import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Recalculate on load even when a file carries cached results (TOOLCHAIN: OOXMLRecalcMode 0 = always). */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Open workbooks in headless LibreOffice Calc, let it compute every formula, and save them as
 * .xlsx again: the returned paths hold LibreOffice's computed values. One process for all files.
 */
export function recalculate(files: string[]): string[] {
  const profile = mkdtempSync(join(tmpdir(), 'duban-lo-profile-'));
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  const out = mkdtempSync(join(tmpdir(), 'duban-lo-out-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', out, ...files], {
    stdio: 'pipe',
    timeout: 180_000,
  });
  return files.map((f) => join(out, basename(f)));
}
