#!/usr/bin/env bash
# Builds and starts Tongban at http://localhost:5080 on an embedded SQLite database under ./data,
# migrating it and seeding the demo city on first start. Extra arguments are ASP.NET Core
# configuration and override the defaults, e.g.
#   ./run.sh --urls http://127.0.0.1:5099 --Tongban:DataDirectory=/tmp/x
set -euo pipefail
cd "$(dirname "$0")"
root="$PWD"
dotnet build src/Tongban.Web/Tongban.Web.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
exec dotnet src/Tongban.Web/bin/Release/net10.0/Tongban.Web.dll \
  --contentRoot "$root/src/Tongban.Web" \
  --urls http://localhost:5080 \
  --Tongban:Demo=true \
  --Tongban:DataDirectory="$root/data" \
  "$@"
