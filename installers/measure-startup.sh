#!/usr/bin/env bash
# Launch-to-first-frame of the packaged app (Linux), under Xvfb when there is no display.
#   bash installers/measure-startup.sh [APP_DIR] [RUNS]      APP_DIR: target/dist/PerpRisk (default) or /opt/perprisk
# Runs the image's own java with the options and class path of its launcher configuration (lib/app/PerpRisk.cfg),
# plus -Dperprisk.exitAfterFirstFrame=true (the app prints first-frame-ms=<ms since JVM start> and exits): the
# packaged launcher ignores JDK_JAVA_OPTIONS, so it cannot be told to exit. Measures RUNS launches (default 7) with
# the AppCDS archive (as the launcher starts) and RUNS without any CDS (-Xshare:off), interleaved, and prints the
# medians. Needs xvfb-run when DISPLAY is unset (apt-get install -y xvfb xauth libgtk-3-0).
set -euo pipefail
app=$(cd "${1:-target/dist/PerpRisk}" && pwd)
runs=${2:-7}
cfg="$app/lib/app/PerpRisk.cfg"
java="$app/lib/runtime/bin/java"
[ -f "$cfg" ] && [ -x "$java" ] || { echo "measure-startup: no app-image at $app" >&2; exit 2; }

cp=$(sed -n "s|^app\.classpath=\\\$APPDIR|$app/lib/app|p" "$cfg" | paste -sd:)
main=$(sed -n 's|^app\.mainclass=||p' "$cfg")
mapfile -t opts < <(sed -n 's|^java-options=||p' "$cfg" | sed "s|\\\$APPDIR|$app/lib/app|")
mapfile -t nocds < <(printf '%s\n' "${opts[@]}" | grep -v -e '^-Xshare:' -e '^-XX:SharedArchiveFile=')
settings=$(mktemp -d)
trap 'rm -rf "$settings"' EXIT

display=()
if [ -z "${DISPLAY:-}" ]; then
  display=(xvfb-run -a -s '-screen 0 1280x800x24')
fi

timer=()
if [ -x /usr/bin/time ]; then
  timer=(/usr/bin/time -f '%U %S' -o "$settings/cpu")
fi
cpu=() # CPU seconds (user + system) of each run, in the order of the runs: a busy machine slows the wall clock more
once() { # once OPTIONS... -> prints the milliseconds, or nothing
  "${display[@]}" "${timer[@]}" "$java" "$@" -Dperprisk.exitAfterFirstFrame=true -Dperprisk.settings.dir="$settings" \
      -cp "$cp" "$main" 2>/dev/null | sed -n 's/^first-frame-ms=//p'
}
cpu_of_last() { [ -f "$settings/cpu" ] && awk '{printf "%.2f\n", $1 + $2}' "$settings/cpu" || echo; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "n/a"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

once "${opts[@]}" >/dev/null # first start: JavaFX unpacks its native libraries to ~/.openjfx/cache
with=(); without=(); cpu_with=(); cpu_without=()
for ((i = 0; i < runs; i++)); do
  without+=("$(once "${nocds[@]}" -Xshare:off)"); cpu_without+=("$(cpu_of_last)")
  with+=("$(once "${opts[@]}")"); cpu_with+=("$(cpu_of_last)")
done
archive="$app/lib/app/perprisk.jsa"
echo "app: $app ($(du -sh "$app" | cut -f1)); CDS archive: $( [ -f "$archive" ] && du -h "$archive" | cut -f1 || echo none)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
echo "no CDS  first frame (ms): ${without[*]}  median $(printf '%s\n' "${without[@]}" | grep . | median)"
echo "AppCDS  first frame (ms): ${with[*]}  median $(printf '%s\n' "${with[@]}" | grep . | median)"
if [ ${#timer[@]} -gt 0 ]; then
  echo "no CDS  CPU seconds: ${cpu_without[*]}  median $(printf '%s\n' "${cpu_without[@]}" | grep . | median)"
  echo "AppCDS  CPU seconds: ${cpu_with[*]}  median $(printf '%s\n' "${cpu_with[@]}" | grep . | median)"
fi
