#!/usr/bin/env node
'use strict';
const { defaultIo, guarded, runImr } = require('../out/server/src/cli/main.js');
const io = defaultIo();
const code = guarded(() => runImr(process.argv.slice(2), io), io, 'imr');
if (typeof code === 'number') process.exitCode = code;
else code.then((c) => (process.exitCode = c));
