/**
 * The language server's connection, with one addition to vscode-languageserver's: over stdio, a stream
 * whose framing is broken ends the process, so that the client notices and restarts the server.
 *
 * vscode-jsonrpc's StreamMessageReader reports a header without a usable Content-Length (or a header
 * line without ":") and carries on; but it has consumed the header and not the body, so from then on
 * every body is read as a header and every message is lost: the server would stay alive and mute
 * forever. A body that is not valid JSON (a SyntaxError from the decoder) is consumed whole and does
 * not disturb the messages after it; that one is only reported. The reader's stream closing exits as
 * vscode-languageserver does for a stream it owns (0 after `shutdown`, else 1).
 */
import { Console } from 'console';
import { Connection, createConnection, Message, ProposedFeatures, RequestMessage, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';

/** Exit code after unreadable framing (the client restarts a server that exits unexpectedly). */
export const FRAMING_EXIT_CODE = 3;

export interface TransportHooks {
  /** Writes one line for the client's log; letter text never goes there. */
  log(line: string): void;
  exit(code: number): void;
}

const defaultHooks: TransportHooks = {
  log: (line) => process.stderr.write(`${line}\n`),
  exit: (code) => process.exit(code),
};

/** Whether a reader error leaves the stream unreadable (anything but one body that is not JSON). */
export function isFramingError(e: unknown): boolean {
  return !(e instanceof SyntaxError);
}

/**
 * A message reader over `input` that ends the process on broken framing (see above); `shutdown`
 * requests are noted for the exit code when the stream closes.
 */
export function guardedStdioReader(input: NodeJS.ReadableStream, hooks: TransportHooks = defaultHooks): StreamMessageReader {
  let shutdown = false;
  const reader = new (class extends StreamMessageReader {
    override listen(callback: (message: Message) => void) {
      return super.listen((message) => {
        if ((message as RequestMessage).method === 'shutdown') shutdown = true;
        callback(message);
      });
    }
  })(input);
  reader.onError((e) => {
    if (!isFramingError(e)) {
      hooks.log('imr-language-server: a message that is not JSON was ignored');
      return;
    }
    // the reader's error quotes the headers it could not read: not logged (they may hold letter text)
    hooks.log('imr-language-server: the messages from the client cannot be framed (no valid Content-Length header); exiting so that the client restarts the server');
    hooks.exit(FRAMING_EXIT_CODE);
  });
  reader.onClose(() => hooks.exit(shutdown ? 0 : 1));
  return reader;
}

/**
 * The connection for the transport named on the command line: --stdio through the guarded reader
 * (standard output is then the protocol's alone: `console` writes to standard error, which clients
 * show in the server's log — vscode-languageserver does the like only for streams it opens itself);
 * --node-ipc, --socket and --pipe as vscode-languageserver makes them.
 */
export function createServerConnection(argv: readonly string[]): Connection {
  if (!argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  Object.defineProperty(globalThis, 'console', { value: new Console({ stdout: process.stderr, stderr: process.stderr }), writable: true, configurable: true });
  return createConnection(ProposedFeatures.all, guardedStdioReader(process.stdin), new StreamMessageWriter(process.stdout));
}
