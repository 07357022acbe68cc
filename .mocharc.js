// Mocha's settings for `npm test`: every spec file under out/test, run in parallel worker processes,
// one more than there are cores (most specs spend part of their time waiting on child processes —
// language servers, imr-lint, pre-commit, pdftotext, Neovim; on 2 cores, 3 jobs took 70 s where 2 took
// 80 s and 4 took 84 s). A spec file owns its temporary folders; none writes into the checkout, so
// files never race each other.
// One spec file alone (a file named on the command line is added to `spec`, so leave this file out):
//   npx mocha --no-config --timeout 60000 out/test/<path>.test.js
'use strict';
const os = require('os');

module.exports = {
  spec: ['out/test/**/*.test.js'],
  timeout: 60000,
  reporter: 'spec',
  parallel: true,
  jobs: os.availableParallelism() + 1,
};
