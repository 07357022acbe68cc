#!/usr/bin/env node
'use strict';
const { runLint, defaultIo, guarded } = require('./load-cli.js')();
const io = defaultIo();
process.exitCode = guarded(() => runLint(process.argv.slice(2), io), io, 'imr-lint');
