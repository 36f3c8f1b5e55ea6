#!/usr/bin/env bash
# A newcomer's first run, from a fresh clone of this checkout's HEAD: the README's first command under
# Xvfb with the demo run started through the launch shortcut (releng/demo-screenshot.sh: screenshot,
# then the second start), then the headless demo (./gan-workbench train) in the same clone, which
# must reuse the build. Copies the screenshot and the headless demo's final sample grid into docs/images
# and writes the figures to docs/first-run.md.
#   releng/first-run.sh [CLONE_DIR]     (default: a new temporary folder; removed at the end)
# Needs what demo-screenshot.sh needs (xvfb, x11-utils, imagemagick) and commits to clone: what is
# not committed is not in the clone.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
clone="${1:-$(mktemp -d /tmp/gan-first-run.XXXXXX)/gan-workbench}"
[ -n "${1:-}" ] || trap 'rm -rf "$(dirname "$clone")"' EXIT
git clone -q "$top" "$clone"
commit="$(git -C "$clone" rev-parse --short HEAD)"
echo "first-run: fresh clone of $commit in $clone"

start=$SECONDS
"$clone/releng/demo-screenshot.sh" "$top/docs/images/demo-training.png" | tee "$clone/target-demo.txt"
ide_seconds=$((SECONDS - start))

start=$SECONDS
(cd "$clone" && ./gan-workbench train) > "$clone/headless.log" 2>&1 \
  || { tail -20 "$clone/headless.log" >&2; echo "first-run: the headless demo failed" >&2; exit 1; }
headless_seconds=$((SECONDS - start))
grep -q '^Building' "$clone/headless.log" && { echo "first-run: the headless demo rebuilt" >&2; exit 1; }
grid="$(sed -n 's/^sample grid: *//p' "$clone/headless.log" | tail -1)"
summary="$(sed -n 's/^summary: *//p' "$clone/headless.log" | tail -1)"
[ -f "$grid" ] && [ -f "$summary" ] || { echo "first-run: no final grid or summary in the demo's output" >&2; exit 1; }
convert "$grid" -filter point -resize 200% "$top/docs/images/headless-demo.png"
echo "first-run: headless demo in $headless_seconds s; grid $grid"

cat > "$top/docs/first-run.md" <<MD
# First run

Checked by \`releng/first-run.sh\`: a fresh clone of commit $commit, $(date -u +%Y-%m-%d), on
$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//') with $(nproc) cores (load average
$(cut -d' ' -f1-3 /proc/loadavg) at the end), the Maven repository as this machine had it.

## The IDE (README's first command)

\`releng/demo-screenshot.sh\` ran \`./gan-workbench\` under Xvfb in the clone; the demo run started through
the real Run As > GAN Training shortcut. In $ide_seconds s in all, including the build:

\`\`\`
$(grep '^demo-screenshot:' "$clone/target-demo.txt")
\`\`\`

![The workbench training the demo](images/demo-training.png)

## The headless demo

\`./gan-workbench train\` in the same clone (no rebuild): the DCGAN template on the built-in synthetic
shapes, $(sed -n 's/^finished at step \([0-9]*\).*/\1/p' "$clone/headless.log" | tail -1) steps, in $headless_seconds s, including the quality evaluation at the last step
($(grep -q '^feature net:.*cached' "$clone/headless.log" && echo "its feature network from this machine's cache" || echo "and the first training of its feature network")). It ended with:

\`\`\`
$(tail -4 "$clone/headless.log" | sed "s|$clone|<clone>|g")
\`\`\`

The final sample grid (truncation 1.0: no truncation):

![The headless demo's final grid](images/headless-demo.png)

The summary:

\`\`\`
$(sed "s|$clone|<clone>|g" "$summary")
\`\`\`
MD
echo "first-run: wrote $top/docs/first-run.md"
