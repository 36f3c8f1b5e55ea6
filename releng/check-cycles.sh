#!/usr/bin/env bash
# Package cycles among GAN Workbench's own packages, from the built bundles' classes (jdeps), test
# fragments excluded. Prints each cycle with the edges that close it; exit 1 when there is one.
#   releng/check-cycles.sh        (needs a build: ./gan-workbench build)
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$top/releng/common.sh"
java="$(java21)"
classes=()
for bundle in model trainer core ui; do
  dir="$top/bundles/org.ganworkbench.$bundle/target/classes"
  [ -d "$dir" ] || { echo "check-cycles: no $dir; build first (./gan-workbench build)" >&2; exit 2; }
  classes+=("$dir")
done
"$(dirname "$java")/jdeps" -verbose:package -filter:none -e 'org\.ganworkbench\..*' \
  --multi-release 21 "${classes[@]}" 2>/dev/null | "$java" "$top/releng/PackageCycles.java"
