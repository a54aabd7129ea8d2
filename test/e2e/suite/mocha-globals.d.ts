// The few mocha globals the end-to-end suite uses (mocha's browser build defines them on
// `globalThis` once `mocha.setup({ ui: 'tdd' })` has run). @types/mocha is not installed, and
// these declarations keep `tsc -p . --noEmit` clean without it.

type E2EDone = (err?: unknown) => void;
type E2EFn = (() => unknown) | ((done: E2EDone) => void);

declare function suite(title: string, fn: () => void): void;
declare function test(title: string, fn: E2EFn): void;
declare function suiteSetup(fn: E2EFn): void;
declare function suiteTeardown(fn: E2EFn): void;
declare function setup(fn: E2EFn): void;
declare function teardown(fn: E2EFn): void;

interface E2EMochaRunner {
  stats?: { passes: number; failures: number; pending: number; tests: number };
}

declare const mocha: {
  setup(options: { ui: 'tdd'; reporter: undefined; timeout?: number; color?: boolean }): void;
  run(done: (failures: number) => void): E2EMochaRunner;
};
