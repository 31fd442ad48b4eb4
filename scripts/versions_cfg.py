"""Write buildout's ``versions.cfg`` from pip's ``constraints.txt``.

Usage: python scripts/versions_cfg.py constraints.txt > versions.cfg
"""

import re
import sys


PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)")


def versions(lines):
    """Yield ``name = version`` for each ``name==version`` line."""
    for line in lines:
        match = PIN.match(line.strip())
        if match:
            yield f"{match.group(1)} = {match.group(2)}"


def main(path):
    with open(path, encoding="utf-8") as constraints:
        pins = sorted(versions(constraints), key=str.lower)
    print("# Generated from constraints.txt by 'make versions.cfg': do not edit.")
    print("[versions]")
    print("\n".join(pins))


if __name__ == "__main__":
    main(sys.argv[1])
