# Shared by the benchmark scripts (sourced after they set ROOT): tools, the JDK, psql, and signing in over HTTP.
export ORBIT_BENCH_DIR=$ROOT/bench
OUT=$ROOT/bench/target
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
PASSWORD=bench-password-2026
mkdir -p "$OUT"
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
. "$ROOT/.mvn/find-jdk.sh"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

# sign_in BASE EMAIL: signs in over the login form and prints the session cookie (NAME=value).
sign_in() {
  local jar="$OUT/cookies-$2"
  rm -f "$jar"
  local csrf
  csrf=$(curl -s -c "$jar" -b "$jar" "$1/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=$2" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$1/login"
  awk '$6 == "SESSION" || $6 == "JSESSIONID" {print $6 "=" $7}' "$jar" | tail -n 1
}

# sign_up BASE EMAIL WORKSPACE NAME: a new workspace over the API bootstrap; prints its answer's JSON.
sign_up() {
  curl -sf -X POST "$1/api/signup" -H 'Content-Type: application/json' \
    -d "{\"workspace\": \"$3\", \"name\": \"$4\", \"email\": \"$2\", \"password\": \"$PASSWORD\"}"
}

# token_for BASE EMAIL: a new API token of that account (HTTP Basic); prints the token.
token_for() {
  curl -sf -X POST "$1/api/tokens" -u "$2:$PASSWORD" -H 'Content-Type: application/json' -d '{"name": "bench"}' \
    | python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])'
}

# field JSON NAME: one field of a JSON object.
field() {
  echo "$1" | python3 -c "import sys, json; print(json.load(sys.stdin)['$2'])"
}
