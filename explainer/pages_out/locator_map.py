"""The locator map, drawn at build time as inline SVG from data: the boundary data clipped to
the frame, the labelled areas, a marker and a label for every place (labels placed so that
none overlaps another label or a marker), a scale bar and a north arrow. No tiles, no script.

Each marker is a link to the place's entry and carries the id `map-<place id>`, which the
`place()` macro links to. The SVG has a title and a description; the same places are also
given as a list under it (distances and directions computed from the coordinates).
"""
from __future__ import annotations

import functools
import math

from markupsafe import Markup

from .escape import for_attribute, for_text
from .geo import Projection, bearing, centroid, clip, compass, distance_km

WIDTH = 460.0
FONT = 16.0
AREA_FONT = 14.0
# The map's width on the narrowest screen we serve, 320 px (the page's margins and the map's
# border taken off; the map is as wide as the text column there, wider on larger screens). A
# link's target is at least 24 CSS px square there (WCAG 2.5.8), so on every screen; TARGET is
# that side in the map's units.
NARROWEST_PX = 286.0
TARGET = 24.0 * WIDTH / NARROWEST_PX
MARKER = 4.5  # the marker's radius; its box, with a little air, is what labels keep clear of
# The faces' line box (ascent, descent), in font sizes: what a browser reports as a text's box.
LINE = {"en": (1.07, 0.30), "ar": (1.07, 0.64)}
# Advances, in font sizes, of the bold faces (Noto Serif, Noto Naskh Arabic) the labels are set
# in, by groups of letters of similar width and rounded up: an estimate a few per cent wide,
# which is the safe side. Arabic letters have a narrower form when they join the next letter.
LATIN = (("fijlrtI.,;:'’-() ", 0.42), ("mwMW", 0.99), ("ABCDEFGHJKLNOPQRSTUVXYZ", 0.80))
LATIN_OTHER = 0.67
ARABIC = (("اأإآٱ", 0.30, 0.30), ("بتثنيىئ", 0.37, 0.82), ("جحخ", 0.67, 0.67), ("دذ", 0.49, 0.49),
          ("رز", 0.40, 0.40), ("سش", 0.71, 1.07), ("صض", 0.86, 1.14), ("طظ", 0.72, 0.80),
          ("عغ", 0.53, 0.61), ("فق", 0.44, 0.86), ("ك", 0.48, 0.63), ("ل", 0.25, 0.62), ("م", 0.48, 0.51),
          ("ه", 0.53, 0.43), ("وؤ", 0.51, 0.51), ("ة", 0.52, 0.52), ("ء", 0.46, 0.46))
ARABIC_OTHER = (0.55, 0.85)
NON_JOINING = set("اأإآٱدذرزوؤةء")  # letters that never join the letter after them


def text_width(text: str, lang: str, size: float) -> float:
    """An estimate of a label's advance width, in the map's units."""
    if lang != "ar":
        return size * sum(next((w for group, w in LATIN if c in group), LATIN_OTHER) for c in text)
    total = 0.0
    for i, c in enumerate(text):
        joined, free = next(((j, f) for group, j, f in ARABIC if c in group), ARABIC_OTHER)
        follows = text[i + 1] if i + 1 < len(text) else " "
        joins = c not in NON_JOINING and "\u0621" <= follows <= "\u064a" and follows != "ء"
        total += joined if joins else free
    return size * total


def _text(value: str) -> str:
    """Text content of an SVG element. The SVG sits in a Markdown page, which would read
    Markdown inside it: every character that could become markup is a reference (escape.py)."""
    return str(for_text(value))


def _overlap(box, boxes) -> float:
    """The area a box shares with the boxes given."""
    x0, y0, x1, y1 = box
    return sum(max(0.0, min(x1, b[2]) - max(x0, b[0])) * max(0.0, min(y1, b[3]) - max(y0, b[1])) for b in boxes)


