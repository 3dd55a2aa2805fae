"""The offline copy: one zip of the whole built site, for readers who want it on their disk.
It opens to one folder whose index.html works from the file system (every link of the site
is relative). It is the same bytes for the same site: entries in path order, every entry
dated by SOURCE_DATE_EPOCH (the hook sets it to the last commit's time), fixed permissions.
"""
from __future__ import annotations

import datetime
import re
import zipfile
from pathlib import Path

from ..build_cache import cache_key, read_entry, write_atomically

_EARLIEST_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # a zip cannot date a file before 1980
# zlib's default level: on this site's files level 9 took twice as long (0.27 s against 0.13 s,
# a tenth of a build from an empty cache) for an archive 0.8% smaller.
_LEVEL = 6
# Formats that are compressed already (fonts, images, the editions): deflating them again costs
# time for no bytes saved, so they are stored as they are.
_COMPRESSED = {".woff2", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".pdf", ".epub", ".zip", ".gz"}


def write_offline_archive(site: Path, name: str, timestamp: int, cache: Path | None = None,
                          online: str = "", compress: bool = True) -> Path:
    """Zip every file under `site` into site/<name>.zip, inside a folder <name>/; the archive
    does not hold itself. Returns its path. `cache`, a folder, keeps the last archive: the same
    files and date give the same bytes, so an unchanged site copies it instead of compressing.
    Inside the archive, the pages' links to it (which it cannot hold) lead to `online`, the
    published archive's address, or, without one, are plain text. Without `compress` the files
    are stored as they are (`serve`: the same files, at once, for an archive nobody downloads
    while previewing; deflating them took a fifth of a rebuild)."""
    target = site / f"{name}.zip"
    files = sorted((path for path in site.rglob("*") if path.is_file() and path != target),
                   key=lambda path: path.relative_to(site).as_posix())
    moment = datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc).timetuple()[:6]
    moment = max(moment, _EARLIEST_ZIP_TIME)
    contents = {path: _links_to_itself(path.read_bytes(), name, online) if path.suffix == ".html" else path.read_bytes()
                for path in files}
    inputs = [part for path, data in contents.items() for part in (path.relative_to(site).as_posix(), data)]
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    kept = cache / f"offline-{cache_key(name, repr(moment), online, str(method), *inputs)}.zip" if cache is not None else None
    archive = read_entry(kept) if kept is not None else None
    if archive is not None:
        target.write_bytes(archive)
        return target
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=method, compresslevel=_LEVEL if compress else None) as archive:
        for path in files:
            entry = zipfile.ZipInfo(f"{name}/{path.relative_to(site).as_posix()}", date_time=moment)
            entry.create_system = 3  # Unix, whatever system builds it, so the bytes do not depend on it
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_STORED if path.suffix.lower() in _COMPRESSED else method
            archive.writestr(entry, contents[path], compresslevel=_LEVEL if entry.compress_type == zipfile.ZIP_DEFLATED else None)
    partial.replace(target)
    if kept is not None:
        write_atomically(kept, target.read_bytes(), replaces="offline-*.zip")  # over the last site's
    return target


def _links_to_itself(html: bytes, name: str, online: str) -> bytes:
    """A page's links to the archive (`href="../<name>.zip"`), as the archive's copy of the page
    must have them: to the published archive, or, without one, no link (an <a> without href is
    text, and not a stop for the keyboard). Found by the archive's name, then the attribute
    before it: a pattern that starts with `\\s` is tried at every byte of every page (seconds for
    a collection of 50 reports)."""
    needle = f"{name}.zip\"".encode()
    out, position, found = [], 0, html.find(needle)
    while found >= 0:
        window = html[max(position, found - _WINDOW):found]
        link = _HREF_BEFORE.search(window)
        if link is not None:
            out.append(html[position:found - len(window) + link.start()])
            out.append(b' href="' + online.encode() + b'"' if online else b"")
            position = found + len(needle)
        found = html.find(needle, found + len(needle))
    out.append(html[position:])
    return b"".join(out)


_HREF_BEFORE = re.compile(rb'\shref="(?:\.\./)*\Z')  # ` href="../../` right before the name
_WINDOW = 256  # bytes before the name to look in: 80 folders deep
