"""The plugin's options, as a publication's mkdocs.yml gives them under `plugins: - explainer:`.

MkDocs validates them (types, unknown names); `locate_options` puts the file, line and column of the
option in front of MkDocs' message, so a mistake here reads like one in data/.
"""
from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from ruamel.yaml import YAML

from ..problems.locate import locate as position_in


class MastheadConfig(base.Config):
    """Who publishes the site, shown in every page's footer and on the about page. A field
    left empty is left out of the pages; nothing is invented."""

    publisher = c.Type(str, default="")
    """The publisher's name, as readers should know it."""
    first_published = c.Type((str, datetime.date), default="")
    """The first edition's date, YYYY-MM-DD (YAML reads an unquoted one as a date: both do)."""
    contact = c.Type(str, default="")
    """An https:// or mailto: address for corrections."""


class ExplainerConfig(base.Config):
    draft = c.Type(bool, default=False)
    """A draft shows the work left (TODO texts, statements without a source) in the pages instead
    of failing the build. EXPLAINER_DRAFT=1 or 0 overrides it for one build."""
    masthead = c.SubConfig(MastheadConfig)
    editions = c.Type(bool, default=True)
    """PDF and EPUB editions of the report in each language, built with the site into
    site/editions/ (explainer/editions/). They need WeasyPrint and Pango; `false` builds without them."""


def is_draft(option: bool) -> bool:
    """The `draft` option, unless EXPLAINER_DRAFT says otherwise for this build."""
    override = os.environ.get("EXPLAINER_DRAFT", "").strip().lower()
    if override in ("1", "true", "yes"):
        return True
    if override in ("0", "false", "no"):
        return False
    return option


_SUB_OPTION = re.compile(r"Sub-option '([^']+)': (.*)", re.DOTALL)


def locate_options(messages: list[tuple[str, Exception | str]], config_file: str | None, advice: str) -> list[tuple[str, str]]:
    """MkDocs' (option, message) pairs with the option's place in mkdocs.yml in front and
    `advice` after: `mkdocs.yml:12:14: plugins.explainer.draft: <message>; <advice>`."""
    if not messages:
        return []  # nothing to locate: spare reading mkdocs.yml again (serve loads it at every edit)
    tree, plugin_index = _plugin_entry(config_file)
    name = Path(config_file).name if config_file else "mkdocs.yml"
    located = []
    for key, message in messages:
        sub = _SUB_OPTION.match(str(message))  # MkDocs' words for a field of `masthead:`
        if sub:
            key, message = f"{key}.{sub.group(1)}", sub.group(2)
        line, column, _ = position_in(tree, ["plugins", plugin_index, "explainer", *key.split(".")])
        located.append((key, f"{name}:{line}:{column}: plugins.explainer.{key}: {str(message).rstrip('.')}; {advice}"))
    return located


def _plugin_entry(config_file: str | None):
    """mkdocs.yml as ruamel reads it (with positions), and the index of our plugin's entry."""
    try:
        yaml = YAML()  # round trip: unknown tags (!ENV) are kept as tagged values
        tree = yaml.load(Path(config_file).read_text(encoding="utf-8"))
    except Exception:  # noqa: BLE001 - MkDocs has already read it; only the position is lost
        return None, 0
    plugins = tree.get("plugins") if hasattr(tree, "get") else None
    for index, entry in enumerate(plugins or []):
        if entry == "explainer" or (hasattr(entry, "keys") and "explainer" in entry):
            return tree, index
    return tree, 0

