#!/usr/bin/env bash
# The user's install path, checked: the p2 director installs GAN Workbench from the update site
# into a stock Eclipse IDE (platform + JDT) that lacks it, the IDE then starts under Xvfb, and the
# OSGi console must list every GAN Workbench bundle as ACTIVE or RESOLVED (STARTING is a resolved
# bundle with lazy activation that no class has been loaded from yet).
# Needs a build (./gan-workbench build). Exit 0 on success; the logs stay in target/install-test/.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$top/releng/common.sh"
JAVA=$(java21)
work="$top/target/install-test"
rm -rf "$work"; mkdir -p "$work"
cp -a "$BASE_IDE_DIR" "$work/ide"
ide="$work/ide"
launcher=$(ls "$ide"/plugins/org.eclipse.equinox.launcher_*.jar | head -1)

if ls "$ide"/plugins | grep -q '^org.ganworkbench'; then
  echo "install-test: the base IDE already contains GAN Workbench" >&2; exit 1
fi

echo "install-test: p2 director installs org.ganworkbench.feature from $SITE_DIR"
# The base IDE's own bundles stay as they are; only the site's feature and bundles are added.
"$JAVA" -jar "$launcher" -nosplash -application org.eclipse.equinox.p2.director \
  -repository "file:$SITE_DIR" -installIU org.ganworkbench.feature.feature.group \
  -destination "$ide" -profile DefaultProfile > "$work/director.log" 2>&1 \
  || { cat "$work/director.log" >&2; echo "install-test: p2 install failed" >&2; exit 1; }
grep -E 'Installing|Operation completed' "$work/director.log" || true
[ -d "$(ls -d "$ide"/plugins/org.ganworkbench.runtime_* | head -1)/lib" ] \
  || { echo "install-test: the runtime bundle was not unpacked with its lib/" >&2; exit 1; }

echo "install-test: starting the installed IDE under Xvfb and asking its OSGi console"
mkfifo "$work/console.in"
# Our own Xvfb display, so that we can see when the workbench window is up.
display=":$((200 + RANDOM % 100))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp > /dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true' EXIT
sleep 1
DISPLAY="$display" "$JAVA" -jar "$launcher" -nosplash -data "$work/workspace" -console -consoleLog \
  < "$work/console.in" > "$work/ide.log" 2>&1 &
ide_pid=$!
exec 3> "$work/console.in"
window=no
wait_for_workbench_window "$display" 180 "$ide_pid" > /dev/null && window=yes
echo "install-test: workbench window shown: $window"
echo "ss org.ganworkbench" >&3
sleep 5
echo "shutdown" >&3 || true
sleep 5
exec 3>&-
kill "$ide_pid" 2>/dev/null || true
wait "$ide_pid" 2>/dev/null || true

status=0
[ "$window" = yes ] || { echo "install-test: the installed IDE showed no workbench window" >&2; status=1; }
for bundle in model trainer runtime core ui; do
  line=$(grep -E "(ACTIVE|RESOLVED|STARTING)[[:space:]]+org\.ganworkbench\.${bundle}_" "$work/ide.log" | head -1 || true)
  if [ -z "$line" ]; then
    echo "install-test: org.ganworkbench.$bundle is not ACTIVE/RESOLVED" >&2; status=1
  else
    echo "  $line"
  fi
done
if [ $status -ne 0 ]; then
  echo "--- console output ($work/ide.log):" >&2; tail -40 "$work/ide.log" >&2
  exit 1
fi
echo "install-test: OK"
