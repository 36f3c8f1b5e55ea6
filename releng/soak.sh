#!/usr/bin/env bash
# A long run, watched: trains the DCGAN template for HOURS (fractions allowed) with quality
# evaluations, samples and checkpoints at short intervals, reads the run as a viewer would
# (the trainer's `info` over the event log) every minute, and samples the trainer's resident
# memory, Java heap and native memory (its own metrics events), open file descriptors and threads.
# After the first fifth (warm-up) it fits each figure's slope per hour and ends with one verdict
# line: flat memory, constant descriptors and threads, no crash. A memory figure grows when its slope
# is over 2% of its level per hour and over 2 MB/h: the floor keeps a small Java heap's jitter
# (1-2 MB on 8 MB, the heap being sampled between collections) from reading as a leak.
#   releng/soak.sh HOURS [INTERVAL_SECONDS]        (default interval 60 s)
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$top/releng/common.sh"
hours="${1:?usage: releng/soak.sh HOURS [INTERVAL_SECONDS]}"
interval="${2:-60}"
work="$top/target/soak"
rm -rf "$work"; mkdir -p "$work"
"$top/gan-workbench" build > /dev/null

# Steps enough for the time (the run is stopped when the time is up); evaluations every 250 steps.
"$top/gan-workbench" template dcgan 28 1 \
  | sed -e 's/steps = 2000/steps = 100000000/' \
        -e 's/intervals { .* }/intervals { samples = 100; singular_values = 50; metrics = 10; checkpoints = 250; quality = 250 }/' \
  > "$work/soak.gan"
grep -q "quality = 250" "$work/soak.gan" || { echo "soak: the template changed; fix the sed lines" >&2; exit 2; }

trainer_launch cpu
"$(java21)" "${TRAINER_OPTIONS[@]}" -cp "$TRAINER_CLASSPATH" org.ganworkbench.trainer.Main \
  train "$work/soak.gan" --run-dir "$work/run" > "$work/trainer.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
end=$(awk -v h="$hours" -v now="$(date +%s)" 'BEGIN { printf "%d", now + h * 3600 }')
echo "soak: trainer $pid, until $(date -d "@$end" +%H:%M:%S), a sample every $interval s; figures in $work/samples.tsv"
printf 'seconds\trss_mb\theap_mb\tnative_mb\tfds\tthreads\tstep\tinfo_ms\n' > "$work/samples.tsv"
start=$(date +%s)
crashed=no
while [ "$(date +%s)" -lt "$end" ]; do
  sleep "$interval"
  if ! kill -0 "$pid" 2>/dev/null; then crashed=yes; break; fi
  rss=$(awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")
  threads=$(awk '/^Threads/ { print $2 }' "/proc/$pid/status")
  fds=$(ls "/proc/$pid/fd" | wc -l)
  # the last metrics event: heap and native memory as the trainer measures them
  # (none yet on a loaded machine in the first minute: the figures are then empty, not an error)
  last=$(grep '"type":"metrics"' "$work/run/events.jsonl" | tail -1 || true)
  heap=$(grep -o '"heap_mb":[0-9.]*' <<<"$last" | cut -d: -f2 || true)
  native=$(grep -o '"native_mb":[0-9.]*' <<<"$last" | cut -d: -f2 || true)
  step=$(grep -o '"step":[0-9]*' <<<"$last" | cut -d: -f2 || true)
  t0=$(date +%s%N)
  # The trainer's own `info`, not ./gan-workbench's: that one rebuilds when a source changed, and a
  # rebuild deletes the jars this trainer runs from.
  "$(java21)" -cp "$TRAINER_CLASSPATH" org.ganworkbench.trainer.Main info "$work/run" > "$work/info.txt" 2>&1 \
    || echo "soak: info failed at $(date +%T)" >&2
  info_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  printf '%d\t%s\t%s\t%s\t%d\t%d\t%s\t%d\n' $(( $(date +%s) - start )) "$rss" "${heap:-0}" "${native:-0}" \
    "$fds" "$threads" "${step:-0}" "$info_ms" | tee -a "$work/samples.tsv"
done
# TERM, not INT: a background job of a script ignores SIGINT. The trainer checkpoints and ends on it.
kill -TERM "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || status=$?
status="${status:-0}"
[ "$crashed" = yes ] && echo "soak: the trainer ended early (exit $status): $(tail -3 "$work/trainer.log")" >&2

# Least-squares slope per hour of each column after the warm-up fifth, against its mean level.
awk -F'\t' -v crashed="$crashed" '
  NR == 1 { for (i = 2; i <= NF; i++) name[i] = $i; next }
  { n++; for (i = 1; i <= NF; i++) v[n, i] = $i; cols = NF }
  END {
    if (n < 3) { print "verdict: FAIL (fewer than 3 samples)"; exit 1 }
    from = int(n / 5) + 1; m = n - from + 1; ok = (crashed == "no")
    for (i = 2; i <= cols; i++) {
      sx = sy = sxx = sxy = 0
      for (k = from; k <= n; k++) { x = v[k, 1] / 3600; y = v[k, i]; sx += x; sy += y; sxx += x * x; sxy += x * y }
      slope = (m * sxx - sx * sx) == 0 ? 0 : (m * sxy - sx * sy) / (m * sxx - sx * sx); mean = sy / m
      printf "  %-9s mean %10.1f  slope %+10.2f /h\n", name[i], mean, slope
      if (name[i] ~ /mb$/ && mean > 0 && slope > 0.02 * mean && slope > 2) ok = 0
      if ((name[i] == "fds" || name[i] == "threads") && slope > 0.5) ok = 0
    }
    printf "verdict: %s (%d samples over %.2f h, %d after warm-up; crashed: %s)\n", ok ? "PASS" : "FAIL", n, v[n, 1] / 3600, m, crashed
    exit ok ? 0 : 1
  }' "$work/samples.tsv"
