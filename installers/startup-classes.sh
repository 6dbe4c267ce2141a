#!/usr/bin/env bash
# Writes the start-up class list (issue 13): the classes the desktop app loads from its jars and from the JDK's
# modules (not those already in the JDK's CDS archive, nor generated ones) between JVM start and its first frame,
# in the order it loads them. StartupPrefetch loads and links them on a second thread while the toolkit starts, so
# the FX thread finds them ready (the run that writes the list preloads nothing: it would list itself). Run it after
# a change that makes the first frame load other classes (StartupClassesTest fails when the list names a class that
# no longer exists):
#   mvn -B -ntp -o -q package -DskipTests && bash installers/startup-classes.sh
# Needs a display (a real window under GTK): it uses $DISPLAY, else xvfb-run.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/main/resources/com/perprisk/ui/startup-classes.txt
log=$(mktemp)
settings=$(mktemp -d)
run=(java -Xlog:class+load=info:file="$log" -Dperprisk.relaunch=false -Dperprisk.preloadClasses=false
     -Dperprisk.exitAfterFirstFrame=true -Dperprisk.settings.dir="$settings" -jar target/perprisk.jar)
if [ -n "${DISPLAY:-}" ]; then "${run[@]}" >/dev/null; else xvfb-run -a -s "-screen 0 1280x800x24" "${run[@]}" >/dev/null; fi
{
  echo "# Classes the desktop app loads before its first frame, in load order (installers/startup-classes.sh)."
  sed -n 's/^\[[^]]*\]\[info\]\[class,load\] \([^ ]*\) source: \(file:\|jar:\|jrt:\).*/\1/p' "$log" \
    | grep -v -e '\$\$Lambda' -e '^com\.perprisk\.Launcher$' | awk '!seen[$0]++'
} > "$out"
rm -rf "$log" "$settings"
echo "$(($(wc -l < "$out") - 1)) classes in $out"
