"""The locator map, drawn at build time as inline SVG from data: the boundary data clipped to
the frame, the labelled areas, a marker and a label for every place (labels placed so that
none overlaps another label or a marker), a scale bar and a north arrow. No tiles, no script.

Each marker is a link to the place's entry and carries the id `map-<place id>`, which the
`place()` macro links to. The SVG has a title and a description; the same places are also
given as a list under it (distances and directions computed from the coordinates).
"""
from __future__ import annotations

from markupsafe import Markup

from .escape import for_attribute, for_text
from .geo import Projection, bearing, centroid, clip, compass, distance_km

WIDTH = 460.0
FONT = 16.0
CHAR_WIDTH = {"en": 0.56, "ar": 0.56}  # average advance of a character, in font sizes


def _text(value: str) -> str:
    """Text content of an SVG element. The SVG sits in a Markdown page, which would read
    Markdown inside it: every character that could become markup is a reference (escape.py)."""
    return str(for_text(value))


def _overlap(box, boxes) -> float:
    """The area a box shares with boxes already placed."""
    x0, y0, x1, y1 = box
    return sum(max(0.0, min(x1, b[2]) - max(x0, b[0])) * max(0.0, min(y1, b[3]) - max(y0, b[1])) for b in boxes)


def _label(x: float, y: float, text: str, lang: str, css: str, boxes: list, size: float = FONT,
           candidates=((8, 5), (-8, 5), (0, -9), (0, 20), (8, -8), (8, 17), (-8, -8), (-8, 17),
                       (0, -26), (0, 36), (8, 30), (-8, 30), (8, -22), (-8, -22))) -> str:
    """A label near (x, y) where it overlaps nothing already placed (the first candidate that
    fits, else the one that overlaps least), its box recorded. Arabic labels are right-to-left."""
    width = len(text) * size * CHAR_WIDTH[lang]
    ascent, descent = size * 0.95, size * 0.4  # the typefaces' line box, with a little air

    def box_at(left: float, baseline: float) -> tuple:
        return (left - 2, baseline - ascent, left + width + 2, baseline + descent)

    best = None
    for dx, dy in candidates:
        left = x + dx if dx > 0 else x + dx - width if dx < 0 else x - width / 2
        box = box_at(left, y + dy)
        outside = box[0] < 0 or box[2] > WIDTH or box[1] < 0
        cost = _overlap(box, boxes) + (1e6 if outside else 0)
        if best is None or cost < best[0]:
            best = (cost, (left, y + dy, box))
        if cost == 0:
            break
    chosen = best[1]
    left, baseline, box = chosen
    boxes.append(box)
    anchor_x = left + width if lang == "ar" else left  # 'start' is the right end of a right-to-left text
    direction = ' direction="rtl"' if lang == "ar" else ""
    return (f'<text class="{css}" x="{anchor_x:.1f}" y="{baseline:.1f}" font-size="{size:.0f}"{direction}>'
            f"{_text(text)}</text>")


def _path(rings: list, project) -> str:
    parts = []
    for ring in rings:
        points = [project(lon, lat) for lon, lat in ring]
        if len(points) >= 3:
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
    return "".join(parts)


