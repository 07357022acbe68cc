#!/usr/bin/env node
'use strict';
const { runLint } = require('../out/server/src/cli/lint-command.js');
const { defaultIo, guarded } = require('../out/server/src/cli/main.js');
const io = defaultIo();
process.exitCode = guarded(() => runLint(process.argv.slice(2), io), io, 'imr-lint');
