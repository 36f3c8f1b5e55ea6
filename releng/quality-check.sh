#!/usr/bin/env bash
# The longer quality run behind docs/quality.md: trains a DCGAN on Fashion-MNIST with quality events,
# then writes the FD curve, the final class coverage and the sample grid into docs/.
#
#   releng/quality-check.sh [STEPS] [INTERVAL]     defaults: 600 steps, quality every 100
#
# Needs Fashion-MNIST in /usr/share/datasets/fashion-mnist (Debian: dataset-fashion-mnist) and a built
# trainer (./gan-workbench build), or TRAINER_CP naming a classpath with the trainer and model classes.
# The feature network is trained on first use and cached (see docs/quality.md).
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$top/releng/common.sh"
steps="${1:-600}"
interval="${2:-100}"
work="${QUALITY_WORK:-$top/target/quality-check}"
if [ ! -d /usr/share/datasets/fashion-mnist ]; then
  echo "quality-check: Fashion-MNIST is not installed in /usr/share/datasets/fashion-mnist" >&2
  exit 1
fi
build_quietly
trainer_launch cpu
TRAINER_CP="${TRAINER_CP:-$TRAINER_CLASSPATH}"
java="$(java21)"
rm -rf "$work"
mkdir -p "$work"
sed -e "s/steps = 3000/steps = $steps/" \
    -e "s/checkpoints = 250; quality = 250/checkpoints = $interval; quality = $interval/" \
    -e "s/samples = 250/samples = $interval/" \
    "$top/releng/quality/dcgan-fashion.gan" > "$work/dcgan-fashion.gan"
start=$SECONDS
"$java" "${TRAINER_OPTIONS[@]}" -cp "$TRAINER_CP" org.ganworkbench.trainer.Main \
  train "$work/dcgan-fashion.gan" --run-dir "$work/run"
seconds=$((SECONDS - start))
"$java" -cp "$TRAINER_CP" "$top/releng/quality/QualityReport.java" "$work/run" "$top/docs/images" \
  "$top/docs/quality-run.md" "$seconds"
echo "quality-check: $steps steps in $seconds s; wrote docs/quality-run.md and docs/images/quality-*.png"
