#!/usr/bin/env bash
# Runs the portal with the demo city: private PostgreSQL under .data/, identity and portal on 127.0.0.1.
# Set SUPERAPPS_CONNECTION_STRING to use another PostgreSQL database instead.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/prerequisites.sh
dotnet build tools/Superapps.DevHost -nologo -clp:ErrorsOnly
exec dotnet tools/Superapps.DevHost/bin/Debug/net10.0/Superapps.DevHost.dll
