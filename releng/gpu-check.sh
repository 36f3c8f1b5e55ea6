#!/usr/bin/env bash
# For a machine with an NVIDIA GPU: probes the GPU with the rule the IDE uses, trains the demo for
# STEPS (default 300) on CUDA and on the CPU, prints both images/s and their ratio, resumes the CUDA
# run on the CPU, and ends with one verdict line. Without a usable GPU it says why and runs the CPU
# half alone. docs/gpu.md explains the figures.
#   releng/gpu-check.sh [STEPS]
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$top/releng/common.sh"
steps="${1:-300}"
work="$top/target/gpu-check"
rm -rf "$work"; mkdir -p "$work"

# train BACKEND: the demo for $steps steps; prints the last progress line's images/s.
train() {
  local status=0
  "$top/gan-workbench" train --steps "$steps" --seed 1 --run-dir "$work/$1" --backend "$1" \
    > "$work/$1.out" 2>&1 || status=$?
  if [ $status -ne 0 ]; then
    echo "gpu-check: $1 training ended with exit $status: $(grep -v '^WARNING' "$work/$1.out" | tail -1)" >&2
    return $status
  fi
  grep -oE '[0-9.]+ img/s' "$work/$1.out" | tail -1 | cut -d' ' -f1
}

"$top/gan-workbench" build > /dev/null
echo "gpu-check: GPU ${CUDA_VISIBLE_DEVICES:-0}"
gpu_problem=""
"$(java21)" -cp "$(model_classpath)" org.ganworkbench.model.backend.GpuCheck "${CUDA_VISIBLE_DEVICES:-0}" \
  2> "$work/gpu.txt" || gpu_problem="$(cat "$work/gpu.txt")"

echo "gpu-check: CPU, $steps steps"
cpu=$(train cpu)
echo "gpu-check: cpu ${cpu} img/s"

if [ -n "$gpu_problem" ]; then
  echo "gpu-check: CUDA half skipped: $gpu_problem"
  echo "verdict: CPU ${cpu} img/s; no usable GPU here"
  exit 0
fi
echo "gpu-check: CUDA, $steps steps"
if ! cuda=$(train cuda); then
  echo "verdict: CUDA failed on a GPU that passed the check (see $work/cuda.out)"; exit 1
fi
ratio=$(awk -v a="$cuda" -v b="$cpu" 'BEGIN { printf "%.2f", a / b }')
echo "gpu-check: cuda ${cuda} img/s, ${ratio}x the CPU"
if "$top/gan-workbench" resume "$work/cuda" --steps $((steps + 20)) > "$work/resume.out" 2>&1; then
  resumed=yes
else
  resumed=no
fi
echo "verdict: CUDA ${cuda} img/s = ${ratio}x CPU ${cpu} img/s; CUDA checkpoint resumed on the CPU: ${resumed}"
