#!/usr/bin/env bash
# Runs Maven 3.9 (Tycho 4 needs it; Debian's 3.8 fails on Tycho poms).
# Maven 3.9 is fetched once by its coordinates through whatever Maven is installed,
# so no registry address is written in this repository, then unpacked into .tools/.
set -euo pipefail
MAVEN_VERSION=3.9.9
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home="$top/.tools/apache-maven-$MAVEN_VERSION"
# MAVEN_REPO_LOCAL moves the local repository (a cold-cache build, say); otherwise Maven's default.
repo_option=()
[ -n "${MAVEN_REPO_LOCAL:-}" ] && repo_option=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")
if [ ! -x "$home/bin/mvn" ]; then
  repo="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
  zip="$repo/org/apache/maven/apache-maven/$MAVEN_VERSION/apache-maven-$MAVEN_VERSION-bin.zip"
  if [ ! -f "$zip" ]; then
    command -v mvn >/dev/null || { echo "maven.sh: a system 'mvn' is needed once to fetch Maven $MAVEN_VERSION" >&2; exit 1; }
    # From an empty folder: the system Maven must not read this project's Tycho poms.
    (cd "$(mktemp -d)" && mvn -q -B -Dmaven.repo.local="$repo" dependency:get -Dtransitive=false \
        -Dartifact="org.apache.maven:apache-maven:$MAVEN_VERSION:zip:bin") >&2
  fi
  mkdir -p "$top/.tools"
  unzip -q -o "$zip" -d "$top/.tools"
fi
# Tycho 4 and SWTChart need Java 21+; prefer an installed 21+ JDK when the default is older.
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for j in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [ -x "$j/bin/java" ]; then export JAVA_HOME="$j"; break; fi
  done
fi
exec "$home/bin/mvn" "${repo_option[@]}" "$@"
