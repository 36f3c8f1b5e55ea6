#!/usr/bin/env bash
# Every command of ./gan-workbench, run as a user runs it: its --help, then one real invocation on a
# small model and run (template, validate, format, train, info, resume, sample, quality, compare, check-layer, sweep,
# build, setup, help, and the IDE up to its workbench window). `test` itself is what runs this script.
# Part of ./gan-workbench test (after the build; needs an X display for the IDE). Exit 0 when all pass.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$top/releng/common.sh"
work="$top/target/launcher-test"
rm -rf "$work"; mkdir -p "$work"
failures=0
fail() { echo "launcher-test: FAIL: $*" >&2; failures=$((failures + 1)); }

# run NAME EXPECTED_STATUS TEXT ARGS...: ./gan-workbench ARGS ends with the status and prints TEXT.
run() {
  local name="$1" expected="$2" text="$3" status=0 start=$SECONDS; shift 3
  "$top/gan-workbench" "$@" > "$work/$name.out" 2>&1 || status=$?
  if [ "$status" != "$expected" ]; then
    fail "$*: exit $status, expected $expected"; tail -20 "$work/$name.out" >&2
  elif ! grep -qF -- "$text" "$work/$name.out"; then
    fail "$*: no \"$text\" in its output"; tail -20 "$work/$name.out" >&2
  else
    echo "  ok  ./gan-workbench $* ($((SECONDS - start)) s)"
  fi
}

echo "launcher-test: help"
run help 0 "usage: ./gan-workbench [COMMAND]" help
for command in ide train resume sample info quality compare check-layer sweep validate format template build test setup help; do
  run "help-$command" 0 "usage: ./gan-workbench $command" "$command" --help
  grep -q "$command" "$work/help.out" || fail "help does not list $command"
done
grep -qF -- "--backend cpu|cuda" "$work/help-train.out" || fail "train --help lost its --backend choice"
run unknown 2 "unknown command 'frobnicate'" frobnicate

echo "launcher-test: model commands"
run template 0 "generator" template dcgan 28 1
model="$work/small.gan"
# a short run: 40 steps, checkpoints every 20, no quality scoring while training (the command below scores)
sed -e 's/steps = 2000/steps = 40/' \
    -e 's/intervals { .* }/intervals { samples = 20; singular_values = 20; metrics = 10; checkpoints = 20; quality = 0 }/' \
    "$work/template.out" > "$model"
grep -q "steps = 40" "$model" || fail "the template changed: its steps line was not found"
run validate 0 "trainable" validate "$model"
run format 0 "steps = 40" format "$model"
printf 'model broken {\n  generator { dense d { units = -3 } }\n' > "$work/broken.gan"
run validate-broken 2 "broken.gan:" validate "$work/broken.gan"

echo "launcher-test: trainer commands"
runs="$work/run"
run train 0 "finished at step 40" train "$model" --run-dir "$runs" --steps 40 --seed 7
run info 0 "step 40" info "$runs"
run resume 0 "finished at step 60" resume "$runs" --steps 60
checkpoint="$(ls "$runs"/checkpoints/step-*.ckpt | tail -1)"
run sample 0 "$work/interpolation.png" sample "$checkpoint" --truncation 0.7 --seeds 1,2 --out "$work/interpolation.png"
[ -s "$work/interpolation.png" ] || fail "sample wrote no PNG"
run quality 0 "FD" quality "$runs" --samples 256
run compare 0 "60/60" compare "$work"
run check-layer 0 "PASS: the backward of gan.layers.ScaledNoise agrees" check-layer gan.layers.ScaledNoise --input 8,4,4 --params strength=0.1

echo "launcher-test: a sweep on Spark's embedded local master"
# the small model's two trials of 10 steps, one at a time
sed -e 's/steps = 40/steps = 10/' -e '$d' "$model" > "$work/sweep.gan"
printf '  sweep {\n    objective = loss_g\n    parallel = 1\n    vary "training.g_optimizer.lr" { values = [0.0002, 0.001] }\n  }\n}\n' \
  >> "$work/sweep.gan"
run sweep 0 "best: t0" sweep "$work/sweep.gan" --dir "$work/sweep"
grep -q '"state":"finished"' "$work/sweep/sweep.json" 2>/dev/null || fail "sweep.json has no finished trial"

echo "launcher-test: CUDA where no GPU can run it: refused in seconds, no run directory"
run train-cuda 69 "cuda" train "$model" --run-dir "$work/cuda-run" --steps 5 --backend cuda
[ -e "$work/cuda-run" ] && fail "train --backend cuda left a run directory"

echo "launcher-test: build, setup, IDE"
run build 0 "is built" build
grep -q "Building\|Rebuilding" "$work/build.out" && fail "build rebuilt although nothing changed"
run setup 0 "is present" setup
if [ -n "${DISPLAY:-}" ]; then
  rm -rf "$work/workspace"
  "$top/gan-workbench" ide "$work/workspace" > "$work/ide.out" 2>&1 &
  ide=$!
  if wait_for_workbench_window "$DISPLAY" 180 "$ide" > /dev/null; then
    echo "  ok  ./gan-workbench ide $work/workspace (workbench window shown)"
  else
    fail "ide: no workbench window"; tail -20 "$work/ide.out" >&2
  fi
  kill "$ide" 2>/dev/null || true; wait "$ide" 2>/dev/null || true
else
  fail "ide: no X display to start the IDE on"
fi

if [ $failures -gt 0 ]; then echo "launcher-test: $failures check(s) failed (outputs in $work)" >&2; exit 1; fi
echo "launcher-test: OK"
