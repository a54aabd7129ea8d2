// If the server dies, the client restarts it and tells the user once, without a loop of error
// pop-ups: RestartingErrorHandler (client/src/common.ts), the error handler both clients give
// vscode-languageclient. VS Code is not here, so `vscode` is a stub: the few window functions
// the handler calls record what the user would see; every other export the client library
// touches while loading is an empty class. Time is controlled through Date.now.
//
// That vscode-languageclient calls closed() when the server process exits and restarts it on
// CloseAction.Restart is the library's contract, exercised for real by the end-to-end suite
// (test/e2e, "restart"); the server's side — staying alive — is test/protocol/abuse*.test.ts.

import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { requireWithVscode } from '../helpers/vscodeStub';

const shown: { kind: 'info' | 'warning' | 'error'; message: string }[] = [];
const output: string[] = [];

const vscodeStub = {
  window: {
    showInformationMessage: (message: string) => (shown.push({ kind: 'info', message }), Promise.resolve(undefined)),
    showWarningMessage: (message: string) => (shown.push({ kind: 'warning', message }), Promise.resolve(undefined)),
    showErrorMessage: (message: string) => (shown.push({ kind: 'error', message }), Promise.resolve(undefined)),
  },
};
/* eslint-disable @typescript-eslint/no-require-imports */
const [{ RestartingErrorHandler }, { CloseAction, ErrorAction }] = requireWithVscode(vscodeStub, () => [
  require('../../client/src/common') as typeof import('../../client/src/common'),
  require('vscode-languageclient') as typeof import('vscode-languageclient'),
] as const);
/* eslint-enable @typescript-eslint/no-require-imports */

const channel = { appendLine: (s: string) => output.push(s) } as unknown as import('vscode').OutputChannel;

let clock = 1_800_000_000_000;
Date.now = () => clock;
const minutes = (m: number) => (clock += m * 60_000);

describe('RestartingErrorHandler: a crashed server is restarted, and the user is told once', () => {
  beforeEach(() => {
    shown.length = 0;
    output.length = 0;
  });

  test('the first crash: restart, one notification, one line in the output', () => {
    const h = new RestartingErrorHandler(channel);
    const r = h.closed();
    assert.deepEqual(r, { action: CloseAction.Restart, handled: true });
    assert.equal(shown.length, 1);
    assert.equal(shown[0].kind, 'info');
    assert.match(shown[0].message, /stopped unexpectedly and was restarted/);
    assert.equal(output.length, 1);
  });

  test('five crashes in three minutes: five restarts, still one notification', () => {
    const h = new RestartingErrorHandler(channel);
    for (let i = 0; i < 5; i++) {
      assert.deepEqual(h.closed(), { action: CloseAction.Restart, handled: true }, `crash ${i + 1}`);
      minutes(0.5);
    }
    assert.equal(shown.length, 1);
  });

  test('the sixth crash in three minutes: no restart, one error that says how to try again; no loop', () => {
    const h = new RestartingErrorHandler(channel);
    for (let i = 0; i < 5; i++) h.closed();
    const r = h.closed();
    assert.deepEqual(r, { action: CloseAction.DoNotRestart, handled: true });
    assert.deepEqual(
      shown.map((s) => s.kind),
      ['info', 'error'],
    );
    assert.match(shown[1].message, /Restart Language Server/);
  });

  test('crashes spread over hours are restarted every time, silently after the first', () => {
    const h = new RestartingErrorHandler(channel);
    for (let i = 0; i < 20; i++) {
      assert.equal(h.closed().action, CloseAction.Restart, `crash ${i + 1}`);
      minutes(1);
    }
    assert.deepEqual(
      shown.map((s) => s.kind),
      ['info'],
    );
  });

  test('a crash loop (a crash every second) ends at the sixth crash, with one error message', () => {
    const h = new RestartingErrorHandler(channel);
    const actions: number[] = [];
    for (let i = 0; i < 6; i++) {
      actions.push(h.closed().action);
      minutes(1 / 60);
    }
    assert.deepEqual(actions, [1, 1, 1, 1, 1, 1].map((_, i) => (i < 5 ? CloseAction.Restart : CloseAction.DoNotRestart)));
    assert.equal(shown.filter((s) => s.kind === 'error').length, 1);
  });

  test('reset() forgets the crashes', () => {
    const h = new RestartingErrorHandler(channel);
    for (let i = 0; i < 6; i++) h.closed();
    h.reset();
    assert.equal(h.closed().action, CloseAction.Restart);
  });

  test('errors on the connection: continue for the first three, then shut down; never a pop-up', () => {
    const h = new RestartingErrorHandler(channel);
    const actions = [1, 2, 3, 4, 5].map((count) => h.error(new Error('write EPIPE'), undefined, count));
    assert.deepEqual(
      actions.map((a) => a.action),
      [ErrorAction.Continue, ErrorAction.Continue, ErrorAction.Continue, ErrorAction.Shutdown, ErrorAction.Shutdown],
    );
    assert.ok(actions.every((a) => a.handled === true), 'handled: the library shows nothing itself');
    assert.equal(h.error(new Error('x'), undefined, undefined).action, ErrorAction.Continue, 'no count: the first error');
    assert.equal(shown.length, 0);
  });
});
