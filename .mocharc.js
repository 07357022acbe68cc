// Mocha's settings for `npm test`: every spec file under out/test, run in parallel worker processes,
// one per core and at least two (most specs spend their time waiting on child processes — language
// servers, imr-lint, pre-commit, pdftotext, Neovim — not on this one). A spec file owns its temporary
// folders; none writes into the checkout, so files never race each other.
// One spec file alone (a file named on the command line is added to `spec`, so leave this file out):
//   npx mocha --no-config --timeout 60000 out/test/<path>.test.js
'use strict';
const os = require('os');

module.exports = {
  spec: ['out/test/**/*.test.js'],
  timeout: 60000,
  reporter: 'spec',
  parallel: true,
  jobs: Math.max(2, os.availableParallelism()),
};
