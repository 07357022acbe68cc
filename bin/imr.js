#!/usr/bin/env node
'use strict';
const { defaultIo, runImrAsync } = require('../out/server/src/cli/main.js');
const io = defaultIo();
runImrAsync(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
