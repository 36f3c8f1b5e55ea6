#!/usr/bin/env bash
# Starts the GAN Workbench IDE with ./gan-workbench under a fresh Xvfb display and saves a
# screenshot of the screen once the workbench window is up.
#   releng/screenshot.sh [OUT.png] [WORKSPACE]     (default: docs/images/workbench.png, a temp workspace)
# Needs: xvfb, x11-utils (xwininfo), imagemagick (import). Exit 0 when the screenshot was taken.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$top/releng/common.sh"
out="${1:-$top/docs/images/workbench.png}"
workspace="${2:-$(mktemp -d)}"
mkdir -p "$(dirname "$out")"
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp > /dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $ide_pid $xvfb_pid 2>/dev/null || true' EXIT
sleep 1
DISPLAY="$display" "$top/gan-workbench" "$workspace" > "$top/target/screenshot-ide.log" 2>&1 &
ide_pid=$!
echo "screenshot: waiting for the workbench window on $display"
wait_for_workbench_window "$display" 240 "$ide_pid" > /dev/null \
  || { echo "screenshot: no workbench window (or the IDE exited); see target/screenshot-ide.log" >&2; exit 1; }
sleep "${SCREENSHOT_SETTLE:-8}"   # let the workbench finish painting
DISPLAY="$display" import -window root "$out"
echo "screenshot: $out"
