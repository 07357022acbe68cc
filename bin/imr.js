#!/usr/bin/env node
'use strict';
const { defaultIo, guarded, runImr } = require('./load-cli.js')();
const io = defaultIo();
process.exitCode = guarded(() => runImr(process.argv.slice(2), io), io, 'imr');
