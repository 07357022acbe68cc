#!/usr/bin/env node
'use strict';
// Language server over stdio (--stdio) or node IPC (--node-ipc), for VS Code and any other LSP editor.
require('../out/server/src/lsp/main.js');