def _shared(a, b) -> float:
    """The area two boxes share: _overlap(a, [b]), without the list (the labels' hot loop)."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _grown(box, side: float):
    """The box grown to at least `side` each way: about its centre, or from one edge."""
    x0, y0, x1, y1 = box
    dx, dy = max(0.0, side - (x1 - x0)), max(0.0, side - (y1 - y0))
    for fy in (0.5, 0.0, 1.0):
        for fx in ((0.5, 0.0, 1.0) if dx else (0.5,)):
            yield (x0 - dx * fx, y0 - dy * fy, x1 + dx * (1 - fx), y1 + dy * (1 - fy))


# Where a label may go around its marker, in order of preference: beside it on the side its
# text starts from (right in English, left in Arabic), then above or below beside it, then the
# other side, then centred above or below; then the same again a step farther out. Each is
# (horizontal, vertical): -1 before the marker, 0 centred on it, 1 after it.
AROUND = ((1, 0), (1, -1), (1, 1), (-1, 0), (-1, -1), (-1, 1), (0, -1), (0, 1))


def _candidates(x: float, y: float, width: float, size: float, lang: str):
    """Label boxes (left, top, right, bottom) around a marker at (x, y), and their baselines."""
    ascent, descent = (size * m for m in LINE[lang])
    height = ascent + descent
    mirror = -1 if lang == "ar" else 1
    for step in (0.0, 6.0, 14.0, 24.0):
        for h, v in AROUND:
            h *= mirror
            # Beside: clear of the marker's box; above or below beside it: from near its centre.
            gap_x, gap_y = (MARKER + 3 + step, MARKER + 2 + step) if v == 0 else (2 + step, MARKER + 2 + step)
            left = x + gap_x if h > 0 else x - gap_x - width if h < 0 else x - width / 2
            if v < 0:
                top = y - gap_y - height
            elif v > 0:
                top = y + gap_y
            else:  # the middle of the letters' body (about a third of the size) at the marker's centre
                top = y + size * 0.3 - ascent
            yield (left, top, left + width, top + height), top + ascent


class Labels:
    """Where the labels go. The areas' names first, each in the first of its places that
    overlaps nothing drawn so far (markers, scale bar, north arrow, other names). Then the
    places' names all together: each where it overlaps nothing and where its link's target
    covers no other place's marker or name, nor another target its own (so that a tap on what a
    reader sees reaches that place), chosen greedily, most crowded place first, then each place
    again given all the others until nothing changes. Deterministic: the same data, the same map."""

    def __init__(self, height: float):
        self.height = height
        self.drawn: list = []  # boxes every label keeps clear of

    def add(self, box) -> None:
        self.drawn.append(box)

    def _cost(self, box) -> float:
        padded = (box[0] - 1, box[1], box[2] + 1, box[3])
        outside = padded[0] < 0 or padded[2] > WIDTH or padded[1] < 0 or padded[3] > self.height
        return (1e6 if outside else 0) + 100 * _overlap(padded, self.drawn)

    def area(self, x, y, text, lang, size):
        """The box and baseline of an area's name near (x, y)."""
        width = text_width(text, lang, size)
        options = list(_area_candidates(x, y, width, size, lang))
        box, baseline = min(options, key=lambda o: self._cost(o[0]))  # min keeps the first of equals
        self.drawn.append(box)
        return box, baseline

    def places(self, names: list) -> list:
        """For each (x, y, text, lang, size) of a marker and its name: the name's box, its
        baseline and the link's target (the marker and the name, grown to TARGET)."""
        options = []
        for x, y, text, lang, size in names:
            marker = (x - MARKER - 1, y - MARKER - 1, x + MARKER + 1, y + MARKER + 1)
            mine = []
            for rank, (box, baseline) in enumerate(_candidates(x, y, text_width(text, lang, size), size, lang)):
                cost = self._cost(box) + rank * 0.5
                mine.extend((box, baseline, target, marker, cost) for target in _grown(box, TARGET))
            options.append(mine)

        def between(a, b) -> float:
            box_a, _, target_a, marker_a, _ = a
            box_b, _, target_b, marker_b, _ = b
            return (100 * (_shared(box_a, box_b) + _shared(box_a, target_b) + _shared(box_b, target_a)
                           + _shared(target_a, marker_b) + _shared(target_b, marker_a))
                    + _shared(target_a, target_b))  # targets touching: a lesser evil

        # Where each option reaches (its box, target and marker together), and each place's
        # options all together: two options whose reaches do not meet cost each other nothing,
        # and the options of two places that never meet need no comparing (most pairs of a
        # map's places; comparing them all was a third of the render's time).
        reach = [[_union(_union(box, target), marker) for box, _, target, marker, _ in mine] for mine in options]
        extent = [functools.reduce(_union, boxes) for boxes in reach]
        near = [[i != j and _meet(extent[i], extent[j]) for j in range(len(names))] for i in range(len(names))]

        def best(i, chosen) -> int:
            others = [(j, c) for j, c in chosen.items() if near[i][j]]
            return min(range(len(options[i])), key=lambda k: options[i][k][4] + sum(
                between(options[i][k], options[j][c]) for j, c in others if _meet(reach[i][k], reach[j][c])))

        crowded = sorted(range(len(names)), key=lambda i: -sum(
            math.hypot(names[i][0] - x, names[i][1] - y) < 60 for x, y, *_ in names))
        chosen: dict = {}
        for i in crowded:
            chosen[i] = best(i, chosen)
        for _ in range(10):
            changed = False
            for i in crowded:
                k = best(i, chosen)
                changed, chosen[i] = changed or k != chosen[i], k
            if not changed:
                break
        placed = [options[i][chosen[i]][:3] for i in range(len(names))]
        self.drawn.extend(box for box, _, _ in placed)
        return placed


