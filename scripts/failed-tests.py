#!/usr/bin/env python3
"""Lists the failed tests of every TRX file in a folder, each with the first lines of its error, so that the end
of a test run (often the only part of a CI log one sees) names what failed."""
import glob
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def main(folder: str) -> int:
    failures = []
    for path in sorted(glob.glob(f"{folder}/*.trx")):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as error:
            failures.append((path, f"unreadable results file: {error}"))
            continue
        for result in root.iterfind(".//t:UnitTestResult", NS):
            if result.get("outcome") != "Failed":
                continue
            message = result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=NS)
            lines = [line for line in message.strip().splitlines() if line.strip()][:6]
            failures.append((result.get("testName", "?"), "\n      ".join(lines)))
    if failures:
        print(f"Failed tests ({len(failures)}):")
        for name, message in failures:
            print(f"  - {name}\n      {message}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "artifacts/test-results"))
