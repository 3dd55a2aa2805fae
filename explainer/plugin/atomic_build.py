"""`mkdocs build` as all or nothing: build into a staging folder beside site/, then publish it
in one rename, or discard it and leave the last good site/ as it was. One build at a time per
project (the lock). `serve` builds into a temporary folder it serves itself: no staging there."""
from __future__ import annotations

import tempfile
from pathlib import Path

from ..site_built.publish import BuildLock, discard, publish, staging_dir


class AtomicBuild:
    def __init__(self, project: Path):
        self.lock = BuildLock(project)
        self.site: Path | None = None      # where the site is published
        self.staging: Path | None = None   # where it is built meanwhile (None: built in place)
        self.failed = False

    def begin(self) -> None:
        """Take the lock before docs/ is rendered: a second build waits for this one."""
        self.lock.acquire()

    def stage(self, site_dir: str, command: str | None) -> str:
        """The folder MkDocs should build into: a staging folder for `mkdocs build` (the lock
        is held until `end`), else site_dir itself (serve: the server owns its folder)."""
        if command == "build" and not serving(command, site_dir):
            self.site, self.staging = Path(site_dir), staging_dir(Path(site_dir))
            return str(self.staging)
        self.lock.release()
        return site_dir

    def abandon(self) -> None:
        """The render failed before MkDocs built anything: nothing to publish or discard."""
        self.lock.release()

    def end(self, log) -> None:
        """Publish the staged site, or discard it if the build failed; release the lock."""
        try:
            if self.staging is None:
                return
            if self.failed:
                discard(self.staging)
                log.error(f"Build failed: {self.site} was left as it was.")
            else:
                publish(self.staging, self.site)
                log.info(f"Site published to {self.site} (open {self.site / 'index.html'} offline).")
        finally:
            self.lock.release()


def serving(command: str | None, site_dir: str) -> bool:
    """Whether this build is one of `serve`'s: MkDocs (and ProperDocs) serve from a temporary
    folder of theirs, also with `serve --clean`, whose command is 'build'."""
    site = Path(site_dir)
    in_serve_temp = site.parent == Path(tempfile.gettempdir()) and site.name.startswith(("mkdocs_", "properdocs_"))
    return command == "serve" or in_serve_temp
