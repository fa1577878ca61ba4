#!/usr/bin/env bash
# Installs what the portal and its tests need on a fresh Debian machine of this kind:
# PostgreSQL server binaries, Chromium for browser tests, poppler-utils (pdfsig, pdftoppm) and qpdf for PDF
# checks, libnss3-tools (certutil, for the test NSS database that trusts the city root), and fonts.
# Does nothing when everything is already there.
set -euo pipefail

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdfsig >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
command -v certutil >/dev/null 2>&1 || missing+=(libnss3-tools)
command -v runuser >/dev/null 2>&1 || missing+=(util-linux)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
[ -e /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf ] || missing+=(fonts-liberation)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The Debian postgresql package starts a system cluster we do not use.
  if [[ " ${missing[*]} " == *" postgresql "* ]]; then $SUDO service postgresql stop >/dev/null 2>&1 || true; fi
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK is required (see global.json)." >&2
  exit 1
fi
