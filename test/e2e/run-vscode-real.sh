#!/usr/bin/env bash
# End-to-end suite in a real VS Code (OSS, web) workbench, headless and offline, with the
# vscode-real tool (../shared/tools/vscode-real, or $VSCODE_REAL).
#   bash test/e2e/run-vscode-real.sh          (npm run test:e2e builds first, then runs this)
# Builds dist/ and the suite bundle (node esbuild.mjs --e2e -> out/e2e/suite.js), then runs
# test/e2e/suite in the web extension host with test/e2e/workspace as the workspace folder and
# library-sundays.transcript open. Output (results.json, console.log) goes to out/e2e/.
# Exit: 0 when every test passed (or, with a "skipped" note, when vscode-real is not there);
# non-zero when the suite failed, did not finish or the workbench did not load.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
VR="${VSCODE_REAL:-../shared/tools/vscode-real}"
OUT="out/e2e"

if [ ! -d "$VR" ]; then
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

echo "e2e: running out/e2e/suite.js in VS Code for the Web ($VR)"
set +e
bash "$VR/run.sh" . test/e2e/workspace "$OUT" --open library-sundays.transcript \
  --tests "$OUT/suite.js" --tests-only "$@" 2>&1 | tee "$OUT/tests.log"
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
echo "e2e: PASSED ($summary)"
