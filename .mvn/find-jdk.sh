# Sourced by ./mvnw: Orbit CRM builds with JDK 21 or later (jOOQ 3.21 runs inside Maven and needs it).
# When JAVA_HOME (or the java on PATH) is older, pick the newest JDK >= 21 from the usual places.
# Keep this hook if mvnw is regenerated: it is one line near the top of mvnw.
orbit_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
orbit_current_java="${JAVA_HOME:+$JAVA_HOME/bin/java}"
[ -n "$orbit_current_java" ] || orbit_current_java="$(command -v java 2>/dev/null || true)"
if [ -z "$orbit_current_java" ] || [ "$(orbit_java_major "$orbit_current_java" || echo 0)" -lt 21 ] 2>/dev/null; then
  orbit_best=""; orbit_best_major=0
  case $- in *f*) orbit_noglob=1; set +f ;; *) orbit_noglob="" ;; esac   # mvnw runs with set -f
  for orbit_candidate in /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/* \
                         /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$orbit_candidate/bin/javac" ] || continue
    orbit_major="$(orbit_java_major "$orbit_candidate/bin/java")"
    if [ -n "$orbit_major" ] && [ "$orbit_major" -ge 21 ] && [ "$orbit_major" -gt "$orbit_best_major" ]; then
      orbit_best="$orbit_candidate"; orbit_best_major="$orbit_major"
    fi
  done
  [ -z "$orbit_noglob" ] || set -f
  if [ -n "$orbit_best" ]; then
    export JAVA_HOME="$orbit_best"
    echo "[orbit] using JDK $orbit_best_major at $JAVA_HOME (the default java is older than 21)" >&2
  fi
fi
unset orbit_current_java orbit_best orbit_best_major orbit_candidate orbit_major orbit_noglob
