#!/usr/bin/env node
// `pretest`: the tests use real programs (LibreOffice for formulas, Chromium for the task pane,
// xmllint for the manifest). Install them with apt when missing and we may (root or sudo);
// otherwise stop with the exact command to run.
const { execSync, spawnSync } = require('node:child_process');

const NEEDS = [
  { bin: 'xmllint', pkgs: ['libxml2-utils'] },
  { bin: 'chromium', pkgs: ['chromium', 'fonts-noto-cjk'] },
  { bin: 'soffice', pkgs: ['libreoffice-calc-nogui'] },
  // The 通报 test prints the .docx to PDF: LibreOffice Writer (no command of its own), and poppler to read the PDF.
  { bin: 'soffice', pkgs: ['libreoffice-writer-nogui'], file: '/usr/lib/libreoffice/program/libswlo.so' },
  { bin: 'pdftotext', pkgs: ['poppler-utils'] },
  // The monthly-cycle test fills unit files in LibreOffice through its Python bridge (the system python3).
  { bin: 'python3-uno', check: "/usr/bin/python3 -c 'import uno'", pkgs: ['python3-uno'] },
];

const ok = (cmd) => spawnSync('sh', ['-c', cmd], { stdio: 'ignore' }).status === 0;
const has = (need) => ok(need.check ?? `command -v ${need.bin}`) && (need.file === undefined || require('node:fs').existsSync(need.file));
const missing = NEEDS.filter((n) => !has(n));
if (missing.length === 0) process.exit(0);

const pkgs = [...new Set(missing.flatMap((n) => n.pkgs))];
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = !isRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? 'sudo ' : '';
if (!isRoot && !sudo) {
  console.error(`Tests need: ${missing.map((m) => m.bin).join(', ')}. Install them with:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${pkgs.join(' ')}`);
  process.exit(1);
}
console.error(`Installing ${pkgs.join(' ')} with apt (missing: ${missing.map((m) => m.bin).join(', ')})…`);
try {
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit' });
  execSync(`${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${pkgs.join(' ')}`, { stdio: 'inherit' });
} catch {
  console.error(`apt-get failed. Install by hand: apt-get install -y --no-install-recommends ${pkgs.join(' ')}`);
  process.exit(1);
}
const still = NEEDS.filter((n) => !has(n));
if (still.length > 0) {
  console.error(`Still missing after install: ${still.map((m) => m.bin).join(', ')}`);
  process.exit(1);
}
