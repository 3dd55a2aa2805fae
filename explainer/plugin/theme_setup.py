"""The engine's theme (explainer/theme/, package data) as a layer of the publication's theme:
the publication's own custom_dir first, then ours, then Material's. So a publication carries no
copy of the theme, an upgrade of the engine reaches it, and it can still override any template."""
from __future__ import annotations

from pathlib import Path

from ..pages_out.render import TemplateCache, compiled_templates

THEME = Path(__file__).resolve().parents[1] / "theme"


def add_theme(config) -> None:
    """Put our theme folder after the publication's custom_dir (if any) in the theme's search
    path: MkDocs finds templates and copies static files from these folders in this order."""
    dirs = config.theme.dirs
    if str(THEME) in dirs:
        return
    has_own = bool(config.theme.custom_dir) and dirs and Path(dirs[0]) == Path(config.theme.custom_dir)
    dirs.insert(1 if has_own else 0, str(THEME))


def keep_compiled_templates(env, project: Path) -> None:
    """MkDocs compiles the theme's templates afresh in every build and for every language
    (about half a second): keep the compiled code between builds, as the render does for ours,
    one copy for every language (MkDocs makes each language's environment alike, so a build from
    an empty cache compiles them once). Jinja checks each template's text, so an edited
    override is compiled again."""
    folder = compiled_templates(project)
    if folder is not None:
        env.bytecode_cache = TemplateCache(str(folder), "theme-%s.cache")
