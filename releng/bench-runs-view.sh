#!/usr/bin/env bash
# Opens the GAN Runs view on 1,000 generated run directories (a 2,000-step run's log each) in a real
# workbench under Xvfb, cold (no summary cache) and warm, and prints the time until every row shows
# and the longest the UI thread was busy meanwhile. Targets (issue #17): warm under 2 s on 2 cores,
# no UI-thread task over 50 ms.
#   releng/bench-runs-view.sh [RUNS]
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$top/releng/common.sh"
runs="${1:-1000}"
cd "$top"
log="$top/target/bench-runs-view.log"
mkdir -p "$top/target"
JAVA_HOME="$(dirname "$(dirname "$(java21)")")" xvfb-run -a -s "-screen 0 1600x1000x24" \
  "$top/releng/maven.sh" -B install \
  -pl bundles/org.ganworkbench.model,bundles/org.ganworkbench.runtime,bundles/org.ganworkbench.trainer,bundles/org.ganworkbench.core,bundles/org.ganworkbench.ui,tests/org.ganworkbench.tests.support,tests/org.ganworkbench.ui.tests \
  -Dtest=RunsViewBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
  -Dbench.runs="$runs" > "$log" 2>&1 || { tail -40 "$log"; exit 1; }
grep -h 'bench-runs-view:' "$log"
