#!/usr/bin/env python3
"""Vendor the world outline the explorer's map draws: land-110m.json from the world-atlas npm package.

    python3 scripts/vendor_world_atlas.py          # needs npm; writes src/newsgraph/serve/static/vendor/

The page may load nothing from the internet at run time (no CDN, no tile server), so the outline ships
with the package: world-atlas 2.0.2 (ISC, Mike Bostock), built from Natural Earth's public-domain 1:110m
land. Its licence text is copied beside it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "world-atlas@2.0.2"
OUT = Path(__file__).resolve().parent.parent / "src" / "newsgraph" / "serve" / "static" / "vendor"


def main() -> int:
    if shutil.which("npm") is None:
        print(
            "npm is not installed; it is needed to fetch the package from the npm registry", file=sys.stderr
        )
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        archive = next(Path(tmp).glob("world-atlas-*.tgz"))
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
        OUT.mkdir(parents=True, exist_ok=True)
        shutil.copy(Path(tmp, "package", "land-110m.json"), OUT / "land-110m.json")
        shutil.copy(Path(tmp, "package", "LICENSE"), OUT / "LICENSE.world-atlas")
    print(f"wrote {OUT / 'land-110m.json'} and its licence")
    return 0


if __name__ == "__main__":
    sys.exit(main())
