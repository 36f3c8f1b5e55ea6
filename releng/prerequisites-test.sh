#!/usr/bin/env bash
# The launcher on a machine that lacks its prerequisites, simulated: a PATH without xvfb-run, xauth,
# xwininfo, unzip and java, a dpkg-query that reports GTK 3 and the Fashion-MNIST package missing, and
# an id, sudo and apt-get that play a user or root. Checks that
#  - a user without sudo gets the exact install command and exit 69 before anything is built or run;
#  - a JDK older than 21 gets the same (install command, or where a JDK comes from);
#  - root (and password-less sudo) gets the packages installed with one line saying why, and the
#    command then goes on: `validate` really validates a model afterwards.
# Part of ./gan-workbench test (run after the build). Exit 0 when every check passed.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$top/releng/common.sh"
work="$top/target/prerequisites-test"
rm -rf "$work"; mkdir -p "$work/bin" "$work/installed" "$work/no-jdks"
failures=0
fail() { echo "prerequisites-test: FAIL: $*" >&2; failures=$((failures + 1)); }

# Every program of the machine but the hidden ones; the fakes below take the place of the rest.
hidden=" xvfb-run xauth xwininfo unzip java javac dpkg-query apt-get apt-cache id sudo "
for dir in /usr/local/bin /usr/bin /bin /usr/sbin /sbin; do
  for program in "$dir"/*; do
    name=$(basename "$program")
    [[ "$hidden" == *" $name "* ]] || [ -e "$work/bin/$name" ] || ln -s "$program" "$work/bin/$name"
  done
done
# dpkg-query: a package is installed when the fake apt-get installed it.
cat > "$work/bin/dpkg-query" <<EOF
#!/bin/bash
[ -e "$work/installed/\${@: -1}" ] && printf installed || printf not-installed
EOF
# apt-get: records its calls; "installs" a package by marking it and adding its command.
cat > "$work/bin/apt-get" <<EOF
#!/bin/bash
echo "apt-get \$*" >> "$work/apt.log"
[ "\$1" = install ] || exit 0
for p in "\$@"; do
  case "\$p" in -*|install) continue ;; esac
  touch "$work/installed/\$p"
  case "\$p" in xvfb) c=xvfb-run ;; x11-utils) c=xwininfo ;; *) c=\$p ;; esac
  printf '#!/bin/sh\nexit 0\n' > "$work/bin/\$c"; chmod +x "$work/bin/\$c"
done
EOF
# apt-cache: whether this "release" has a JDK 21 package is up to the test (file jdk-package).
cat > "$work/bin/apt-cache" <<EOF
#!/bin/bash
p=\$(cat "$work/jdk-package" 2>/dev/null) || exit 0
printf '%s:\n  Installed: (none)\n  Candidate: 21.0.5\n' "\$p"
EOF
# id -u: the uid in file uid. sudo: password-less only when file sudo-ok exists.
printf '#!/bin/bash\ncat "%s/uid"\n' "$work" > "$work/bin/id"
printf '#!/bin/bash\n[ -e "%s/sudo-ok" ] || exit 1\n[ "$1" = -n ] && shift\nexec "$@"\n' "$work" > "$work/bin/sudo"
# java 17 on the PATH: too old.
printf '#!/bin/sh\necho "openjdk version \\"17.0.15\\" 2025-04-15" >&2\n' > "$work/bin/java"
chmod +x "$work/bin"/*

# Runs the launcher on the simulated machine; its output in $work/out, its status in $status.
launcher() {
  status=0
  env -i HOME="$HOME" PATH="$work/bin" JAVA_HOME="${jdk:-}" GAN_WORKBENCH_JVM_DIR="${jvm_dir:-}" \
    "$top/gan-workbench" "$@" > "$work/out" 2>&1 || status=$?
}
expect() {  # expect STATUS TEXT WHAT: the last launcher call ended with STATUS and printed TEXT
  [ "$status" = "$1" ] || fail "$3: exit $status, expected $1; it printed: $(cat "$work/out")"
  grep -qF -- "$2" "$work/out" || fail "$3: expected \"$2\"; it printed: $(cat "$work/out")"
}
jdk="$(dirname "$(dirname "$(java21)")")"; jvm_dir="$work/no-jdks"

echo "prerequisites-test: a user without sudo"
echo 1000 > "$work/uid"
launcher test
expect 69 "sudo apt-get update && sudo apt-get install -y -q --no-install-recommends unzip libgtk-3-0 xvfb xauth x11-utils openjdk-17-jre-headless dataset-fashion-mnist" "test"
grep -q "Building\|INFO" "$work/out" && fail "test started a build before stopping"
[ -e "$work/apt.log" ] && fail "apt-get ran for a user without sudo"
launcher
expect 69 "sudo apt-get install -y -q --no-install-recommends unzip libgtk-3-0" "ide"
launcher train --steps 1
expect 69 "sudo apt-get install -y -q --no-install-recommends unzip" "train"
launcher help
expect 0 "validate" "help needs nothing installed"

echo "prerequisites-test: a JDK older than 21"
jdk=""
echo openjdk-21-jdk-headless > "$work/jdk-package"
launcher validate x.gan
expect 69 "sudo apt-get update && sudo apt-get install -y openjdk-21-jdk-headless" "JDK 17, the release has a JDK 21"
expect 69 "found: openjdk version \"17.0.15\"" "JDK 17 named"
rm "$work/jdk-package"
launcher validate x.gan
expect 69 "install Eclipse Temurin 21 or newer" "JDK 17, the release has no JDK 21"
jdk="$(dirname "$(dirname "$(java21)")")"

echo "prerequisites-test: root installs and goes on"
echo 0 > "$work/uid"
model="$work/demo.gan"
"$top/gan-workbench" template dcgan 28 1 > "$model"
launcher validate "$model"
expect 0 "gan-workbench validate: installing unzip: unzip (unpacks Maven 3.9" "root: one line says what and why"
expect 0 "generator" "root: validate went on and printed the layer table"
grep -qx "apt-get install -y -q --no-install-recommends unzip" "$work/apt.log" || fail "root: apt-get install unzip not run"
launcher setup test
expect 0 "gan-workbench test: installing libgtk-3-0 xvfb xauth x11-utils openjdk-17-jre-headless dataset-fashion-mnist" "root: setup test"
expect 0 "what test need is present" "root: setup test ends ready"
calls=$(wc -l < "$work/apt.log")
launcher setup test
expect 0 "what test need is present" "root: a second setup"
[ "$(wc -l < "$work/apt.log")" = "$calls" ] || fail "root: a second setup installed again"

echo "prerequisites-test: password-less sudo installs too"
rm -rf "$work/installed"/* "$work/apt.log" "$work/bin/unzip"
echo 1000 > "$work/uid"; touch "$work/sudo-ok"
launcher setup build
expect 0 "gan-workbench build: installing unzip" "sudo: installs"
grep -qx "apt-get install -y -q --no-install-recommends unzip" "$work/apt.log" || fail "sudo: apt-get install unzip not run"

if [ $failures -gt 0 ]; then echo "prerequisites-test: $failures check(s) failed" >&2; exit 1; fi
echo "prerequisites-test: OK"
