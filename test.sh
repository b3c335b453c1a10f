#!/usr/bin/env bash
# Installs what the tests need (Debian packages only) and runs every tier:
# format check, domain tests, integration tests on SQLite and a throwaway PostgreSQL 15, browser tests,
# then a tiny benchmark smoke run.
set -euo pipefail
cd "$(dirname "$0")"
root="$PWD"

need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
command -v chromium >/dev/null || need+=(chromium)
[ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || need+=(fonts-droid-fallback)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v zbarimg >/dev/null || need+=(zbar-tools)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# A throwaway PostgreSQL cluster on a free loopback port, removed on exit.
pg_bin=/usr/lib/postgresql/15/bin
pg_dir="$(mktemp -d /tmp/tongban-pg.XXXXXX)"
pg_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
cleanup() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
export TONGBAN_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
echo "PostgreSQL 15 test cluster on port $pg_port"

tools/build-assets.sh
dotnet build Tongban.slnx -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet format Tongban.slnx --verify-no-changes --no-restore -v quiet

status=0
for project in tests/Tongban.Domain.Tests tests/Tongban.IntegrationTests tests/Tongban.BrowserTests; do
  echo "== $project"
  dotnet test "$project" -c Release --no-build -nologo --logger "console;verbosity=minimal" || status=1
done

# The benchmark at a tiny scale on the same cluster (its own database): it runs and its numbers are
# sane (every scenario answered without errors at a nonzero rate); never a timing threshold.
echo "== bench smoke"
dotnet run --project bench/Tongban.Bench -c Release --no-build -- all --no-build --check \
  --scale 0.0005 --clients 4 --warmup 1 --duration 2 \
  --connection "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres" \
  --state "$pg_dir/bench/state.json" --out "$pg_dir/bench" || status=1
exit $status