def _union(a, b) -> tuple:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _meet(a, b) -> bool:
    """Whether two boxes share some area (if not, every _shared of their parts is 0)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _label_element(box, baseline, x: float, text: str, lang: str, css: str, size: float) -> str:
    """The <text> of a label in `box`, held by its edge nearest the marker at x (or its middle):
    the box is an estimate a little wide, so the text ends short of its far edge."""
    if box[0] >= x:
        at, anchor = box[0], "end" if lang == "ar" else "start"
    elif box[2] <= x:
        at, anchor = box[2], "start" if lang == "ar" else "end"
    else:
        at, anchor = (box[0] + box[2]) / 2, "middle"
    anchor = "" if anchor == "start" else f' text-anchor="{anchor}"'
    direction = ' direction="rtl"' if lang == "ar" else ""  # its 'start' is then the right end
    return (f'<text class="{css}" x="{at:.1f}" y="{baseline:.1f}" font-size="{size:g}"{anchor}{direction}>'
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
    layout = Labels(height)
    layout.add(_scale_bar_box(project, height))
    layout.add(_north_arrow_box())
    # Markers first, so that no label is put over one.
    markers = []
    for place in data.places.places:
        if not place.on_map:
            continue
        x, y = project(place.longitude, place.latitude)
        layout.add((x - MARKER - 1, y - MARKER - 1, x + MARKER + 1, y + MARKER + 1))
        markers.append((place, x, y))
    names = [(x, y, getattr(place.name, lang), lang, FONT) for place, x, y in markers]
    links = []
    for (place, x, y), (box, baseline, target) in zip(markers, layout.places(names)):
        # The target: an unpainted rectangle over the name that still takes taps and clicks
        # (pointer-events), at least 24 CSS px square on any screen; the marker is part of it too.
        x0, y0 = (math.floor(v * 10) / 10 for v in target[:2])  # rounded outwards
        x1, y1 = (math.ceil(v * 10) / 10 for v in target[2:])
        hit = (f'<rect class="map-target" x="{x0:.1f}" y="{y0:.1f}" width="{x1 - x0:.1f}" height="{y1 - y0:.1f}" '
               f'fill="none" pointer-events="all"/>')
        links.append(f'<a href="#place-{for_attribute(place.id)}" id="map-{for_attribute(place.id)}" class="map-place" '
                   f'data-lat="{place.latitude}" data-lon="{place.longitude}">{hit}<circle cx="{x:.1f}" cy="{y:.1f}" r="{MARKER:g}"/>'
                   f'{_label_element(box, baseline, x, getattr(place.name, lang), lang, "place-label", FONT)}</a>')
    # The areas' names last: they give way to the places'.
    for area in spec.areas:
        rings = ([r for (c, n), rs in clipped.items() if n == area.feature for r in rs] if area.feature
                 else [r for (c, n), rs in clipped.items() if c == area.country for r in rs])
        if not rings:
            continue
        ring = max(rings, key=lambda r: abs(_area(r)))
        x, y = project(*centroid(ring))
        name = getattr(area.name, lang)
        box, baseline = layout.area(x, y, name, lang, AREA_FONT)
        out.append(_label_element(box, baseline, x, name, lang, "area-label", AREA_FONT))
    out.extend(links)  # over the areas' names
    out.append(_scale_bar(project, height, lang, labels))
    out.append(_north_arrow(lang, labels))
    out.append("</svg>")
    return Markup("".join(out))


def _area_candidates(x, y, width, size, lang):
    """An area's name sits on its centroid, or a line above or below it."""
    ascent, descent = (size * m for m in LINE[lang])
    for dy in (0.0, -size * 1.1, size * 1.1, -size * 2.2, size * 2.2):
        top = y + dy + size * 0.3 - ascent
        yield (x - width / 2, top, x + width / 2, top + ascent + descent), top + ascent


def _area(ring) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1])) / 2


def _scale_km(project: Projection) -> tuple[int, float]:
    """A round number of kilometres, about a fifth of the map's width, and its length."""
    target = WIDTH / 5 * project.km_per_unit()
    km = max(n for n in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500) if n <= max(target, 1))
    return km, km / project.km_per_unit()


def _scale_bar_box(project: Projection, height: float) -> tuple:
    x, y = 16.0, height - 18
    return (x - 4, y - 16, x + _scale_km(project)[1] + 4, y + 10)


def _north_arrow_box() -> tuple:
    x, y = WIDTH - 24, 16.0
    return (x - 12, y, x + 12, y + 38)


def _scale_bar(project: Projection, height: float, lang: str, labels: dict) -> str:
    """A bar of a round number of kilometres, about a fifth of the map's width."""
    km, length = _scale_km(project)
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
