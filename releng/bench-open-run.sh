#!/usr/bin/env bash
# Measures how long opening a run of 1,000,000 events takes (reading and parsing its event log as the
# views do on opening a run) and writes the figure into docs/performance.md under "Opening a run".
#   releng/bench-open-run.sh [EVENTS]      (needs the built bundle bundles/org.ganworkbench.model/target/*.jar)
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jdk="${BENCH_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
model_jar="$(ls "$top"/bundles/org.ganworkbench.model/target/org.ganworkbench.model-*.jar 2>/dev/null | grep -v sources | head -1)"
[ -n "$model_jar" ] || { echo "bench-open-run: build the bundles first (releng/maven.sh -B install -DskipTests)" >&2; exit 1; }
classes="$top/target/bench-classes"
rm -rf "$classes"; mkdir -p "$classes"
"$jdk/bin/javac" --release 17 -nowarn -cp "$model_jar" -d "$classes" \
  "$top/tests/org.ganworkbench.model.tests/src/org/ganworkbench/model/bench/OpenRunBenchmark.java"
load="$(cut -d' ' -f1 /proc/loadavg)"
out="$("$jdk/bin/java" -Xmx4g -cp "$classes:$model_jar" org.ganworkbench.model.bench.OpenRunBenchmark "$@" | tee /dev/stderr)"
figure="$(grep '^open ' <<<"$out")"

doc="$top/docs/performance.md"
[ -f "$doc" ] || printf '# Performance\n\nFigures measured on the build machine; compare them only within one machine.\n' > "$doc"
# Drop the previous "Opening a run" section (up to the next "## " heading), then append the new one.
awk '/^## /{skip = ($0 == "## Opening a run")} !skip' "$doc" \
  | sed -e ':a' -e '/^\n*$/{$d;N;ba' -e '}' > "$doc.tmp"   # without trailing blank lines
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
cat >> "$doc.tmp" <<MD

## Opening a run

Measured by \`releng/bench-open-run.sh\` (\`OpenRunBenchmark\` in tests/org.ganworkbench.model.tests):
a generated run of 1,000,000 events (metrics every step, singular values of 8 layers every 50 steps,
three sample grids every 500) read through \`EventLogReader\` batch by batch, as the views read a run they open
(\`RunSession.replay\`), keeping every metric value and no events. The trainer writes metrics and singular values
at float precision (\`RunWriter\`), and the reader takes short decimals on a fast exact path (\`Json\`).

    $figure

Machine: $cpu, $(nproc) cores, load average $load at the start, $("$jdk/bin/java" -version 2>&1 | head -1),
$(date -u +%Y-%m-%d). A loaded machine (a build running beside it) makes the figure several times larger.
Opening a run in the IDE parses its log this once: the run's state comes from the log's last 256 KB
(\`RunSession.readFinalStatus\`). The views then fold the events into their history on a background job; the UI-thread cost of a
live run is checked by \`ViewResponsivenessTest\` (100,000 events appended while the views are open).
MD
mv "$doc.tmp" "$doc"
echo "bench-open-run: wrote $doc"
