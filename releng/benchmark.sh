#!/usr/bin/env bash
# Training speed of the project's trainer against a PyTorch peer (DJL) on this machine, in one run.
# Needs the trainer and model artifacts installed by `releng/maven.sh -B install -DskipTests`;
# the first run downloads DJL and PyTorch's CPU natives (about 120 MB) through Maven.
#   releng/benchmark.sh [--rounds R] [--steps S] [--warmup W] [--only dcgan|sngan|r3gan]
# Prints a table per model and, last, `ratio dcgan=X sngan=Y r3gan=Z` (trainer images/s / peer images/s).
# TRAINER_CLASSES=DIR puts freshly compiled trainer classes in front of the installed jar.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$top/benchmarks/org.ganworkbench.benchmarks"
threads="${BENCHMARK_THREADS:-$(nproc)}"

"$top/releng/maven.sh" -B -q -f "$module/pom.xml" package -DskipTests >&2
cp="$module/target/classes:$(cat "$module/target/classpath.txt")"
if [ -n "${TRAINER_CLASSES:-}" ]; then cp="$TRAINER_CLASSES:$cp"; fi

source "$top/releng/common.sh"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
trainer_launch cpu   # for its JVM options: the native build that suits this CPU, as a run gets
# Same threads for both engines: OpenMP (ND4J and PyTorch) and PyTorch's intra-op pool.
export OMP_NUM_THREADS="$threads"
exec "$java" "${TRAINER_OPTIONS[@]:1}" -Xmx3g -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
  -cp "$cp" org.ganworkbench.benchmarks.Benchmark "$@"
