// Every suite of the end-to-end tests, in the order they run: shared by the web entry
// (index.ts, VS Code for the Web through vscode-real) and the desktop entry (desktop.ts,
// @vscode/test-electron).

import { registerCommandTests } from './commands.e2e';
import { registerDiagnosticsTests } from './diagnostics.e2e';
import { registerExtensionTests } from './extension.e2e';
import { registerFeatureTests } from './features.e2e';
import { registerOutlineTests } from './outline.e2e';
import { registerWorkspaceTests } from './workspace.e2e';

export function registerAllTests(): void {
  registerExtensionTests();
  registerOutlineTests();
  registerWorkspaceTests();
  registerDiagnosticsTests();
  registerFeatureTests();
  registerCommandTests();
}
