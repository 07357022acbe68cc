#!/usr/bin/env node
'use strict';
const { runLint, defaultIo, guarded } = require('./load-cli.js')();
const io = defaultIo();
// a number, or a promise of it when the letters are linted on worker threads
const status = guarded(() => runLint(process.argv.slice(2), io), io, 'imr-lint');
if (typeof status === 'number') process.exitCode = status;
else status.then((code) => (process.exitCode = code));
