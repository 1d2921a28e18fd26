#!/usr/bin/env node
// Offline manifest check: xmllint against the task-pane XSDs kept in ../shared (optional; the
// online `npm run validate` needs Microsoft's service). Exit 0 valid, 1 invalid, 3 schema absent.
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const schema = process.env.DUBAN_MANIFEST_XSD ?? join(root, '..', 'shared', 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');
const manifest = process.argv[2] ?? join(root, 'manifest.xml');

if (!existsSync(schema)) {
  console.error(`validate:offline: schema not found at ${schema} (set DUBAN_MANIFEST_XSD); skipped.`);
  process.exit(3);
}
try {
  execFileSync('xmllint', ['--noout', '--schema', schema, manifest], { stdio: 'inherit' });
} catch (e) {
  if (e.code === 'ENOENT') {
    console.error('validate:offline: xmllint is missing; install Debian package libxml2-utils.');
    process.exit(2);
  }
  process.exit(1);
}