def locator_map(data, lang: str, labels: dict) -> Markup:
    """The map as an <svg> element for a page in `lang`."""
    spec, frame = data.map, data.map.frame
    project = Projection(frame, WIDTH)
    height = project.height
    edges = (frame.west, frame.east, frame.south, frame.north)
    clipped = {}
    for feature in data.boundaries["features"]:
        rings = [ring for ring in (clip(r, *edges) for r in feature["rings"]) if len(ring) >= 3]
        if rings:
            clipped[(feature["country"], feature["name"])] = rings
    # role=group, not img: an image may not hold links (the markers), a group may.
    out = [f'<svg class="locator-map" viewBox="0 0 {WIDTH:.0f} {height:.0f}" role="group" '
           f'aria-labelledby="map-title" aria-describedby="map-desc" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="map-title">{_text(getattr(spec.title, lang))}</title>',
           f'<desc id="map-desc">{_text(getattr(spec.description, lang))}</desc>',
           f'<rect class="map-sea" width="{WIDTH:.0f}" height="{height:.0f}"/>']
    for (country, name), rings in clipped.items():
        focus = " area-named" if any(a.feature == name for a in spec.areas) else ""
        out.append(f'<path class="area country-{for_attribute(country.lower())}{focus}" d="{_path(rings, project)}"/>')
    boxes: list = []
    # Markers first, so that no label is put over one.
    markers = []
    for place in data.places.places:
        if not place.on_map:
            continue
        x, y = project(place.longitude, place.latitude)
        boxes.append((x - 5, y - 5, x + 5, y + 5))
        markers.append((place, x, y))
    for area in spec.areas:
        rings = ([r for (c, n), rs in clipped.items() if n == area.feature for r in rs] if area.feature
                 else [r for (c, n), rs in clipped.items() if c == area.country for r in rs])
        if not rings:
            continue
        ring = max(rings, key=lambda r: abs(_area(r)))
        lon, lat = centroid(ring)
        x, y = project(lon, lat)
        out.append(_label(x, y, getattr(area.name, lang), lang, "area-label", boxes, FONT * 0.85, ((0, 4), (0, -10), (0, 18))))
    for place, x, y in markers:
        name = getattr(place.name, lang)
        out.append(f'<a href="#place-{for_attribute(place.id)}" id="map-{for_attribute(place.id)}" class="map-place" '
                   f'data-lat="{place.latitude}" data-lon="{place.longitude}"><circle cx="{x:.1f}" cy="{y:.1f}" r="4.5"/>'
                   f'{_label(x, y, name, lang, "place-label", boxes)}</a>')
    out.append(_scale_bar(project, height, lang, labels))
    out.append(_north_arrow(lang, labels))
    out.append("</svg>")
    return Markup("".join(out))


def _area(ring) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1])) / 2


def _scale_bar(project: Projection, height: float, lang: str, labels: dict) -> str:
    """A bar of a round number of kilometres, about a fifth of the map's width."""
    target = WIDTH / 5 * project.km_per_unit()
    km = max(n for n in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500) if n <= max(target, 1))
    length = km / project.km_per_unit()
    x, y = 16.0, height - 18
    text = labels["km"].format(km=km)
    direction = ' direction="rtl"' if lang == "ar" else ""
    return (f'<g class="scale-bar"><rect x="{x - 4:.1f}" y="{y - 16:.1f}" width="{length + 8:.1f}" height="26" class="map-panel"/>'
            f'<path d="M{x:.1f},{y:.1f}h{length:.1f}M{x:.1f},{y - 4:.1f}v8M{x + length:.1f},{y - 4:.1f}v8"/>'
            f'<text x="{x + length / 2:.1f}" y="{y - 5:.1f}" text-anchor="middle" font-size="13"'
            f'{direction}>{_text(text)}</text></g>')


def _north_arrow(lang: str, labels: dict) -> str:
    x, y = WIDTH - 24, 16.0
    return (f'<g class="north-arrow"><path d="M{x:.1f},{y:.1f}l7,20l-7,-5l-7,5z"/>'
            f'<text x="{x:.1f}" y="{y + 34:.1f}" text-anchor="middle" font-size="14">{_text(labels["north"])}</text></g>')


def from_reference(data, place, lang: str, labels: dict) -> str:
    """'37 km east-south-east of <the reference place>', computed from the coordinates (or, for
    the reference place itself, that it is the reference)."""
    reference = data.by_id["places"][data.map.reference]
    if place.id == reference.id:
        return labels["reference_place"]
    km = distance_km(reference.latitude, reference.longitude, place.latitude, place.longitude)
    direction = compass(bearing(reference.latitude, reference.longitude, place.latitude, place.longitude), lang)
    return labels["from_reference"].format(km=round(km), direction=direction, place=getattr(reference.name, lang))
