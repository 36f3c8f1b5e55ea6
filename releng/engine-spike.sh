#!/usr/bin/env bash
# Issue #25's engine spike: the DCGAN and SN-GAN templates on three engines in one run, on this
# machine and its threads: the project's trainer (ND4J) and the DJL peer (PyTorch 2.7.1) through
# releng/benchmark.sh, then the trainer's G and D steps written on an engine interface and run on
# libtorch 2.10.0 through bytedeco's presets (spikes/org.ganworkbench.enginespike). DJL and the
# presets carry two different libtorch builds, so the spike runs in a JVM of its own.
# Prints the three engines' images/s per template, then the R1 comparison last.
#   releng/engine-spike.sh [--rounds R] [--steps S] [--warmup W]     (defaults 7, 20, 5)
#   releng/engine-spike.sh --debug-demo    a breakpoint in the custom layer on libtorch, over JDI
#   releng/engine-spike.sh --screenshot    the same in the workbench's debugger, saved as
#                                          docs/images/debug-libtorch-custom-layer.png (needs xvfb-run)
# Needs the trainer and model artifacts installed (releng/maven.sh -B install -DskipTests); the first
# run downloads libtorch's CPU natives for this platform (a 90 MB jar) through Maven.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$top/spikes/org.ganworkbench.enginespike"
rounds=7 steps=20 warmup=5 demo="" screenshot=""
while [ $# -gt 0 ]; do
  case "$1" in
    --debug-demo) demo=1; shift ;;
    --screenshot) screenshot=1; shift ;;
    --rounds) rounds="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    *) echo "engine-spike: unknown option $1" >&2; exit 2 ;;
  esac
done
options=(--rounds "$rounds" --steps "$steps" --warmup "$warmup")

"$top/releng/maven.sh" -B -q -f "$module/pom.xml" package -DskipTests >&2
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
classpath="$module/target/classes:$(cat "$module/target/classpath.txt")"
if [ -n "$demo" ]; then
  exec "$java" -cp "$classpath" org.ganworkbench.enginespike.debug.BreakpointDemo
fi
if [ -n "$screenshot" ]; then
  # EngineSpikeDebugScreenshot is not in the suite (its name does not end in Test): run alone, here
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$top/releng/maven.sh" -B -o install \
    -pl tests/org.ganworkbench.ui.tests -f "$top/pom.xml" -Dtest=EngineSpikeDebugScreenshot -Drestart.skip=true \
    -Dsurefire.failIfNoSpecifiedTests=false -Dscreenshots.dir="$top/docs/images" \
    "-Dtycho.testArgLine=-Dspike.classpath=$classpath -Dspike.sources=$module/src"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== the trainer (ND4J) and the DJL peer: releng/benchmark.sh"
"$top/releng/benchmark.sh" "${options[@]}" | tee "$work/benchmark.txt"

echo
echo "== libtorch through the engine interface"
threads="${BENCHMARK_THREADS:-$(nproc)}"
export OMP_NUM_THREADS="$threads"
# libtorch's own threads do the work; OpenBLAS's thread pool beside them made every step 3-5x slower
# on 2 cores (a chain of G's layers 55-66 ms with it, 12.7 ms without: docs/decisions.md, "Engines")
export OPENBLAS_NUM_THREADS=1
"$java" -Xmx3g -cp "$classpath" org.ganworkbench.enginespike.EngineSpike "${options[@]}" 2>&1 | grep -v '^WARNING' | tee "$work/spike.txt"

# The summary: images/s per template and engine, then the R1 comparison again, last.
echo
echo "== images/s per template (the real images D sees per second; $threads threads)"
awk '/^(dcgan|sngan) [0-9]+x/ { t = $1 } /^  trainer / { nd4j[t] = $2 } /^  peer / { djl[t] = $2 }
     END { for (t in nd4j) printf "%s nd4j_trainer=%s djl_peer=%s\n", t, nd4j[t], djl[t] }' "$work/benchmark.txt" | sort > "$work/two.txt"
while read -r template rest; do
  torch="$(sed -n "s/^libtorch images\/s .*$template=\([0-9.]*\).*/\1/p" "$work/spike.txt")"
  echo "$template $rest libtorch_spike=$torch"
done < "$work/two.txt"
echo
sed -n '/^R1 on/,/^  (errors/p' "$work/spike.txt"
