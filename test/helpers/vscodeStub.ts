// Client code under unit test: VS Code is not here, so `vscode` is a stub. The stub's members
// are what the code under test calls; every other export the client library touches while
// loading is an empty class.
import Module from 'node:module';

/** Runs `load` (a `require` of client code) with `vscode` resolving to `stub`. */
export function requireWithVscode<T>(stub: Record<string, unknown>, load: () => T): T {
  const vscodeModule = new Proxy(stub as Record<string | symbol, unknown>, {
    get: (target, p) => (p in target ? target[p] : p === '__esModule' || typeof p === 'symbol' ? undefined : class {}),
  });
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? vscodeModule : original.call(this, request, ...rest);
  };
  try {
    return load();
  } finally {
    loader._load = original;
  }
}
