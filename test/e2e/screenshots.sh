#!/usr/bin/env bash
# The README's screenshots, taken in a real VS Code (OSS, web) workbench with vscode-real's UI
# mode (the tool at $VSCODE_REAL), headless and offline:
#   bash test/e2e/screenshots.sh            (after npm run build)
# Writes docs/images/{workbench,outline,hover,speakers,problems,quickfix}.png; the raw runs
# (results.json, console.log, every screenshot) stay in out/screenshots/<run>/.
#
# How the tool is driven, and why:
# - Each --exec runs once, in a probe extension, right after start-up; each --command runs from
#   the command palette after a click at the top-left of the editor, which puts the cursor on
#   line 1, column 1. So the cursor cannot be placed for "Quick Fix..." (an --exec that moves it,
#   or runs editor.action.quickFix, races that click and the editor's first layout): the
#   quick-fix shot uses test/e2e/screenshots/night-market-draft.transcript, whose FIRST line has
#   a fixable slip (a space before the label's colon; a second one further down gives the menu
#   its "Fix all 2" entry).
# - The Explorer's Folders view cannot be hidden and takes most of the side bar, which leaves
#   the Outline and Speakers views a few rows: the layout --exec's move it to the (closed) panel
#   and hide the Timeline view, as a user can by dragging and from the view's context menu.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
VR="${VSCODE_REAL:-}"
OUT="out/screenshots"
IMAGES="docs/images"
if [ ! -f "$VR/run.sh" ]; then
  echo "screenshots: the vscode-real tool folder '$VR' does not exist (set VSCODE_REAL)" >&2
  exit 1
fi
if [ ! -f dist/web/client.js ]; then
  echo "screenshots: dist/web/client.js is missing: run npm run build first" >&2
  exit 1
fi
rm -rf "$OUT"
mkdir -p "$OUT" "$IMAGES"

LAYOUT=(
  --exec '["timeline.removeView"]'
  --exec '["vscode.moveViews",{"viewIds":["workbench.explorer.fileView"],"destinationId":"workbench.panel.markers"}]'
  --exec '["workbench.action.closePanel"]'
  # the editor has the focus: narrowing it widens the side bar, so that the Outline's and the
  # Speakers view's details are not cut off
  --exec '["workbench.action.decreaseViewWidth"]'
  --exec '["workbench.action.decreaseViewWidth"]'
  --exec '["workbench.action.decreaseViewWidth"]'
)

run() { # run <name> <workspace> <file> [options...]
  local name="$1" ws="$2" file="$3"
  shift 3
  echo "screenshots: $name ($ws/$file)"
  bash "$VR/run.sh" . "$ws" "$OUT/$name" --open "$file" --inspect none "$@" >"$OUT/$name.log" 2>&1 || {
    echo "screenshots: the '$name' run failed; see $OUT/$name.log" >&2
    tail -n 20 "$OUT/$name.log" >&2
    exit 1
  }
}

need() { # need <file>: the tool did not take a screenshot it was asked for
  [ -s "$1" ] || { echo "screenshots: $1 was not written" >&2; exit 1; }
}

# 1. A finished transcript: the Outline, a hover on a speaker's label (SALEH: on line 18), the
#    workbench with the Outline and the Speakers view, then "Go to Speaker..." over it.
run harbour examples harbour-strike.transcript --width 1600 --height 900 "${LAYOUT[@]}" --hover 18:3 \
  --command "Explorer: Focus on Speakers View" --command "Transcript: Go to Speaker..."
need "$OUT/harbour/outline.png"
need "$OUT/harbour/hover-18-3.png"
need "$OUT/harbour/command-1.png"
need "$OUT/harbour/command-2.png"
cp "$OUT/harbour/outline.png" "$IMAGES/outline.png"
cp "$OUT/harbour/hover-18-3.png" "$IMAGES/hover.png"
cp "$OUT/harbour/command-1.png" "$IMAGES/workbench.png"
cp "$OUT/harbour/command-2.png" "$IMAGES/speakers.png"

# 2. A draft with slips: the Problems panel.
run problems examples draft-with-slips.transcript --width 1600 --height 1000 --command "View: Focus Problems (Errors, Warnings, Infos)"
need "$OUT/problems/command-1.png"
cp "$OUT/problems/command-1.png" "$IMAGES/problems.png"

# 3. The quick-fix menu on line 1 (see above).
run quickfix test/e2e/screenshots night-market-draft.transcript --width 1600 --height 900 --command "Quick Fix..."
need "$OUT/quickfix/command-1.png"
cp "$OUT/quickfix/command-1.png" "$IMAGES/quickfix.png"

node -e '
const fs = require("fs");
for (const run of ["harbour", "problems", "quickfix"]) {
  const r = JSON.parse(fs.readFileSync(`out/screenshots/${run}/results.json`, "utf8"));
  const problems = [...(r.errors ?? []), ...(r.probe?.exec ?? []).filter((e) => e.result && e.result.error).map((e) => `${e.command}: ${e.result.error}`)];
  console.log(`screenshots: ${run}: entry ${r.entry}, ${r.probe?.documentSymbols?.length ?? "?"} symbols, ${r.probe?.diagnostics?.length ?? "?"} diagnostics${problems.length ? `; PROBLEMS: ${problems.join("; ")}` : ""}`);
}'
echo "screenshots: wrote $IMAGES/{workbench,outline,hover,speakers,problems,quickfix}.png"
