"""The EPUB 3 edition: a small writer of our own. An EPUB is a zip of XHTML with three fixed
files around it (the `mimetype` first and stored, META-INF/container.xml, the package document),
which a few dozen lines write exactly; the maintained packages (ebooklib) add an API over the
same steps and their own defaults (a random identifier, the zip's clock dates) that we would have
to undo for identical bytes from identical inputs."""
from __future__ import annotations

import datetime
import io
import uuid
import zipfile
from html import escape

from ..languages import DIRECTION
from .stylesheet import stylesheet

_EARLIEST_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CONTAINER = ('<?xml version="1.0" encoding="utf-8"?>\n'
              '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
              '<rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>'
              "</rootfiles></container>\n")


def render_epub(content: str, nav: str, lang: str, title: str, identity: str, timestamp: int,
                fonts: dict[str, bytes]) -> bytes:
    """The EPUB's bytes: `content` (the edition's XHTML, linking edition.css) and `nav` (the
    navigation document), in `lang`, titled `title`, identified by a UUID from `identity` (the
    same edition keeps its identifier), dated by `timestamp` (its zip entries too), with
    `fonts` (file name: WOFF2 bytes) embedded."""
    moment = datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc)
    files = {"EPUB/content.xhtml": content.encode("utf-8"), "EPUB/nav.xhtml": nav.encode("utf-8"),
             "EPUB/edition.css": stylesheet("fonts/").encode("utf-8"),
             **{f"EPUB/fonts/{name}": data for name, data in sorted(fonts.items())}}
    package = _package(lang, title, f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, identity)}",
                       moment.strftime("%Y-%m-%dT%H:%M:%SZ"), sorted(fonts))
    files = {"META-INF/container.xml": _CONTAINER.encode("utf-8"), "EPUB/package.opf": package.encode("utf-8"), **files}
    return _zip(files, max(moment.timetuple()[:6], _EARLIEST_ZIP_TIME))


def _package(lang: str, title: str, identifier: str, modified: str, fonts: list[str]) -> str:
    items = ['<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
             '<item id="content" href="content.xhtml" media-type="application/xhtml+xml"/>',
             '<item id="css" href="edition.css" media-type="text/css"/>']
    items += [f'<item id="font-{index}" href="fonts/{name}" media-type="font/woff2"/>' for index, name in enumerate(fonts)]
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            f'<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="{lang}" '
            f'dir="{DIRECTION[lang]}"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:identifier id="uid">{identifier}</dc:identifier><dc:title>{escape(title)}</dc:title>'
            f'<dc:language>{lang}</dc:language><meta property="dcterms:modified">{modified}</meta></metadata>'
            f'<manifest>{"".join(items)}</manifest>'
            f'<spine page-progression-direction="{DIRECTION[lang]}"><itemref idref="content"/></spine></package>\n')


def _zip(files: dict[str, bytes], moment: tuple) -> bytes:
    """The container: `mimetype` first, stored (readers find it at a fixed offset), then the rest
    deflated, every entry with the same date and permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data, method in [("mimetype", b"application/epub+zip", zipfile.ZIP_STORED),
                                   *((name, data, zipfile.ZIP_DEFLATED) for name, data in files.items())]:
            entry = zipfile.ZipInfo(name, date_time=moment)
            entry.create_system = 3  # Unix, whatever system builds it: the same bytes everywhere
            entry.external_attr = 0o644 << 16
            entry.compress_type = method
            archive.writestr(entry, data)
    return buffer.getvalue()


def navigation(contents: str, lang: str, title: str) -> str:
    """The navigation document around `contents` (a nav epub:type="toc")."""
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="{lang}" '
            f'xml:lang="{lang}" dir="{DIRECTION[lang]}"><head><meta charset="utf-8"/><title>{escape(title)}</title>'
            f'<link rel="stylesheet" type="text/css" href="edition.css"/></head><body>{contents}</body></html>\n')
