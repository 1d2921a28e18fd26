#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npm ci` is the only set-up step.
require('tsx/cjs');
require('../src/cli/bin.ts');
