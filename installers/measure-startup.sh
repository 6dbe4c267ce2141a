#!/usr/bin/env bash
# Start-up probe (Linux): launch to first frame of a bare JavaFX window and of PerpRisk, measured in one run with the
# launches interleaved (a busy machine slows every variant alike), and PerpRisk's resident set once the window is up.
#   mvn -B -ntp -o package -DskipTests && mvn -B -ntp -o test-compile      # the jar, target/lib, the reference
#   bash installers/measure-startup.sh [APP_DIR|-] [RUNS]
# APP_DIR: a jpackage app-image (default target/dist/PerpRisk, measured when it exists; "-" skips it), or /opt/perprisk.
# RUNS: launches of each variant (default 7). Variants:
#   bare        one Label in a 1280×800 Scene (src/test/java/com/perprisk/bench/BareWindow.java), the same JavaFX jars
#   jar         java -jar target/perprisk.jar                                   (the README's run command; the
#               launcher JVM starts the window in a child JVM with installers/app.args' options, com.perprisk.TunedJvm,
#               and the time counts from the launcher JVM's start; the child maps the class-data archive that its
#               first session wrote, com.perprisk.JarArchive: here the untimed first start of each variant writes it)
#   jar-first   the same on the first start ever: no archive yet (this launch writes it when the window closes)
#   jar-1jvm    the same with -Dperprisk.relaunch=false: the window in the JVM java -jar started (default options)
#   jar-nopre   java -Dperprisk.preloadClasses=false -jar: the jar without the start-up class preloading (StartupPrefetch)
#   jar+CDS     java -XX:SharedArchiveFile=target/perprisk-jar.jsa -jar target/perprisk.jar
#               (the archive is written first when missing or older than the jar: one training run with
#               -XX:ArchiveClassesAtExit, as the README says)
#   bare-image  the reference on the app-image's own runtime
#   app         the app-image's java with its launcher's options and class path (lib/app/PerpRisk.cfg), no CDS
#   app+CDS     the same with the image's AppCDS archive, as the launcher starts
# Every variant is timed the same way: from the moment the shell that execs the command reads the clock to the end of
# the first pulse that lays out the shown scene (the app's: the real main window with the demo's results), when
# com.perprisk.ui.FirstFrame prints first-frame-epoch-ms=<the clock> and exits; -Dperprisk.exitAfterFirstFrame=true
# tells the app to call it. (Before round 8 the figure counted from the JVM's start as the JVM tells it, which
# needed the management classes in java -jar's launcher JVM; the java launcher's own few ms are now in every figure.)
# The packaged launcher ignores JDK_JAVA_OPTIONS, so the image is run through its own java with the launcher's
# configuration.
# Memory: the jar opens the demo, and a workspace of 200 positions, waits 5 s after the first frame
# (-Dperprisk.settleMs) and prints its VmRSS, the launcher JVM's and the child's added; no JVM options given. Needs xvfb-run when DISPLAY is unset
# (apt-get install -y xvfb xauth libgtk-3-0); with DISPLAY set (e.g. an Xvfb of your own) it uses that display.
set -euo pipefail
cd "$(dirname "$0")/.."
app_arg=${1:-target/dist/PerpRisk}
runs=${2:-7}
jar=target/perprisk.jar
[ -f "$jar" ] && [ -f target/test-classes/com/perprisk/bench/BareWindow.class ] || {
  echo "measure-startup: build first: mvn -B -ntp -o package -DskipTests && mvn -B -ntp -o test-compile" >&2; exit 2; }
fxcp=$(ls target/lib/javafx-*.jar | paste -sd:)
jsa=target/perprisk-jar.jsa

settings=$(mktemp -d)
trap 'rm -rf "$settings"' EXIT
# the reference's class path: BareWindow and the probe's marker classes only, none of the app's resources (its
# logger service, com.perprisk.ConsoleLoggerFinder, would change what the bare window does at start-up)
refcp="$settings/reference"
mkdir -p "$refcp/com/perprisk/bench" "$refcp/com/perprisk/ui"
cp target/test-classes/com/perprisk/bench/BareWindow*.class "$refcp/com/perprisk/bench/"
cp target/classes/com/perprisk/ui/FirstFrame*.class target/classes/com/perprisk/ui/ThreadCpu*.class "$refcp/com/perprisk/ui/"
display=()
if [ -z "${DISPLAY:-}" ]; then
  display=(xvfb-run -a -s '-screen 0 1280x800x24')
