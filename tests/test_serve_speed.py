"""What makes `mkdocs serve` show an edit quickly (issue 30, item 6), and stays right: each data
file's parse and checks kept by its bytes (explainer/data_in/file_memo.py), and MkDocs' list of
the theme's files made without walking Material's 14,000 hidden icons
(explainer/plugin/theme_setup.py). No test here times anything: each asserts what is read,
listed or built."""
from __future__ import annotations

import os
from pathlib import Path

import jinja2
import pytest
from conftest import ROOT, edit, make_project, snapshot

from explainer import build_cache
from explainer.data_in import file_memo
from explainer.data_in.dataset import load_dataset
from explainer.pages_out import page_memo

NOTE = "We write “the latest round” (here and in the next sentence)"  # a note's English in data/report.yaml


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("serve-speed") / "project")


def data_files(project: Path) -> int:
    return sum(1 for path in (project / "data").rglob("*.yaml") if path.parent.name != "schema")  # every report's too


def test_an_unchanged_data_file_is_not_parsed_again_and_an_edited_one_is(project):
    file_memo.forget()
    before = file_memo.parses
    load_dataset(project)
    assert file_memo.parses - before == data_files(project)
    load_dataset(project)
    assert file_memo.parses - before == data_files(project)  # nothing read again
    edit(project, "data/report.yaml", NOTE, NOTE.replace("We write", "We choose"))
    try:
        data = load_dataset(project)
        assert file_memo.parses - before == data_files(project) + 1  # the edited file alone
        notes = [note.en for p in data.report.paragraphs for s in p.sentences for note in s.notes]
        assert any("We choose “the latest round”" in text for text in notes)
    finally:
        edit(project, "data/report.yaml", NOTE.replace("We write", "We choose"), NOTE)


def test_a_new_engine_or_library_version_reads_every_file_again(project, monkeypatch):
    load_dataset(project)
    before = file_memo.parses
    # What build_cache.engine_version hashes: every file of the engine and the libraries' versions.
    monkeypatch.setattr(build_cache, "engine_version", lambda: "another engine or library version")
    load_dataset(project)
    assert file_memo.parses - before == data_files(project)


def test_a_problem_in_a_kept_file_is_still_reported(project):
    """The kept results hold the problems too: an unchanged file with a mistake is refused at
    every build, not only at the first."""
    from explainer.problems.errors import AuthorErrors
    edit(project, "data/glossary.yaml", "\nterms:", "\nterm:")
    try:
        for _ in range(2):
            with pytest.raises(AuthorErrors) as refused:
                load_dataset(project)
            assert [str(p) for p in refused.value.problems if p.path == "data/glossary.yaml"] == [
                "data/glossary.yaml:4:1: term: unknown field 'term'; remove it or correct its spelling",
                "data/glossary.yaml:4:1: terms: missing field 'terms'; add 'terms:' here"]
    finally:
        edit(project, "data/glossary.yaml", "\nterm:", "\nterms:")


def test_a_note_edit_renders_again_only_the_pages_that_show_that_sentence(project):
    """Pages read the lookups by id (sources, terms, sentences...) entry by entry: the roadmap
    shows the sentences of its points, the about page counts the sentences; neither shows the
    note's sentence (p1-s1), so both are reused, and the pages are what a fresh render gives."""
    from explainer.pages_out.render import render_pages

    page_memo.forget()
    render_pages(project, load_dataset(project), "content", reuse=True)
    edit(project, "data/report.yaml", NOTE, NOTE.replace("We write", "We choose"))
    try:
        again = render_pages(project, load_dataset(project), "content", reuse=True)
        rendered = {key.removeprefix("content/") for key in {f"content/{page}" for page in again}
                    - {key[1] for key in page_memo.reused}}
        assert rendered == {"en/report.md", "ar/report.md"}
        page_memo.forget()
        assert again == render_pages(project, load_dataset(project), "content", reuse=False)
        assert "We choose “the latest round”" in again["en/report.md"]
    finally:
        edit(project, "data/report.yaml", NOTE.replace("We write", "We choose"), NOTE)
    # A sentence the roadmap shows (point 1's): the roadmap is rendered again.
    point, edited = "\"An immediate cessation", "\"An immediate and complete cessation"
    render_pages(project, load_dataset(project), "content", reuse=True)
    edit(project, "data/report.yaml", point, edited)
    try:
        again = render_pages(project, load_dataset(project), "content", reuse=True)
        assert not {"content/en/roadmap.md", "content/ar/roadmap.md"} & {key[1] for key in page_memo.reused}
        assert "immediate and complete" in again["en/roadmap.md"]
        page_memo.forget()
        assert again == render_pages(project, load_dataset(project), "content", reuse=False)
    finally:
        edit(project, "data/report.yaml", edited, point)


