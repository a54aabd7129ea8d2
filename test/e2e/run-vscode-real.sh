#!/usr/bin/env bash
# End-to-end suite in a real VS Code (OSS, web) workbench, headless and offline, with the
# vscode-real tool at $VSCODE_REAL (npm run test:e2e points it at the team's shared copy).
#   bash test/e2e/run-vscode-real.sh          (npm run test:e2e builds first, then runs this)
# Builds dist/ and the suite bundle (node esbuild.mjs --e2e -> out/e2e/suite.js), then runs, in
# one vscode-real run with test/e2e/workspace as the workspace folder:
#   1. the UI phase on library-sundays.transcript: "Developer: Inspect Editor Tokens and Scopes"
#      at the positions test/e2e/check-scopes.mjs lists (TextMate scopes and semantic tokens,
#      which the extension API cannot show), checked by check-scopes.mjs afterwards;
#   2. test/e2e/suite in the web extension host of a fresh workbench load.
# E2E_TESTS_ONLY=1 (or --tests-only among the arguments) skips the UI phase and the scope check.
# Output (results.json, console.log, screenshots, scopes.txt) goes to out/e2e/.
# Exit: 0 when every test passed and every scope is as expected (or, with a "skipped" note, when
# vscode-real is not there); non-zero when the suite or the scope check failed, the suite did not
# finish or the workbench did not load.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
VR="${VSCODE_REAL:-}"
OUT="out/e2e"

if [ -z "$VR" ] || [ ! -d "$VR" ]; then
  echo "e2e: SKIPPED: the vscode-real tool folder '$VR' does not exist (set VSCODE_REAL to its path to run the end-to-end suite)."
  exit 0
fi
if [ ! -x "$VR/run.sh" ] && [ ! -f "$VR/run.sh" ]; then
  echo "e2e: FAILED: '$VR' exists but has no run.sh" >&2
  exit 1
fi

echo "e2e: building (node esbuild.mjs --e2e)"
node esbuild.mjs --e2e
mkdir -p "$OUT"
rm -f "$OUT/results.json" "$OUT/console.log" "$OUT/tests.log"

tests_only="${E2E_TESTS_ONLY:-0}"
for a in "$@"; do [ "$a" = "--tests-only" ] && tests_only=1; done
if [ "$tests_only" = 1 ]; then
  phase_args=(--tests-only)
else
  # A wide viewport: no wrapped lines, so the tool's arrow-key cursor moves reach each position.
  phase_args=(--width 2600 --height 800 --inspect "$(node test/e2e/check-scopes.mjs --positions)")
fi

echo "e2e: running out/e2e/suite.js in VS Code for the Web ($VR)"
set +e
bash "$VR/run.sh" . test/e2e/workspace "$OUT" --open library-sundays.transcript \
  --tests "$OUT/suite.js" "${phase_args[@]}" "$@" 2>&1 | tee "$OUT/tests.log"
status=${PIPESTATUS[0]}
set -e

# The suite's last line is `N passed, N failed`; require it, with no failures, besides exit 0.
summary="$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$OUT/tests.log" | tail -n 1 || true)"
if [ "$status" -ne 0 ]; then
  echo "e2e: FAILED (vscode-real exit $status${summary:+; $summary}); see $OUT/tests.log and $OUT/console.log" >&2
  exit "$status"
fi
if [ -z "$summary" ]; then
  echo "e2e: FAILED: the suite printed no 'N passed, N failed' summary; see $OUT/tests.log and $OUT/console.log" >&2
  exit 1
fi
case "$summary" in
  "0 passed, "*|*", "[1-9]*" failed") echo "e2e: FAILED ($summary)" >&2; exit 1 ;;
esac
if [ "$tests_only" = 1 ]; then
  echo "e2e: PASSED ($summary; TextMate scope check skipped: tests only)"
  exit 0
fi
if ! node test/e2e/check-scopes.mjs "$OUT/results.json"; then
  echo "e2e: FAILED (tests: $summary; the TextMate scope check failed, see $OUT/scopes.txt)" >&2
  exit 1
fi
echo "e2e: PASSED ($summary; TextMate scopes as expected)"
