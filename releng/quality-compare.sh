#!/usr/bin/env bash
# Same quality as the PyTorch peer, not only the same speed (issue #23): trains the DCGAN recipe
# (releng/quality/dcgan-fashion.gan) on Fashion-MNIST with the trainer and with the peer of
# releng/benchmark.sh for the same steps and seeds, and scores both with the trainer's feature network
# (FD, KID, precision, recall against the same 5,000 real images). Prints each run, the means and,
# last, `quality fd trainer=X peer=Y ratio=Z`. About 4 minutes per side and seed at 2,000 steps on 2 cores.
#   releng/quality-compare.sh [STEPS (2000)] [SEEDS (3)]
# Needs Fashion-MNIST in /usr/share/datasets/fashion-mnist (Debian: dataset-fashion-mnist) and the
# trainer installed as for releng/benchmark.sh; the feature network is trained once and cached.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$top/benchmarks/org.ganworkbench.benchmarks"
threads="${BENCHMARK_THREADS:-$(nproc)}"
if [ ! -d /usr/share/datasets/fashion-mnist ]; then
  echo "quality-compare: Fashion-MNIST is not installed in /usr/share/datasets/fashion-mnist" >&2
  exit 1
fi
"$top/releng/maven.sh" -B -q -f "$module/pom.xml" package -DskipTests >&2
cp="$module/target/classes:$(cat "$module/target/classpath.txt")"
if [ -n "${TRAINER_CLASSES:-}" ]; then cp="$TRAINER_CLASSES:$cp"; fi
source "$top/releng/common.sh"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
trainer_launch cpu
export OMP_NUM_THREADS="$threads"
exec "$java" "${TRAINER_OPTIONS[@]:1}" -Xmx3g -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
  -cp "$cp" org.ganworkbench.benchmarks.QualityComparison "$top/releng/quality/dcgan-fashion.gan" "$@"
