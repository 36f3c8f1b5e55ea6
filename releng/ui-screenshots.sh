#!/usr/bin/env bash
# Refreshes the screenshots in docs/images that the UI tests take of every editor page and view
# with real data from short training runs (GanWorkflowTest, RunsViewTest) and of editing on the
# diagram (ArchitectureEditingTest). Needs a build and Xvfb.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"
xvfb=(); [ -z "${DISPLAY:-}" ] && xvfb=(xvfb-run -a -s "-screen 0 1600x1000x24")
"${xvfb[@]}" releng/maven.sh -B install -pl tests/org.ganworkbench.ui.tests -Dtest=GanWorkflowTest,RunsViewTest,ArchitectureEditingTest \
  -Dscreenshots.dir="$top/docs/images"
ls -la docs/images
