#!/usr/bin/env bash
# CI for the installers (called by .ci/run after `mvn -B -ntp verify`): root on a fresh Debian machine, no display,
# no standard input. Builds the Linux app-image with the documented command, checks that its launcher answers
# --version and `calc` exactly as the jar does and that the desktop app starts (headless screenshot), then builds the
# .deb, installs it with dpkg -i, runs the installed launcher's calc and removes the package again.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

start=$(date +%s)
failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
elapsed() { echo "$(( $(date +%s) - start )) s"; }

# What jpackage and the AppCDS training run need: fakeroot (deb), binutils (strip), Xvfb and GTK 3 (the training
# run shows the real window), xdg-utils (the deb's menu entry).
need=()
for p in fakeroot binutils xvfb xauth libgtk-3-0 xdg-utils; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "ci-package-check: apt-get install ${need[*]}"
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi

# the project's version: the first <version> at the pom's top level
version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)
demo=resources/workspaces/demo.perprisk.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. The app-image, with the documented command (tests already ran in verify).
mvn -B -ntp -Dstyle.color=never -Pdist -DskipTests package | grep -E '^\[dist\]|ERROR|BUILD' | grep -v '^\[dist\] \$' || true
launcher=target/dist/PerpRisk/bin/PerpRisk
if [ -x "$launcher" ]; then pass "app-image built: $(du -sh target/dist/PerpRisk | cut -f1) ($(elapsed))"; else fail "no $launcher"; fi

if [ -x "$launcher" ]; then
  out=$("$launcher" --version 2>&1 || true)
  if [ "$out" = "PerpRisk $version" ]; then pass "launcher --version: $out"; else fail "launcher --version printed '$out', expected 'PerpRisk $version'"; fi

  java -jar target/perprisk.jar calc "$demo" >"$work/jar.json" 2>"$work/jar.err" || true
  "$launcher" calc "$demo" >"$work/image.json" 2>"$work/image.err" || true
  if [ -s "$work/jar.json" ] && cmp -s "$work/jar.json" "$work/image.json" && [ ! -s "$work/image.err" ]; then
    pass "launcher calc $demo: same $(wc -c <"$work/image.json") bytes as java -jar"
  else
    fail "launcher calc differs from java -jar calc"; diff "$work/jar.json" "$work/image.json" | head -5 || true
    head -5 "$work/image.err"
  fi

  if [ -f target/dist/PerpRisk/lib/app/perprisk.jsa ]; then
    pass "AppCDS archive: $(du -h target/dist/PerpRisk/lib/app/perprisk.jsa | cut -f1) (the training run reached the first frame)"
  else
    fail "no AppCDS archive in the app-image (see target/dist-work/cds-training.log)"
  fi

  # The desktop app through the packaged launcher (JavaFX on the module path, ControlsFX's opens, Monocle).
  if (cd "$work" && timeout 60 "$OLDPWD/$launcher" --screenshot shot.png >/dev/null 2>"$work/shot.err") && [ -s "$work/shot.png" ]; then
    pass "launcher --screenshot: the main window renders ($(wc -c <"$work/shot.png") bytes PNG)"
  else
    fail "launcher --screenshot"; head -5 "$work/shot.err"
  fi
fi

# 2. The .deb: build, install, run, remove.
mvn -B -ntp -Dstyle.color=never -Pdist -DskipTests -Ddist.type=deb package | grep -E '^\[dist\]|ERROR|BUILD' | grep -v '^\[dist\] \$' || true
deb=$(ls target/dist/perprisk_"$version"-*.deb 2>/dev/null | head -1 || true)
if [ -n "$deb" ]; then pass "deb built: $deb $(du -h "$deb" | cut -f1) ($(elapsed))"; else fail "no .deb in target/dist"; fi

if [ -n "$deb" ]; then
  # the package's dependencies from the distribution, then the package itself with dpkg -i
  deps=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/(.*)//; s/|.*//' | tr -d ' ' | grep . | tr '\n' ' ')
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $deps >/dev/null 2>&1 || { apt-get update -q >/dev/null; apt-get install -y -q --no-install-recommends $deps >/dev/null; }
  if dpkg -i "$deb" >"$work/dpkg.log" 2>&1; then pass "dpkg -i $deb"; else fail "dpkg -i"; tail -5 "$work/dpkg.log"; fi
  installed=/opt/perprisk/bin/PerpRisk
  if [ -x "$installed" ]; then
    "$installed" calc "$demo" >"$work/deb.json" 2>"$work/deb.err" || true
    if cmp -s "$work/jar.json" "$work/deb.json" && [ ! -s "$work/deb.err" ]; then
      pass "installed $installed calc: same output as java -jar"
    else
      fail "installed launcher calc differs"; head -5 "$work/deb.err"
    fi
    if [ -f /opt/perprisk/lib/app/perprisk.jsa ]; then pass "postinst wrote the AppCDS archive for /opt/perprisk"; else fail "postinst wrote no AppCDS archive"; fi
  else
    fail "no $installed after dpkg -i"
  fi
  if dpkg -r perprisk >"$work/dpkg-r.log" 2>&1 && [ ! -e /opt/perprisk ]; then pass "dpkg -r perprisk: /opt/perprisk removed"; else fail "dpkg -r perprisk"; tail -5 "$work/dpkg-r.log"; ls -R /opt/perprisk 2>/dev/null | head; fi
  dpkg -P perprisk >/dev/null 2>&1 || true # and forget it (dpkg -r keeps the package's record)
fi

echo "ci-package-check: $failures failure(s) in $(elapsed)"
[ "$failures" -eq 0 ]
