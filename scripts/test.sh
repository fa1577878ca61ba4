#!/usr/bin/env bash
# Runs every test: unit, integration (private PostgreSQL clusters), identity and browser tests
# (Chromium). Results go to artifacts/test-results, screenshots to artifacts/screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/prerequisites.sh

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results" artifacts/screenshots

dotnet build Superapps.sln -c Release -nologo -clp:ErrorsOnly
status=0
# Every test but the browser journeys, the test assemblies in parallel; then the browser journeys on their own, so the
# portal they drive answers on a machine that is not also busy with every other suite (2 cores on CI).
dotnet test Superapps.sln -c Release --no-build --nologo --filter "FullyQualifiedName!~Superapps.BrowserTests" \
  --logger "trx" --results-directory "$results" \
  --logger "console;verbosity=normal" -- RunConfiguration.TestSessionTimeout=3000000 || status=$?
dotnet test tests/Superapps.BrowserTests -c Release --no-build --nologo \
  --logger "trx" --results-directory "$results" \
  --logger "console;verbosity=normal" -- RunConfiguration.TestSessionTimeout=3000000 || status=$?

# A closing line any CI can read: "N passed, N failed, N skipped".
sum() { grep -ho "$1=\"[0-9]*\"" "$results"/*.trx 2>/dev/null | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'; }
passed=$(sum passed); failed=$(sum failed); total=$(sum total); executed=$(sum executed)
skipped=$((total - executed))
if [ "$total" -eq 0 ]; then
  echo "No tests ran." >&2
  status=1
fi
python3 scripts/failed-tests.py "$results" || true
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit $status
