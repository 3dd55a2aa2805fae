"""Pictures built from data: the locator map (inline SVG: a marker per place, in the right
places relative to each other, labels in the page's language that do not overlap, a scale and
a north arrow, an accessible name and the same facts as a list) and the vertical timeline
(sorted, cited, the report's day marked, disputed dates shown as a range). Mistakes in their
data are located errors."""
from __future__ import annotations

import itertools
import math
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import edit, problems_of, real_data


DATA = real_data()
ON_MAP = [p for p in DATA.places.places if p.on_map]


def parse(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("name, lang", [("places.html", "en"), ("ar/places.html", "ar")])
def test_the_map_marks_every_place_where_its_coordinates_say(real_site, name, lang):
    svg = parse(real_site, name).select_one("svg.locator-map")
    assert svg["role"] == "group" and svg["aria-labelledby"] == "map-title" and svg["aria-describedby"] == "map-desc"
    assert svg.select_one("title").get_text() == getattr(DATA.map.title, lang)
    assert svg.select_one("desc").get_text() == getattr(DATA.map.description, lang)
    markers = svg.select("a.map-place")
    assert [m["id"] for m in markers] == [f"map-{p.id}" for p in ON_MAP]
    positions = {}
    for marker, place in zip(markers, ON_MAP):
        circle = marker.select_one("circle")
        positions[place.id] = (float(circle["cx"]), float(circle["cy"]))
        assert marker["href"] == f"#place-{place.id}"
        label = marker.select_one("text.place-label")
        assert label.get_text() == getattr(place.name, lang)
        assert (label.get("direction") == "rtl") == (lang == "ar")
    for a, b in itertools.combinations(ON_MAP, 2):
        (xa, ya), (xb, yb) = positions[a.id], positions[b.id]
        if abs(a.longitude - b.longitude) > 1e-6:
            assert (xa < xb) == (a.longitude < b.longitude), (a.id, b.id)  # east is right
        if abs(a.latitude - b.latitude) > 1e-6:
            assert (ya < yb) == (a.latitude > b.latitude), (a.id, b.id)  # north is up
    assert re.fullmatch(r"\d+ (km|كم)", svg.select_one(".scale-bar text").get_text())
    assert svg.select_one(".north-arrow path")


def test_a_place_in_the_text_links_to_its_marker_and_the_list_gives_distances(real_site):
    soup = parse(real_site, "index.html")
    assert soup.select('a[href="places.html#map-busra-al-sham"]')
    places = parse(real_site, "places.html")
    reference = DATA.by_id["places"][DATA.map.reference]
    items = places.select("ul.map-list > li")
    assert len(items) == len(DATA.places.places)
    for item, place in zip(items, DATA.places.places):
        assert item.select_one("a")["href"] == f"#place-{place.id}"
        if place.id == reference.id:
            continue
        # An independent estimate (equirectangular), against the page's great-circle figure.
        kx = math.cos(math.radians((place.latitude + reference.latitude) / 2))
        estimate = 111.195 * math.hypot((place.longitude - reference.longitude) * kx, place.latitude - reference.latitude)
        shown = int(re.search(r"(\d+) km", item.get_text()).group(1))
        assert abs(shown - estimate) <= max(1.5, estimate * 0.01), (place.id, shown, estimate)
        direction = "north" if place.latitude > reference.latitude else "south"
        if abs(place.latitude - reference.latitude) > abs(place.longitude - reference.longitude) * kx * 2:
            assert f"km {direction}" in item.get_text(), item.get_text()


def test_labels_do_not_overlap_on_a_phone(browser, server):
    for name in ("places", "ar/places"):
        context = browser.new_context(viewport={"width": 360, "height": 800})
        page = context.new_page()
        page.goto(f"{server}/{name}.html")
        boxes = page.evaluate("""() => [...document.querySelectorAll('svg.locator-map text.place-label')]
            .map(t => { const b = t.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height, t.textContent]; })""")
        assert len(boxes) == len(ON_MAP)
        for a, b in itertools.combinations(boxes, 2):
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (name, a[4], b[4])
        width = page.evaluate("document.querySelector('svg.locator-map').getBoundingClientRect().width")
        assert 300 <= width <= 360
        context.close()


@pytest.mark.parametrize("name, lang", [("timeline.html", "en"), ("ar/timeline.html", "ar")])
def test_the_timeline_is_sorted_cited_and_marks_the_report_day(real_site, name, lang):
    soup = parse(real_site, name)
    entries = soup.select("ol.timeline > li.time-entry")
    assert [e["id"] for e in entries] == [f"time-{e.id}" for e in DATA.timeline.entries]
    days = [e.select_one("time")["datetime"] for e in entries]
    assert days == sorted(days)
    assert all(e.select("sup.cite a") for e in entries)
    report_days = soup.select("li.report-day")
    assert [e["id"] for e in report_days] == [f"time-{e.id}" for e in DATA.timeline.entries if e.is_report_day]
    labels = {"en": ("the day of the report", "sources differ on the date"), "ar": ("يوم التقرير", "تختلف المصادر في التاريخ")}[lang]
    assert labels[0] in report_days[0].get_text()
    differ = [e for e in DATA.timeline.entries if e.dates_differ]
    assert differ
    for entry in differ:
        item = soup.find(id=f"time-{entry.id}")
        assert labels[1] in item.get_text() and "dates-differ" in item["class"]
        assert str(entry.end_date.day) in item.select_one("time").get_text()


def test_the_timeline_reads_right_to_left_in_arabic(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    for name, side in (("timeline", "left"), ("ar/timeline", "right")):
        page.goto(f"{server}/{name}.html")
        style = page.evaluate("(() => { const s = getComputedStyle(document.querySelector('ol.timeline')); "
                              "return [s.borderLeftWidth, s.borderRightWidth]; })()")
        assert style[0 if side == "left" else 1] == "2px" and style[1 if side == "left" else 0] == "0px"
    context.close()


# --- mistakes in the data -------------------------------------------------------------------

def test_a_place_outside_the_frame_and_a_bad_boundary_file_are_located(tmp_path):
    from conftest import make_project, mkdocs_build  # the real project: it has the map
    project = make_project(tmp_path / "real")
    edit(project, "data/places.yaml", "latitude: 32.617", "latitude: 34.617")
    lines = problems_of(project)
    assert any(re.match(r"data/places\.yaml:\d+:15: places\[1\]\.latitude: 34\.617 is outside the map's frame "
                        r"\(32\.25 to 33\.62, data/map\.yaml\); check the coordinates, widen the frame, or set "
                        r"'on_map: false'", line) for line in lines), lines
    edit(project, "data/places.yaml", "latitude: 34.617", "latitude: 32.617")
    (project / "data/map/boundaries.json").write_text("{not json")
    lines = problems_of(project)
    assert any(re.match(r"data/map\.yaml:\d+:13: boundaries: data/map/boundaries\.json is missing or not boundary "
                        r"data; run", line) for line in lines), lines
    assert mkdocs_build  # imported for the fixture's build helper


def test_a_disputed_date_needs_its_range(mini):
    edit(mini, "data/timeline.yaml", "    date: 2018-07-04\n", "    date: 2018-07-04\n    dates_differ: true\n")
    lines = problems_of(mini)
    assert len(lines) == 1 and "entries[0]: says the sources' dates differ: give their range" in lines[0], lines