fi
timer=()
if [ -x /usr/bin/time ]; then
  timer=(/usr/bin/time -f '%U %S' -o "$settings/cpu")
fi

# once JAVA ARGS... -> "<first-frame-ms> <cpu-seconds> <rss-kb> <launcher-rss-kb>" (n/a when not printed)
once() {
  local java=$1; shift
  rm -f "$settings/cpu"
  local out
  rm -f "$settings/t0"
  # the clock is read by the shell that then becomes the JVM (exec): every variant is timed from the same moment,
  # before the java launcher runs (for java -jar: before the launcher JVM, whose own start is then in the figure)
  out=$("${display[@]}" "${timer[@]}" bash -c 'date +%s%3N >"$0"; exec "$@"' "$settings/t0" \
      "$java" -Dperprisk.exitAfterFirstFrame=true -Dperprisk.settings.dir="$settings" \
      -Dperprisk.cache.dir="$settings/cache" "$@" 2>/dev/null || true)
  local ms="" epoch t0 rss lrss cpu=""
  epoch=$(sed -n 's/^first-frame-epoch-ms=//p' <<<"$out")
  t0=$(cat "$settings/t0" 2>/dev/null || true)
  [ -n "$epoch" ] && [ -n "$t0" ] && ms=$((epoch - t0))
  rss=$(sed -n 's/^rss-kb=//p' <<<"$out")
  lrss=$(sed -n 's/^rss-launcher-kb=//p' <<<"$out")
  [ -f "$settings/cpu" ] && cpu=$(awk 'NR==1 {printf "%.2f", $1 + $2}' "$settings/cpu")
  echo "${ms:-n/a} ${cpu:-n/a} ${rss:-n/a} ${lrss:-n/a}"
}
median() { { grep -v 'n/a' || true; } | sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "n/a"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

declare -A cmd
names=(bare jar jar-first jar+CDS jar-1jvm jar-nopre)
cmd[bare]="java -cp $refcp:$fxcp com.perprisk.bench.BareWindow"
cmd[jar]="java -jar $jar"
cmd[jar-first]="java -Dperprisk.cache.dir=$settings/first-cache -jar $jar"
cmd[jar+CDS]="java -XX:SharedArchiveFile=$jsa -jar $jar"
cmd[jar-1jvm]="java -Dperprisk.relaunch=false -jar $jar"
cmd[jar-nopre]="java -Dperprisk.preloadClasses=false -jar $jar"

if [ ! -f "$jsa" ] || [ "$jsa" -ot "$jar" ]; then
  rm -f "$jsa"
  "${display[@]}" java -XX:ArchiveClassesAtExit="$jsa" -Dperprisk.exitAfterFirstFrame=true \
      -Dperprisk.settings.dir="$settings" -jar "$jar" >/dev/null 2>&1 || true
fi
# an archive the JVM cannot map would be ignored silently: check that it maps
java -Xshare:on -XX:SharedArchiveFile="$jsa" -jar "$jar" --version >/dev/null 2>&1 \
    || echo "measure-startup: warning: $jsa does not map; jar+CDS runs without it" >&2

app=""
if [ "$app_arg" != "-" ] && [ -f "$app_arg/lib/app/PerpRisk.cfg" ]; then
  app=$(cd "$app_arg" && pwd)
  cfg="$app/lib/app/PerpRisk.cfg"
  ajava="$app/lib/runtime/bin/java"
  acp=$(sed -n "s|^app\.classpath=\\\$APPDIR|$app/lib/app|p" "$cfg" | paste -sd:)
  amain=$(sed -n 's|^app\.mainclass=||p' "$cfg")
  opts=$(sed -n 's|^java-options=||p' "$cfg" | sed "s|\\\$APPDIR|$app/lib/app|" | paste -sd' ')
  nocds=$(sed -n 's|^java-options=||p' "$cfg" | grep -v -e '^-Xshare:' -e '^-XX:SharedArchiveFile=' | paste -sd' ')
  names+=(bare-image app app+CDS)
  cmd[bare-image]="$ajava -cp $refcp com.perprisk.bench.BareWindow"
  cmd[app]="$ajava $nocds -Xshare:off -cp $acp $amain"
  cmd[app+CDS]="$ajava $opts -cp $acp $amain"
fi

declare -A ms cpu
for n in "${names[@]}"; do once ${cmd[$n]} >/dev/null; done # first starts: JavaFX unpacks its natives, caches warm
for ((i = 0; i < runs; i++)); do
  for n in "${names[@]}"; do
    rm -rf "$settings/first-cache"
    read -r m c _ < <(once ${cmd[$n]})
    ms[$n]+="$m "; cpu[$n]+="$c "
  done
done

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs; $runs launches of each, interleaved; $(java -version 2>&1 | head -1)"
[ -f "$jsa" ] && echo "jar AppCDS archive: $jsa ($(du -h "$jsa" | cut -f1))"
[ -n "$app" ] && echo "app-image: $app ($(du -sh "$app" | cut -f1)); AppCDS archive: $( [ -f "$app/lib/app/perprisk.jsa" ] && du -h "$app/lib/app/perprisk.jsa" | cut -f1 || echo none)"
declare -A med
for n in "${names[@]}"; do
  med[$n]=$(tr ' ' '\n' <<<"${ms[$n]}" | grep . | median)
  printf '%-11s first frame (ms): %s  median %s;  CPU s median %s\n' "$n" "${ms[$n]}" "${med[$n]}" \
      "$(tr ' ' '\n' <<<"${cpu[$n]}" | grep . | median)"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "n/a" || b == "n/a" || b == 0) print "n/a"; else printf "%.2f", a / b}'; }
