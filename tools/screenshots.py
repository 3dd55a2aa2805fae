"""Screenshots of the reader for a human look: the report and the roadmap, in both languages,
on a 360 px phone and a 1280 px desktop, from the built site/ (run ./run site first).

    .venv/bin/python tools/screenshots.py [OUT_DIR]   (default: build/screenshots)
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
PAGES = ["report", "ar/report", "roadmap", "ar/roadmap"]
WIDTHS = {"phone": (360, 780), "desktop": (1280, 900)}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    site = (ROOT / "site").resolve()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM") or "/usr/bin/chromium", args=ARGS)
        for device, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height},
                                          is_mobile=device == "phone", has_touch=device == "phone")
            page = context.new_page()
            for name in PAGES:
                anchor = "#text" if name.endswith("report") else "#point-ceasefire"
                page.goto((site / f"{name}.html").as_uri() + anchor)
                page.wait_for_timeout(300)
                if name.endswith("report"):  # one open group of notes, as a reader would open it
                    page.locator("#p1-s1 details.notes-wording summary").click(timeout=3000)
                file = out / f"{name.replace('/', '-')}-{device}.png"
                page.screenshot(path=str(file), full_page=False)
                print(file)
            context.close()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "screenshots")
