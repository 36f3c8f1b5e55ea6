# Shared by ./gan-workbench and the scripts of releng/ and .ci/ (sourced; expects $top).
IDE_DIR="$top/releng/org.ganworkbench.product/target/products/org.ganworkbench.ide/linux/gtk/x86_64"
BASE_IDE_DIR="$top/releng/org.ganworkbench.product/target/products/org.ganworkbench.baseide/linux/gtk/x86_64"
SITE_DIR="$top/update-site/target/repository"
BUILD_LOG="$top/target/build.log"

source "$top/releng/prerequisites.sh"

# A JDK 21 or newer: the IDE (Eclipse 4.34) and the build need it. JAVA_HOME first, then any in
# $JVM_DIR, then the PATH's java.
java21() {
  local j
  for j in "${JAVA_HOME:-}" $(ls -d "$JVM_DIR"/*/ 2>/dev/null); do
    j="${j%/}"
    if [ -n "$j" ] && [ -x "$j/bin/javac" ] && is_java21 "$j/bin/java"; then
      echo "$j/bin/java"; return 0
    fi
  done
  if command -v javac >/dev/null && is_java21 java; then
    command -v java; return 0
  fi
  echo "gan-workbench: needs a JDK 21 or newer (set JAVA_HOME)" >&2
  return 1
}

is_java21() {
  "$1" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'
}

# Maven runs on the same JDK as everything else.
maven() {
  JAVA_HOME="$(dirname "$(dirname "$(java21)")")" "$top/releng/maven.sh" "$@"
}

# Builds the reactor unless the product is already there; prints a few progress lines and keeps
# Maven's output in $BUILD_LOG, whose path is printed if the build fails.
build_quietly() {
  local stamp="$IDE_DIR/.gan-workbench-built"
  if [ "${1:-}" != "--force" ] && [ -f "$stamp" ] && [ -z "$(sources_newer_than "$stamp")" ]; then
    return 0
  fi
  mkdir -p "$(dirname "$BUILD_LOG")"
  if [ -f "$stamp" ]; then
    echo "Rebuilding GAN Workbench: sources changed since the last build (about a minute; log: $BUILD_LOG)"
  else
    echo "Building GAN Workbench (first time: several minutes, downloads ~600 MB; log: $BUILD_LOG)"
  fi
  local start=$SECONDS
  # from the checkout: ./gan-workbench may be started from any folder. clean: Tycho's compiler
  # compiles the changed sources only, so the callers of a changed method would keep stale classes.
  ( cd "$top" && maven -B -DskipTests clean install > "$BUILD_LOG" 2>&1 ) &
  local pid=$! last=""
  while kill -0 "$pid" 2>/dev/null; do
    local now
    now=$(grep -oE '^\[INFO\] Building .* \[[0-9]+/[0-9]+\]' "$BUILD_LOG" 2>/dev/null | tail -1 | sed -E 's/^\[INFO\] Building //; s/ [0-9.A-Z-]+-SNAPSHOT//') || true
    if [ -n "$now" ] && [ "$now" != "$last" ]; then echo "  $now"; last="$now"; fi
    sleep 2
  done
  if ! wait "$pid"; then
    echo "Build failed after $((SECONDS - start)) s. Its log: $BUILD_LOG" >&2
    grep -E '^\[ERROR\]' "$BUILD_LOG" | head -15 >&2
    return 1
  fi
  touch "$IDE_DIR/.gan-workbench-built"
  echo "Built in $((SECONDS - start)) s."
}

# Waits up to SECONDS for a workbench window on the X display DISPLAY and prints its id. Fails when
# none came, or as soon as the process PID (the IDE, when given) has exited.
wait_for_workbench_window() {
  local display="$1" seconds="$2" pid="${3:-}" window _
  for _ in $(seq 1 "$seconds"); do
    window=$(DISPLAY="$display" xwininfo -root -tree 2>/dev/null | grep -E '"[^"]* - (Eclipse|GAN)[^"]*"' \
      | awk '{print $1}' | head -1) || true
    if [ -n "$window" ]; then echo "$window"; return 0; fi
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    sleep 1
  done
  return 1
}

# The first source file changed since the last build, if any (an edit or a pull means: build again).
sources_newer_than() {
  find "$top/pom.xml" "$top/bundles" "$top/features" "$top/update-site" "$top/releng" \
    -newer "$1" -type f ! -path '*/target/*' ! -path '*/bin/*' ! -path '*/lib/*' -print -quit 2>/dev/null
}

# Starts the IDE. On the demo workspace it also creates the demo projects that are missing
# (never touching existing ones); GAN_WORKBENCH_AUTORUN=1 starts the demo run as Run As would.
start_ide() {
  local workspace="$1"
  local launcher demo=()
  launcher=$(ls "$IDE_DIR"/plugins/org.eclipse.equinox.launcher_*.jar | head -1)
  mkdir -p "$workspace"
  if [ "$(cd "$workspace" && pwd)" = "$(mkdir -p "$(demo_workspace)" && cd "$(demo_workspace)" && pwd)" ]; then
    demo=(-Dganworkbench.demo=true)
    [ -n "${GAN_WORKBENCH_AUTORUN:-}" ] && demo+=(-Dganworkbench.demo.autorun=true)
  fi
  echo "Starting the GAN Workbench IDE on $workspace"
  exec "$(java21)" -Xms256m -Xmx2g -Dosgi.requiredJavaVersion=21 "${demo[@]}" \
    -Dorg.eclipse.swt.graphics.Resource.reportNonDisposed=false \
    -jar "$launcher" -nosplash -data "$workspace" "${@:2}"
}

# Where ./gan-workbench opens the IDE by default (GAN_WORKBENCH_DEMO_WORKSPACE moves it, for scripts).
demo_workspace() {
  echo "${GAN_WORKBENCH_DEMO_WORKSPACE:-$top/demo-workspace}"
}

# The model command line's classpath: the model bundle alone (pure Java).
model_classpath() {
  ls "$IDE_DIR"/plugins/org.ganworkbench.model_*.jar | head -1
}

# How to start the trainer for BACKEND (cpu, or cuda GPU [--fetch-cuda]), as the model bundle's
# TrainerLaunch says (the IDE's launch asks the same class): sets TRAINER_CLASSPATH and the arrays
# TRAINER_OPTIONS (JVM options) and TRAINER_ENV (NAME=VALUE). Fails with its one-line reason.
trainer_launch() {
  local lines line
  lines=$("$(java21)" -cp "$(model_classpath)" org.ganworkbench.model.backend.TrainerLaunch "$IDE_DIR/plugins" "$@") \
    || return
  TRAINER_CLASSPATH=""; TRAINER_OPTIONS=(-Xmx4g); TRAINER_ENV=()
  while IFS= read -r line; do
    case "$line" in
      classpath\ *) TRAINER_CLASSPATH="${TRAINER_CLASSPATH:+$TRAINER_CLASSPATH:}${line#classpath }" ;;
      option\ *) TRAINER_OPTIONS+=("${line#option }") ;;
      env\ *) TRAINER_ENV+=("${line#env }") ;;
    esac
  done <<< "$lines"
}

# The test suite: the reactor's tests (headless and in a workbench under Xvfb), no package cycle, the
# p2 install of the update site into a stock IDE, then the launcher's own checks (every command;
# missing packages).
run_tests() {
  local xvfb=() java_home
  if [ -z "${DISPLAY:-}" ]; then xvfb=(xvfb-run -a -s "-screen 0 1600x1000x24"); fi
  java_home="$(dirname "$(dirname "$(java21)")")"
  (cd "$top" && JAVA_HOME="$java_home" "${xvfb[@]}" "$top/releng/maven.sh" -B clean install "$@")
  touch "$IDE_DIR/.gan-workbench-built"
  report_skipped_tests
  "$top/releng/check-cycles.sh"
  "$top/releng/install-test.sh"
  "${xvfb[@]}" "$top/releng/launcher-test.sh"
  "$top/releng/prerequisites-test.sh"
}

# Says which tests were skipped and why (surefire's reports), so that a skip is never silent.
report_skipped_tests() {
  local reasons
  reasons=$(cat "$top"/tests/*/target/surefire-reports/TEST-*.xml 2>/dev/null \
    | grep -o '<skipped message="[^"]*"' | sed 's/<skipped message="//; s/"$//' | sort | uniq -c) || true
  if [ -n "$reasons" ]; then
    echo "Skipped tests (count, reason):"
    echo "$reasons"
  else
    echo "No test was skipped."
  fi
}
