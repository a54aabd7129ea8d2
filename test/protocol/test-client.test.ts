// The test client itself: a server killed in the middle of writing a message must not keep a
// test file alive (vscode-jsonrpc's partial-message timer re-arms itself for ever otherwise).
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { setImmediate as tick } from 'node:timers/promises';
import { test } from 'node:test';
import { StreamMessageReader } from 'vscode-languageserver-protocol/node';
import { messageReader } from '../helpers/lspClient';

const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

test('a message left half written arms no timer in the test client (vscode-jsonrpc’s own reader does)', async () => {
  const halfWritten = 'Content-Length: 100\r\n\r\n{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics"';

  const plainStream = new PassThrough();
  const plain = new StreamMessageReader(plainStream);
  plain.listen(() => {});
  const before = timeouts();
  plainStream.write(halfWritten);
  await tick();
  assert.equal(timeouts(), before + 1, 'the library arms its partial-message timer (the control)');
  plain.dispose();
  assert.equal(timeouts(), before + 1, 'and disposing the reader leaves it armed');
  plainStream.end(); // the timer still fires and re-arms: let this file end anyway
  (plain as unknown as { clearPartialMessageTimer(): void }).clearPartialMessageTimer();

  const stream = new PassThrough();
  const reader = messageReader(stream);
  reader.listen(() => {});
  const start = timeouts();
  stream.write(halfWritten);
  await tick();
  assert.equal(timeouts(), start, 'no timer for the half-written message');
  reader.dispose();
  stream.end();
});
