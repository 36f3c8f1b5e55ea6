#!/usr/bin/env bash
# Issue #24's concurrency stress, the long version: every scenario of NativeStress (the trainer
# tests: the trainer's native work on several threads at once, each thread's results checked against
# the same work done alone) for MINUTES in all, each scenario in a child JVM of its own with glibc's
# heap checks. Prints one line per scenario (iterations, bit-identical results, mismatches, how a
# JVM died) and, last, a verdict line: PASS when every scenario of the trainer's code passed. The
# "before the fix" scenarios run the singular-value monitor as it was and are expected to die.
#   releng/stress-nd4j.sh MINUTES [SCENARIO...]
# ND4J's native build is the one a run gets on this CPU (oneDNN-AVX2 with AVX2, as TrainerLaunch
# picks); STRESS_BUILD=plain (the tests' build) or onednn-avx2 chooses. Compiles the model and trainer
# sources and the stress classes with javac, against the runtime bundle's jars (a Maven build makes
# them: ./gan-workbench build, run here when they are missing); RUNTIME_LIB=DIR takes them from DIR.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$top/releng/common.sh"
minutes="${1:?usage: releng/stress-nd4j.sh MINUTES [SCENARIO...]}"
shift
lib="${RUNTIME_LIB:-$top/bundles/org.ganworkbench.runtime/lib}"
if [ ! -d "$lib" ]; then
  build_quietly
fi
java="$(java21)"
build="${STRESS_BUILD:-auto}"
if [ "$build" = auto ]; then
  if grep -qw avx2 /proc/cpuinfo; then build=onednn-avx2; else build=plain; fi
fi
case "$build" in
  onednn-avx2) drop='nd4j-native-[0-9][^/]*-linux-x86_64\.jar$'; options=(-Dorg.bytedeco.javacpp.platform.extension=-onednn-avx2) ;;
  plain) drop='nd4j-native-[0-9][^/]*-linux-x86_64-onednn-avx2\.jar$'; options=() ;;
  *) echo "stress-nd4j: STRESS_BUILD is plain or onednn-avx2, not $build" >&2; exit 2 ;;
esac
jars="$(ls "$lib"/*.jar | grep -Ev "$drop" | paste -sd:)"

classes="$top/target/stress-nd4j-classes"
rm -rf "$classes"; mkdir -p "$classes"
tests="$top/tests/org.ganworkbench.trainer.tests/src/org/ganworkbench/trainer/tests"
"$(dirname "$java")/javac" --release 17 -nowarn -encoding UTF-8 -d "$classes" -cp "$jars" \
  $(find "$top/bundles/org.ganworkbench.model/src" "$top/bundles/org.ganworkbench.trainer/src" \
      "$top/bundles/org.ganworkbench.trainer/templates" -name '*.java') \
  "$tests"/{NativeStress,StressWork,SingularValuesCost,TrainingFixtures,TrainerProcess}.java

echo "stress-nd4j: $build natives, $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
exec "$java" "${options[@]}" -cp "$classes:$jars" org.ganworkbench.trainer.tests.NativeStress --minutes "$minutes" "$@"