def test_a_reports_checks_are_kept_until_its_files_its_source_or_the_shared_base_change(tmp_path, monkeypatch):
    """Each report's checks against the shared base (references, mentions, its source's proof,
    its claims and alignment) are kept by every file they read: an edit of one report checks
    that report again, an edit of its source text finds the change, and an edit of the shared
    base checks every report again (a problem in an unchanged report is found)."""
    from conftest import FIXTURES

    from explainer.data_in import dataset
    from explainer.problems.errors import AuthorErrors

    project = make_project(tmp_path / "project", FIXTURES / "collection")
    checked = []
    real = dataset._report_problems
    monkeypatch.setattr(dataset, "_report_problems", lambda project, docs, *rest: checked.append(docs["report"].path) or real(project, docs, *rest))
    second = "data/reports/second/report.yaml"
    file_memo.forget()
    load_dataset(project)
    assert checked == ["data/report.yaml", second]
    load_dataset(project)
    assert checked[2:] == []  # nothing changed: nothing checked again
    edit(project, second, "The delegation said the return", "The delegation said that the return")
    load_dataset(project)
    assert checked[2:] == [second]
    edit(project, "data/reports/second/source/text.txt", "اتفق الوفد", "اتفق الوقد")  # the source text alone
    with pytest.raises(AuthorErrors) as refused:
        load_dataset(project)
    assert any(p.path == second and p.field == "sha256" for p in refused.value.problems)
    edit(project, "data/reports/second/source/text.txt", "اتفق الوقد", "اتفق الوفد")
    load_dataset(project)
    checked.clear()
    edit(project, "data/actors.yaml", "  - id: delegation", "  - id: delegates")  # the shared base
    with pytest.raises(AuthorErrors) as refused:
        load_dataset(project)
    assert checked == ["data/report.yaml", second]
    assert [str(p) for p in refused.value.problems if p.path == second][:1] == [
        f"{second}:14:20: paragraphs[0].sentences[0].mentions[0]: unknown id 'delegation' (did you mean "
        "'delegates'?); mention the id of an actor (data/actors.yaml), a place (data/places.yaml) or a term "
        "(data/glossary.yaml)"]


