#!/usr/bin/env bash
# The newcomer's first five minutes, checked: under a fresh Xvfb display, run the README's first
# command (./gan-workbench) with GAN_WORKBENCH_AUTORUN=1, which starts the demo run through the real
# launch shortcut once the workbench is up; wait until the run has written a sample grid and the
# Samples view has had time to show it; save a screenshot of the workbench window.
#   releng/demo-screenshot.sh [OUT.png]      (default docs/images/demo-training.png)
# Uses a throwaway demo workspace (target/demo-screenshot/workspace) so that yours is left alone.
# Then checks the second start: a user's edit to the demo model survives, nothing is rebuilt, and
# the workbench is up within a minute.
# Needs: xvfb, x11-utils (xwininfo), imagemagick (import). Prints the times it measured.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$top/releng/common.sh"
out="${1:-$top/docs/images/demo-training.png}"
work="$top/target/demo-screenshot"
rm -rf "$work"; mkdir -p "$work" "$(dirname "$out")"
export GAN_WORKBENCH_DEMO_WORKSPACE="$work/workspace" GAN_WORKBENCH_AUTORUN=1
display=":$((300 + RANDOM % 100))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp > /dev/null 2>&1 &
xvfb_pid=$!
start=$SECONDS
setsid env DISPLAY="$display" "$top/gan-workbench" > "$work/ide.log" 2>&1 &
ide_pid=$!
cleanup() { kill -- -"$ide_pid" 2>/dev/null || true; sleep 1; kill "$xvfb_pid" 2>/dev/null || true; }
trap cleanup EXIT

window=$(wait_for_workbench_window "$display" 600 "$ide_pid") \
  || { echo "demo-screenshot: no workbench window (or the IDE exited); see $work/ide.log" >&2; exit 1; }
echo "demo-screenshot: workbench window after $((SECONDS - start)) s (includes a build when needed)"

up=$SECONDS
sample=""
for _ in $(seq 1 300); do
  sample=$(ls "$work"/workspace/gan-demo/runs/*/samples/*.png 2>/dev/null | head -1) || true
  [ -n "$sample" ] && break
  sleep 1
done
[ -n "$sample" ] || { echo "demo-screenshot: no sample grid within 5 minutes; see $work/ide.log" >&2; exit 1; }
echo "demo-screenshot: first sample grid $((SECONDS - up)) s after the workbench was up"
sleep "${DEMO_SCREENSHOT_TRAIN_SECONDS:-45}"   # let it train a little and the views repaint
DISPLAY="$display" import -window "$window" "$out"
echo "demo-screenshot: $out"

# --- The second start: stop the IDE, edit the model as a user would, start again.
kill -- -"$ide_pid" 2>/dev/null || true
wait "$ide_pid" 2>/dev/null || true
model="$work/workspace/gan-demo/dcgan.gan"
echo "# a user's edit" >> "$model"
build_log_before=$(stat -c %Y "$BUILD_LOG" 2>/dev/null || echo none)
again=$SECONDS
unset GAN_WORKBENCH_AUTORUN
setsid env DISPLAY="$display" "$top/gan-workbench" > "$work/ide-second.log" 2>&1 &
ide_pid=$!
window=$(wait_for_workbench_window "$display" 120 "$ide_pid") \
  || { echo "demo-screenshot: no workbench window on the second start; see $work/ide-second.log" >&2; exit 1; }
seconds=$((SECONDS - again))
grep -q "^# a user's edit" "$model" || { echo "demo-screenshot: the user's edit was lost" >&2; exit 1; }
[ "$(stat -c %Y "$BUILD_LOG" 2>/dev/null || echo none)" = "$build_log_before" ] \
  || { echo "demo-screenshot: the second start rebuilt" >&2; exit 1; }
echo "demo-screenshot: second start reached the workbench in $seconds s, no rebuild, the user's edit kept"
[ "$seconds" -lt 60 ] || { echo "demo-screenshot: the second start took over a minute" >&2; exit 1; }
