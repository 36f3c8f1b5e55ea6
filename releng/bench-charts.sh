#!/usr/bin/env bash
# Issue #17: the hand-written chart (ui.internal.views.chart) against Eclipse SWTChart on long runs.
# Times, at 480x300 pixels, 1, 3 and 10 overlaid noisy loss curves of 1,000,000 steps: the work off the
# UI thread, setting the data and painting on it (median / max of 20 rounds after 5 warm-up), SWTChart's
# zoom, and a PNG export of each; prints a Markdown table (docs/performance.md, "Charts: SWTChart against
# the hand-written chart"; the decision in docs/decisions.md). Not part of the test suite.
#   releng/bench-charts.sh [POINTS] [REPEATS] [WARMUP]
# Takes SWT and Equinox Common from the IDE product (./gan-workbench build), or else the same versions
# through Maven; compiles the chart package and core's Series from the sources. Fetches SWTChart once
# through Maven (org.eclipse.swtchart:org.eclipse.swtchart:1.1.0, which needs Java 21).
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$top/releng/common.sh"
jdk="${BENCH_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
SWTCHART_VERSION=1.1.0

work="$top/target/bench-charts"
rm -rf "$work"; mkdir -p "$work/lib" "$work/classes" "$work/png"
repo="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"

# The jar of GROUP:ARTIFACT:VERSION in the local Maven repository, fetched once if it is not there
# (from an empty folder: Maven must not read this project's Tycho poms).
maven_jar() {
  local jar="$repo/${1//.//}/$2/$3/$2-$3.jar"
  if [ ! -f "$jar" ]; then
    (cd "$(mktemp -d)" && JAVA_HOME="$jdk" "$top/releng/maven.sh" -q -B dependency:get -Dtransitive=false \
        -Dartifact="$1:$2:$3") >&2
  fi
  echo "$jar"
}

# SWT and Equinox's ListenerList (LineChart's one import beyond SWT): the product's bundles, copied (a build
# running meanwhile cleans the product folder); without a product, the same versions (Eclipse 4.34's)
# through Maven. BENCH_IDE_DIR: another checkout's product.
IDE_DIR="${BENCH_IDE_DIR:-$IDE_DIR}"
swt_jar="$(ls "$IDE_DIR"/plugins/org.eclipse.swt.gtk.linux.x86_64_*.jar 2>/dev/null | head -1)" || true
common_jar="$(ls "$IDE_DIR"/plugins/org.eclipse.equinox.common_*.jar 2>/dev/null | head -1)" || true
if [ -z "$swt_jar" ] || [ -z "$common_jar" ]; then
  echo "bench-charts: no IDE product in $IDE_DIR; SWT 3.128.0 and Equinox Common 3.20.100 through Maven" >&2
  swt_jar="$(maven_jar org.eclipse.platform org.eclipse.swt.gtk.linux.x86_64 3.128.0)"
  common_jar="$(maven_jar org.eclipse.platform org.eclipse.equinox.common 3.20.100)"
fi
# SWTChart's only dependency is SWT (Require-Bundle: org.eclipse.swt).
swtchart_jar="$(maven_jar org.eclipse.swtchart org.eclipse.swtchart "$SWTCHART_VERSION")"
cp "$swt_jar" "$common_jar" "$swtchart_jar" "$work/lib/"
cp="$(ls "$work"/lib/*.jar | tr '\n' ':')"

chart_src="$top/bundles/org.ganworkbench.ui/src/org/ganworkbench/ui/internal/views/chart"
"$jdk/bin/javac" --release 21 -nowarn -encoding UTF-8 -cp "$cp" -d "$work/classes" \
  "$chart_src"/*.java \
  "$top/bundles/org.ganworkbench.core/src/org/ganworkbench/core/runs/series/Series.java" \
  "$top/releng/bench-charts/ChartBenchmark.java"

load="$(cut -d' ' -f1 /proc/loadavg)"
xvfb=()
if [ -z "${DISPLAY:-}" ]; then xvfb=(xvfb-run -a -s "-screen 0 1600x1000x24"); fi
"${xvfb[@]}" "$jdk/bin/java" -Xmx2g --enable-native-access=ALL-UNNAMED -Dorg.eclipse.swt.graphics.Resource.reportNonDisposed=false \
  -cp "$work/classes:$cp" ChartBenchmark "${1:-1000000}" "${2:-20}" "${3:-5}" "$work/png"
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "Machine: $cpu, $(nproc) cores, load average $load at the start, $("$jdk/bin/java" -version 2>&1 | head -1), $(date -u +%Y-%m-%d)."
echo "Jars: $(cd "$work/lib" && ls | tr '\n' ' ')($(basename "$swtchart_jar") $(stat -c %s "$swtchart_jar") bytes); PNGs in $work/png"