def serve_build(project: Path, site: Path, first: bool = False) -> None:
    """One build as `mkdocs serve` runs it, in this process (where the kept parses live): a new
    config for each build, whose plugins with on_startup MkDocs keeps from the first one."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    if first:
        config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")


def test_serve_shows_an_edit_and_builds_what_a_fresh_build_gives(project, tmp_path, monkeypatch):
    """Serve's second build, after a one-line edit of a note, reuses every other file's parse
    and every page that did not read the note, and gives the site a fresh build gives."""
    monkeypatch.chdir(project)
    file_memo.forget()
    page_memo.forget()
    served = tmp_path / "served"
    serve_build(project, served, first=True)
    edit(project, "data/report.yaml", NOTE, NOTE.replace("We write", "We choose"))
    try:
        parses = file_memo.parses
        serve_build(project, served)
        assert file_memo.parses - parses == 1
        assert "We choose “the latest round”" in (served / "report.html").read_text(encoding="utf-8")
        assert "content/en/glossary.md" in {key[1] for key in page_memo.reused}  # it reads no note
        file_memo.forget()
        page_memo.forget()
        fresh = tmp_path / "fresh"
        serve_build(project, fresh)
        served_files, fresh_files = snapshot(served), snapshot(fresh)
        assert served_files.keys() == fresh_files.keys()
        assert [name for name in served_files if served_files[name] != fresh_files[name]] == []
    finally:
        edit(project, "data/report.yaml", NOTE.replace("We write", "We choose"), NOTE)


def test_the_theme_files_mkdocs_takes_are_the_same_without_listing_hidden_folders(tmp_path):
    """MkDocs takes the theme's static files from its Jinja environment's list of templates,
    dropping every name with a part that starts with a dot. The theme's own environment lists
    no hidden folder: the files taken are the same. If MkDocs stops making the environment's
    loader in Theme.get_env, or takes other files, this fails: see theme_setup.py."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files
    from mkdocs.theme import Theme

    from explainer.plugin.theme_setup import VisibleTemplates, add_theme, list_visible_files

    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    add_theme(config)
    plain_env = config.theme.get_env()
    assert type(plain_env.loader) is jinja2.FileSystemLoader  # what MkDocs makes, which we replace
    icons = [name for name in plain_env.list_templates() if name.startswith(".icons/")]
    assert len(icons) > 1000  # Material's icons: what there is to skip
    plain = Files([])
    plain.add_files_from_theme(plain_env, config)

    list_visible_files(config.theme)
    assert type(config.theme) is Theme  # mkdocs-static-i18n's per-language theme options need it
    env = config.theme.get_env()
    assert type(env.loader) is VisibleTemplates
    assert not any(part.startswith(".") for name in env.list_templates() for part in name.split("/"))
    assert env.loader.get_source(env, icons[0])[0] == plain_env.loader.get_source(plain_env, icons[0])[0]
    ours = Files([])
    ours.add_files_from_theme(env, config)
    assert len(plain) > 20
    assert sorted((f.src_uri, f.abs_src_path) for f in ours) == sorted((f.src_uri, f.abs_src_path) for f in plain)


def test_a_hidden_folder_is_not_walked(tmp_path, monkeypatch):
    from explainer.plugin.theme_setup import VisibleTemplates

    (tmp_path / ".icons" / "set").mkdir(parents=True)
    (tmp_path / ".icons" / "set" / "a.svg").write_text("<svg/>")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "b.css").write_text("b {}")
    walked = []
    real_walk = os.walk

    def walk(top, *args, **kwargs):
        for folder, subfolders, names in real_walk(top, *args, **kwargs):
            walked.append(Path(folder).relative_to(tmp_path).as_posix())
            yield folder, subfolders, names
    monkeypatch.setattr(os, "walk", walk)
    assert VisibleTemplates([str(tmp_path)]).list_templates() == ["assets/b.css"]
    assert sorted(walked) == [".", "assets"]


def test_the_open_data_of_kept_parts_is_what_one_dump_gives_and_follows_an_edit(tmp_path):
    """The open data is written from each model's and aligned sentence's JSON, kept by the
    objects of the files' last parse: the bytes are those of the whole document dumped at once,
    and an edit of a report's sentence is in both files at the next write."""
    import json

    from conftest import FIXTURES

    from explainer.site_built import open_data

    def written(data, folder: Path) -> dict[str, bytes]:
        open_data.write_open_data(data, folder)
        return {name: (folder / "data" / name).read_bytes() for name in ("publication.json", "alignment.json")}

    def dumped_whole(data) -> dict[str, bytes]:
        document = {kind: model.model_dump(mode="json") for kind, model in data.models.items()}
        document["reports"] = {report.id: {kind: model.model_dump(mode="json") for kind, model in report.models.items()}
                               for report in data.reports if report.folder}
        return {name: (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
                for name, value in (("publication.json", document), ("alignment.json", open_data.aligned_corpus(data)))}

    project = make_project(tmp_path / "project", FIXTURES / "collection")
    file_memo.forget()
    data = load_dataset(project)
    assert written(data, tmp_path / "one") == dumped_whole(data)
    sentence = "en: The delegation said the return begins tomorrow."
    edit(project, "data/reports/second/report.yaml", sentence, sentence.replace("tomorrow", "on Monday"))
    edit(project, "data/reports/second/alignment.yaml", "en: \"begins tomorrow\"", "en: \"begins on Monday\"")
    data = load_dataset(project)
    again = written(data, tmp_path / "two")
    assert again == dumped_whole(data)
    assert all(b"begins on Monday" in text and b"tomorrow" not in text for text in again.values())
