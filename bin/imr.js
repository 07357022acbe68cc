#!/usr/bin/env node
'use strict';
const { defaultIo, runImrAsync } = require('./load-cli.js')();
const io = defaultIo();
runImrAsync(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
