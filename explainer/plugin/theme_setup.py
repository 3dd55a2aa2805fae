"""The engine's theme (explainer/theme/, package data) as a layer of the publication's theme:
the publication's own custom_dir first, then ours, then Material's. So a publication carries no
copy of the theme, an upgrade of the engine reaches it, and it can still override any template."""
from __future__ import annotations

import os
import types
from pathlib import Path

import jinja2

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


class VisibleTemplates(jinja2.FileSystemLoader):
    """The theme's template loader, whose list of files skips hidden folders: Material keeps
    about 14,000 icons under `.icons/`, which MkDocs lists at every build and for every language
    (a fifth of a `serve` rebuild) only to drop every name with a part that starts with a dot
    (Files.add_files_from_theme: the patterns '.*' and '*/.*'). Loading is unchanged: templates
    still include icons by name."""

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for folder, subfolders, names in os.walk(searchpath, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                for name in names:
                    found.add(os.path.relpath(os.path.join(folder, name), searchpath).replace(os.path.sep, "/"))
        return sorted(found)


def list_visible_files(theme) -> None:
    """Make the theme's Jinja environments list their files with VisibleTemplates. MkDocs has no
    setting for it, and mkdocs-static-i18n wants the theme's type to be exactly MkDocs' Theme
    (a subclass loses its per-language theme options): so this theme object gets its own
    `get_env`, MkDocs' public one, then the loader it made swapped for the same loader that
    lists less. tests/test_serve_speed.py fails if MkDocs stops making a FileSystemLoader there,
    or the files it takes from the theme change."""
    if "get_env" not in vars(theme):
        theme.get_env = types.MethodType(_env_listing_visible_files, theme)


def _env_listing_visible_files(theme) -> jinja2.Environment:
    env = type(theme).get_env(theme)
    loader = env.loader
    if type(loader) is jinja2.FileSystemLoader:  # as MkDocs makes it; any other is left alone
        env.loader = VisibleTemplates(loader.searchpath, loader.encoding, loader.followlinks)
    return env