echo "ratio jar / bare:          $(ratio "${med[jar]}" "${med[bare]}")   (goal ≤ 1.5)"
echo "ratio jar-first / bare:    $(ratio "${med[jar-first]}" "${med[bare]}")   (the first start ever, before the jar's archive exists)"
echo "ratio jar+CDS / bare:      $(ratio "${med[jar+CDS]}" "${med[bare]}")   (goal ≤ 1.2)"
echo "ratio jar-1jvm / bare:     $(ratio "${med[jar-1jvm]}" "${med[bare]}")   (one JVM, default options)"
echo "ratio jar-nopre / bare:    $(ratio "${med[jar-nopre]}" "${med[bare]}")   (jar without the class preloading)"
if [ -n "$app" ]; then
  echo "ratio app / bare-image:    $(ratio "${med[app]}" "${med[bare-image]}")   (goal ≤ 1.5)"
  echo "ratio app+CDS / bare-image: $(ratio "${med[app+CDS]}" "${med[bare-image]}")   (goal ≤ 1.2)"
fi

# resident set of the idle window, default JVM options
ws200="$settings/200-positions.perprisk.json"
java -cp "target/test-classes:target/classes:target/lib/*" com.perprisk.bench.WriteWorkspace 200 "$ws200"
demo=""; many=""; demol=""; manyl=""; one=""; bare=""; image=""
for ((i = 0; i < 3; i++)); do
  read -r _ _ r l < <(once java -Dperprisk.settleMs=5000 -jar "$jar"); demo+="$r "; demol+="$l "
  read -r _ _ r l < <(once java -Dperprisk.settleMs=5000 -jar "$jar" "$ws200"); many+="$r "; manyl+="$l "
  read -r _ _ r _ < <(once java -Dperprisk.settleMs=5000 -Dperprisk.relaunch=false -jar "$jar"); one+="$r "
  read -r _ _ r _ < <(once java -Dperprisk.settleMs=5000 -cp "$refcp:$fxcp" com.perprisk.bench.BareWindow); bare+="$r "
  if [ -n "$app" ]; then
    read -r _ _ r _ < <(once ${cmd[app+CDS]/ -cp / -Dperprisk.settleMs=5000 -cp }); image+="$r "
  fi
done
mb() { awk -v k="$1" 'BEGIN {if (k == "n/a") print "n/a"; else printf "%.0f", k / 1024}'; }
rssline() { printf '%s MB, median %s MB' "$(for r in $1; do printf '%s ' "$(mb "$r")"; done)" \
    "$(mb "$(tr ' ' '\n' <<<"$1" | grep . | median)")"; }
echo "resident set 5 s after the first frame (launcher + app JVM), java -jar, demo: $(rssline "$demo") (goal ≤ 200; launcher JVM alone: $(rssline "$demol"))"
echo "resident set 5 s after the first frame (launcher + app JVM), java -jar, 200 positions: $(rssline "$many") (launcher: $(rssline "$manyl"))"
echo "resident set 5 s after the first frame, one JVM (-Dperprisk.relaunch=false), demo: $(rssline "$one")"
[ -n "$app" ] && echo "resident set 5 s after the first frame, the app-image with its archive, demo: $(rssline "$image")"
echo "resident set 5 s after the first frame, the bare JavaFX window: $(rssline "$bare")"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
