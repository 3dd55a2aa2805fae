"""The review set: screenshots of the built site for a human look before anything a reader sees
is called done. Every page in both languages, on a 390 px phone and a 1280 px desktop, in the
light and the dark scheme (the first screen of each); then the report with a note open and with
search open, and the report as printed. From the built site/ (run ./run site first).

    .venv/bin/python tools/screenshots.py [OUT_DIR] [--pages report,ar/report] [--quick]

OUT_DIR defaults to build/screenshots. --pages limits the pages; --quick takes the light scheme
only. Each file is named page-device-scheme[-state].png, and index.txt lists them.
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
DEVICES = {"phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
                     "device_scale_factor": 2},
           "desktop": {"viewport": {"width": 1280, "height": 900}}}
QUERIES = {"en": "Busra", "ar": "بصرى"}
STILL = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"  # laid out and painted


def shoot(page, url: str, file: Path, index: list[str], state=None, full: bool = False) -> None:
    page.goto(url)
    page.evaluate("document.fonts.ready")
    if state is not None:
        state(page)
    page.evaluate(STILL)
    page.screenshot(path=str(file), full_page=full)
    index.append(file.name)
    print(file)


def first_sentence(page) -> str:
    """The page's first sentence's anchor (each report's ids are its own: p1-s1, agreement-p1-s1)."""
    return page.evaluate("document.querySelector('.sentence').id")


def open_first_note(page) -> None:
    page.locator(f"#{first_sentence(page)} .note-groups summary").first.click()


def open_search(page) -> None:
    button = page.locator(".explainer-search-button:visible")
    (button.first if button.count() else page.locator(".md-search__input")).click()
    page.keyboard.type(QUERIES[page.evaluate("document.documentElement.lang")])
    page.wait_for_selector(".md-search-result__item", timeout=10000)


def main(out: Path, pages: list[str], schemes: list[str], full: bool = False) -> None:
    out.mkdir(parents=True, exist_ok=True)
    site = (ROOT / "site").resolve()
    index: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM") or "/usr/bin/chromium", args=ARGS)
        for device, options in DEVICES.items():
            for scheme in schemes:
                context = browser.new_context(color_scheme=scheme, **options)
                page = context.new_page()
                for name in pages:
                    url = (site / f"{name}.html").as_uri()
                    stem = f"{name.replace('/', '-')}-{device}-{scheme}"
                    shoot(page, url, out / f"{stem}.png", index, full=full)
                    if name.endswith("report"):
                        shoot(page, url, out / f"{stem}-note-open.png", index, open_first_note)
                        shoot(page, url, out / f"{stem}-search-open.png", index, open_search)
                context.close()
        context = browser.new_context(**DEVICES["desktop"])
        page = context.new_page()
        page.emulate_media(media="print")
        for name in [p for p in pages if p.endswith("report")]:
            shoot(page, (site / f"{name}.html").as_uri(), out / f"{name.replace('/', '-')}-print.png", index)
        browser.close()
    (out / "index.txt").write_text("\n".join(index) + "\n", encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "build" / "screenshots")
    parser.add_argument("--pages", help="comma-separated pages, e.g. report,ar/report (default: all, both languages)")
    parser.add_argument("--quick", action="store_true", help="the light scheme only")
    parser.add_argument("--full", action="store_true", help="whole pages, not only their first screen")
    options = parser.parse_args()
    # Every page the site has (a collection's report folders too), in both languages.
    built = sorted(str(p.relative_to(ROOT / "site").with_suffix("")) for p in (ROOT / "site").rglob("*.html")
                   if p.name != "404.html" and p.relative_to(ROOT / "site").parts[0] not in ("ar", "assets", "search"))
    chosen = options.pages.split(",") if options.pages else built + [f"ar/{name}" for name in built]
    main(options.out, chosen, ["light"] if options.quick else ["light", "dark"], options.full)
