#!/usr/bin/env bash
# Builds and starts Tongban at http://localhost:5080 on an embedded SQLite database under ./data,
# migrating it and seeding the demo city on first start. Extra arguments are ASP.NET Core
# configuration and override the defaults, e.g.
#   ./run.sh --urls http://127.0.0.1:5099 --Tongban:DataDirectory=/tmp/x
set -euo pipefail
cd "$(dirname "$0")"
root="$PWD"
# Generated PDFs (item guides, receipts, e-licences) embed Debian's CJK and Latin fonts
# (Tongban:Documents:CjkFont / LatinFont). Install them when missing; PDF downloads fail without them.
fonts=()
[ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || fonts+=(fonts-droid-fallback)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || fonts+=(fonts-dejavu-core)
if [ ${#fonts[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO="sudo"
  if command -v apt-get >/dev/null && { [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; }; then
    echo "Installing fonts for PDF documents: ${fonts[*]}"
    { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${fonts[@]}"; } \
      || echo "WARNING: could not install ${fonts[*]}; PDF downloads will fail until they are installed." >&2
  else
    echo "WARNING: fonts for PDF documents are missing (Debian packages: ${fonts[*]}). Install them, or point" >&2
    echo "         Tongban:Documents:CjkFont and Tongban:Documents:LatinFont at TrueType fonts; PDF downloads fail until then." >&2
  fi
fi

tools/build-assets.sh || echo "WARNING: the dashboard charts could not be built; its tables still work." >&2
dotnet build src/Tongban.Web/Tongban.Web.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
exec dotnet src/Tongban.Web/bin/Release/net10.0/Tongban.Web.dll \
  --contentRoot "$root/src/Tongban.Web" \
  --urls http://localhost:5080 \
  --Tongban:Demo=true \
  --Tongban:DataDirectory="$root/data" \
  "$@"
