#!/usr/bin/env bash
# Prints the JDK modules the app and its runtime libraries use (jdeps --print-module-deps), to compare with
# dist.modules in pom.xml. Run after `mvn -Pdist -DskipTests package` (it reads target/dist-input and
# target/dist-mods). The libraries' module descriptors are dropped first: the app runs on the class path, so only
# the classes' own references count (a descriptor can require modules the app never loads).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d target/dist-input ] && [ -d target/dist-mods ] || { echo "run mvn -Pdist -DskipTests package first" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for j in target/dist-input/*.jar; do
  d="$tmp/$(basename "$j" .jar)"
  mkdir -p "$d"
  (cd "$d" && unzip -qo "$OLDPWD/$j" && find . -name module-info.class -delete)
done
jdeps --multi-release 17 --ignore-missing-deps --print-module-deps --module-path target/dist-mods \
    --add-modules ALL-MODULE-PATH -cp "$(ls -d "$tmp"/* | paste -sd:)" "$tmp"/*
