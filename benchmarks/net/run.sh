#!/usr/bin/env bash
# The networking benchmarks of BENCHMARKS.md ("Networking"): echo, idle connections, fetch.
#
#   benchmarks/net/run.sh [echo] [idle] [fetch]      (all three by default)
#
# Environment: JAVA_HOME, a JDK 21 or newer for the virtual-thread rows (default: the java on the
# PATH); PYTHON, the Python that has aiohttp and uvloop (default: Debian's /usr/bin/python3 if there
# is one, else python3); CONNECTIONS, the idle connections (default 10000).
#
# Run as root on Debian, it installs what the fetch benchmark needs (nginx, python3-aiohttp,
# python3-uvloop) with apt-get; otherwise it skips, with a message, what it cannot run. The fetch
# benchmark starts its own nginx, with its own configuration, on a free port of 127.0.0.1, in a
# temporary directory that it removes with the server at the end. Not part of the build or of CI.
# The tables are printed and written to benchmarks/target/net-benchmarks.md.
set -euo pipefail

cd "$(dirname "$0")/../.."
BENCHMARKS=("$@")
[ ${#BENCHMARKS[@]} -eq 0 ] && BENCHMARKS=(echo idle fetch)
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CONNECTIONS="${CONNECTIONS:-10000}"
if [ -z "${PYTHON:-}" ]; then
    if [ -x /usr/bin/python3 ]; then PYTHON=/usr/bin/python3; else PYTHON=python3; fi
fi
OUT=benchmarks/target/net-benchmarks.md

wants() { [[ " ${BENCHMARKS[*]} " == *" $1 "* ]]; }

echo "== building the benchmarks module"
mvn -B -q -ntp -pl benchmarks -am package -DskipTests \
    dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CLASSPATH_="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
run_java() { "$JAVA" -classpath "$CLASSPATH_" "$@"; }
"$JAVA" -version 2>&1 | head -1
mkdir -p benchmarks/target
{ echo "# Networking benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"; echo; } > "$OUT"

if wants echo; then
    echo "== echo"
    run_java org.jasyncio.benchmarks.net.EchoBenchmark | tee -a "$OUT"
fi

if wants idle; then
    echo "== idle connections"
    # Each side (this JVM's client ends, the server's JVM) holds one descriptor per connection.
    needed=$((CONNECTIONS + 500))
    if [ "$(ulimit -Sn)" != unlimited ] && [ "$(ulimit -Sn)" -lt "$needed" ]; then
        ulimit -Sn "$needed" 2>/dev/null || true
    fi
    if [ "$(ulimit -Sn)" != unlimited ] && [ "$(ulimit -Sn)" -lt "$needed" ]; then
        echo "Skipping idle connections: $CONNECTIONS connections need $needed file descriptors per process," \
             "and ulimit -n allows $(ulimit -Sn) (hard limit $(ulimit -Hn)); raise it, or set CONNECTIONS lower." | tee -a "$OUT"
    else
        run_java org.jasyncio.benchmarks.net.IdleConnections --connections "$CONNECTIONS" | tee -a "$OUT"
    fi
fi

if wants fetch; then
    echo "== fetch"
    missing=()
    command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
    "$PYTHON" -c 'import aiohttp' 2>/dev/null || missing+=(python3-aiohttp)
    "$PYTHON" -c 'import uvloop' 2>/dev/null || missing+=(python3-uvloop)
    if [ ${#missing[@]} -gt 0 ]; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
            echo "installing ${missing[*]} with apt-get"
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null \
                || echo "apt-get could not install ${missing[*]}; what needs them is skipped"
        else
            echo "Not root or no apt-get: cannot install ${missing[*]}; what needs them is skipped."
        fi
    fi
    NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
    if [ ! -x "$NGINX" ]; then
        echo "Skipping fetch: there is no nginx (Debian: apt-get install nginx)." | tee -a "$OUT"
    else
        work="$(mktemp -d)"
        nginx_pid=""
        stop_nginx() {
            if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
            rm -rf "$work"
        }
        trap stop_nginx EXIT
        # nginx's workers may run as another user: they must be able to read the page.
        chmod 755 "$work"
        mkdir -p "$work/www" "$work/temp"
        head -c 10240 /dev/zero | tr '\0' 'x' > "$work/www/page.html"
        chmod -R a+rX "$work/www"
        port="$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
        cat > "$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/temp/body;
    proxy_temp_path $work/temp/proxy;
    fastcgi_temp_path $work/temp/fastcgi;
    uwsgi_temp_path $work/temp/uwsgi;
    scgi_temp_path $work/temp/scgi;
    keepalive_requests 100000;
    server {
        listen 127.0.0.1:$port;
        root $work/www;
    }
}
CONF
        "$NGINX" -p "$work" -c "$work/nginx.conf" -e "$work/error.log" &
        nginx_pid=$!
        for _ in $(seq 50); do
            if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
            sleep 0.1
        done
        echo "nginx $("$NGINX" -v 2>&1 | sed 's/.*\///') on port $port, pid $nginx_pid"
        run_java org.jasyncio.benchmarks.net.FetchBenchmark --url "http://127.0.0.1:$port/page.html" --size 10240 \
            --python "$PYTHON" --script benchmarks/net/fetch_aiohttp.py | tee -a "$OUT"
        stop_nginx
        trap - EXIT
    fi
fi
echo "written to $OUT"
