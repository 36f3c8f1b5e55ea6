# What the machine must have for each launcher command: the one list, checked before anything is
# built. Sourced by common.sh (expects $top). .ci/run installs nothing itself: it runs the README's
# test command, which installs through this file.
#
# A missing package is installed with apt-get when the user is root or has password-less sudo (one
# line says what and why); otherwise the command stops with the exact install command to copy.

# One row a requirement: the commands that need it | its probe | the Debian package | why.
# Probes: command:NAME (on the PATH), package:NAME (dpkg says installed), maven (Maven 3.9 is
# unpacked in .tools/, or a system mvn can fetch it), headless (no X display is set).
PREREQUISITES=(
  "build ide train resume sample info quality compare check-layer sweep validate format template test|maven|maven|fetches Maven 3.9 once, by its coordinates"
  "build ide train resume sample info quality compare check-layer sweep validate format template test|command:unzip|unzip|unpacks Maven 3.9 and the update site's zip"
  "ide test|package:libgtk-3-0|libgtk-3-0|SWT draws the workbench with GTK 3"
  "test|command:xvfb-run|xvfb|the workbench tests run on a virtual X display"
  "test|command:xauth|xauth|xvfb-run needs it"
  "test|command:xwininfo|x11-utils|the install and launcher tests wait for the workbench window"
  "test|package:openjdk-17-jre-headless|openjdk-17-jre-headless|the Spark cluster test's executors run on Java 17 (Spark 4.1's refuse Java 23 and later)"
  "test|package:dataset-fashion-mnist|dataset-fashion-mnist|the quality tests train and score on real Fashion-MNIST"
)

# Exit status of a command stopped for a missing prerequisite (sysexits' EX_UNAVAILABLE; distinct
# from a build's failure and from the trainer's own codes but the same "cannot run here" as its
# refused CUDA backend).
PREREQUISITE_MISSING=69

# Where JDKs are looked for, besides JAVA_HOME and the PATH (GAN_WORKBENCH_JVM_DIR moves it, for tests).
JVM_DIR="${GAN_WORKBENCH_JVM_DIR:-/usr/lib/jvm}"

# Checks (and where it may, installs) what COMMAND needs. Prints nothing when all is there.
ensure_prerequisites() {
  local command="$1" row commands probe package why missing=() reasons=()
  for row in "${PREREQUISITES[@]}"; do
    IFS='|' read -r commands probe package why <<< "$row"
    [[ " $commands " == *" $command "* ]] || continue
    # a test run on a display (a developer's desktop) needs no virtual one
    if [ "$package" = xvfb ] || [ "$package" = xauth ]; then [ -z "${DISPLAY:-}" ] || continue; fi
    prerequisite_present "$probe" && continue
    [[ " ${missing[*]} " == *" $package "* ]] && continue
    missing+=("$package"); reasons+=("$package ($why)")
  done
  ensure_jdk "$command" || return
  [ ${#missing[@]} -eq 0 ] && return 0
  install_packages "$command" "${missing[@]}" -- "${reasons[@]}"
}

prerequisite_present() {
  case "$1" in
    command:*) command -v "${1#command:}" > /dev/null ;;
    package:*) [ "$(dpkg-query -W -f='${db:Status-Status}' "${1#package:}" 2>/dev/null)" = installed ] ;;
    maven) [ -x "$top/.tools/apache-maven-$(sed -n 's/^MAVEN_VERSION=//p' "$top/releng/maven.sh")/bin/mvn" ] \
             || command -v mvn > /dev/null ;;
  esac
}

# Installs PACKAGES... (then, after --, the reason of each) or stops with the command to copy.
install_packages() {
  local command="$1"; shift
  local packages=() reasons=()
  while [ "$1" != -- ]; do packages+=("$1"); shift; done; shift
  reasons=("$@")
  local apt=(apt-get install -y -q --no-install-recommends "${packages[@]}")
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if sudo -n true 2>/dev/null; then sudo=(sudo -n); else
      echo "gan-workbench $command: missing system packages:" >&2
      printf '  %s\n' "${reasons[@]}" >&2
      echo "Install them, then run the command again:" >&2
      echo "  sudo apt-get update && sudo ${apt[*]}" >&2
      return $PREREQUISITE_MISSING
    fi
  fi
  echo "gan-workbench $command: installing ${packages[*]}: $(IFS=';'; echo "${reasons[*]}" | sed 's/;/; /g')"
  local log; log=$(mktemp)
  if ! { "${sudo[@]}" apt-get update -q > "$log" 2>&1 \
         && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" "${apt[@]}" >> "$log" 2>&1; }; then
    tail -5 "$log" >&2; rm -f "$log"
    echo "gan-workbench $command: the install failed; try it yourself: ${sudo[*]} ${apt[*]}" >&2
    return $PREREQUISITE_MISSING
  fi
  rm -f "$log"
}

# A JDK 21 or newer (Eclipse 4.34 and the build need it): installed from Debian when the release has
# one and we may install; otherwise the command stops and says where one comes from.
ensure_jdk() {
  java21 > /dev/null 2>&1 && return 0
  local package
  package=$(apt-cache policy openjdk-25-jdk-headless openjdk-21-jdk-headless 2>/dev/null \
    | awk '/^[a-z]/ {p=$1} /Candidate: [0-9]/ {sub(":$", "", p); print p; exit}')
  if [ -n "$package" ] && { [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; }; then
    install_packages "$1" "$package" -- "$package (the build and the IDE need Java 21 or newer)" || return
    java21 > /dev/null && return 0
  fi
  local found
  found=$(command -v java > /dev/null && java -version 2>&1 | head -1 || echo "no java on the PATH")
  echo "gan-workbench $1: needs a JDK 21 or newer (found: $found)." >&2
  if [ -n "$package" ]; then
    echo "Install one, then run the command again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y $package" >&2
  else
    echo "This Debian release has none: install Eclipse Temurin 21 or newer (Adoptium's packages)" >&2
    echo "into $JVM_DIR, or point JAVA_HOME at any JDK 21+, then run the command again." >&2
  fi
  return $PREREQUISITE_MISSING
}
