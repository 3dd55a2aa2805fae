"""Distances, directions and a map projection, computed from coordinates.

Distances are great-circle (haversine, mean Earth radius); directions are the initial bearing
named on a 16-point compass. The map uses an equirectangular projection whose standard
parallel is the frame's middle latitude: over a frame of a degree or two it keeps distances
true to within a fraction of a per cent, so one scale bar serves the whole map.
"""
from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088

# The sixteen points; in Arabic a point between a cardinal and an intercardinal one is the
# cardinal "tending" to the other ("الشرق مع ميل إلى الجنوب", east-south-east): a hyphenated
# "الشرق-الجنوب الشرقي" is no Arabic.
COMPASS = {
    "en": ["north", "north-north-east", "north-east", "east-north-east", "east", "east-south-east", "south-east",
           "south-south-east", "south", "south-south-west", "south-west", "west-south-west", "west",
           "west-north-west", "north-west", "north-north-west"],
    "ar": ["الشمال", "الشمال مع ميل إلى الشرق", "الشمال الشرقي", "الشرق مع ميل إلى الشمال", "الشرق", "الشرق مع ميل إلى الجنوب",
           "الجنوب الشرقي", "الجنوب مع ميل إلى الشرق", "الجنوب", "الجنوب مع ميل إلى الغرب", "الجنوب الغربي",
           "الغرب مع ميل إلى الجنوب", "الغرب", "الغرب مع ميل إلى الشمال", "الشمال الغربي", "الشمال مع ميل إلى الغرب"],
}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial bearing from the first point to the second, degrees clockwise from north."""
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return (math.degrees(math.atan2(x, y)) + 360) % 360


def compass(degrees: float, lang: str) -> str:
    return COMPASS[lang][int((degrees + 11.25) // 22.5) % 16]


class Projection:
    """Longitude and latitude to SVG x, y (y down) for a frame drawn `width` units wide."""

    def __init__(self, frame, width: float):
        self.frame = frame
        self.kx = math.cos(math.radians((frame.south + frame.north) / 2))
        self.scale = width / ((frame.east - frame.west) * self.kx)
        self.width = width
        self.height = (frame.north - frame.south) * self.scale

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.frame.west) * self.kx * self.scale, (self.frame.north - lat) * self.scale

    def km_per_unit(self) -> float:
        return (math.pi * EARTH_RADIUS_KM / 180) / self.scale


def clip(ring: list, west: float, east: float, south: float, north: float) -> list:
    """Sutherland-Hodgman: the part of a polygon ring inside the frame."""
    edges = [(lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
             (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
             (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
             (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north))]
    points = list(ring)
    for inside, cross in edges:
        if not points:
            break
        result, previous = [], points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    result.append(cross(previous, point))
                result.append(point)
            elif inside(previous):
                result.append(cross(previous, point))
            previous = point
        points = result
    return points


def _at_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _at_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def centroid(points: list) -> tuple[float, float]:
    """Area centroid of a polygon (its vertices' mean if degenerate)."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(area) < 1e-12:
        return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
    return cx / (3 * area), cy / (3 * area)
