/**
 * Process entry of the IMR language server (bin/imr-language-server.js). The transport comes from
 * the command line: --stdio or --node-ipc (--socket=<port> also works; vscode-languageserver reads it).
 */
import { startServer } from './server';
import { createServerConnection } from './transport';

const TRANSPORTS = ['--stdio', '--node-ipc'];

if (!process.argv.some((a) => TRANSPORTS.includes(a) || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
  process.stderr.write('Usage: imr-language-server --stdio | --node-ipc\n\nThe IMR letter language server speaks the Language Server Protocol; an editor starts it.\n');
  process.exit(2);
}

// Never die on one bad document or a notification sent after the client went away; the message goes
// to the client's log (stderr). Engine errors carry no letter text.
process.on('uncaughtException', (e) => {
  process.stderr.write(`imr-language-server: uncaught ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
});
process.on('unhandledRejection', (e) => {
  process.stderr.write(`imr-language-server: unhandled rejection ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
});

startServer(createServerConnection(process.argv));
