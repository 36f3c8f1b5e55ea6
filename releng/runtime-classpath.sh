#!/usr/bin/env bash
# Rewrites the Bundle-ClassPath of the runtime bundle from the jars Maven copied into its lib/
# (run after changing the runtime's dependencies: releng/maven.sh generate-resources -pl bundles/org.ganworkbench.runtime).
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bundle="$top/bundles/org.ganworkbench.runtime"
manifest="$bundle/META-INF/MANIFEST.MF"
jars=$(cd "$bundle" && ls lib/*.jar)
{
  sed '/^Bundle-ClassPath:/,$d' "$manifest"
  printf 'Bundle-ClassPath: %s\n' "$(echo "$jars" | paste -sd, | sed 's/,/,\n /g')"
} > "$manifest.new"
mv "$manifest.new" "$manifest"
echo "runtime-classpath: $(echo "$jars" | wc -l) jars on Bundle-ClassPath"
