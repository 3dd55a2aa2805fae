"""The PDF and EPUB editions (explainer/editions/): the report's sentences found in the text
extracted back from the files (the proof that the Arabic was shaped with a map back to its
characters), the PDF's outline and links to the site, the EPUB's structure as the EPUB 3
specification requires it, identical bytes from identical inputs, and the build's wiring: the
files in the site and the offline zip, their links with sizes, the option that turns them off,
and a located message when WeasyPrint cannot run."""
from __future__ import annotations

import datetime
import io
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import FIXTURES, FULL_MATRIX_ONLY, ROOT, append, make_project, mkdocs_build, once_per_run, parse, real_data
from explainer.data_in.dataset import load_dataset
from explainer.editions.build import unavailable
from explainer.editions.context import page_titles
from explainer.editions.epub import render_epub
from explainer.editions.make import Job, make_editions
from explainer.editions.pdf import render_pdf
from explainer.pages_out.labels import LABELS
from explainer.pages_out.masthead import Masthead

pytestmark = pytest.mark.skipif(unavailable() is not None, reason=f"WeasyPrint cannot run here: {unavailable()}")

SITE = "https://example.org/explainer/"
GROUPS = ("context", "wording", "translation")  # the site's groups of notes, in the order shown
DAY = int(datetime.datetime(2026, 3, 4, tzinfo=datetime.timezone.utc).timestamp())
NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "c": "urn:oasis:names:tc:opendocument:xmlns:container", "x": "http://www.w3.org/1999/xhtml",
      "epub": "http://www.idpf.org/2007/ops"}


@pytest.fixture(autouse=True)
def editions_on(monkeypatch):
    """The suite turns the editions off for the builds not about them (conftest.py): here they are on."""
    monkeypatch.setenv("EXPLAINER_EDITIONS", "true")


@pytest.fixture(scope="module", params=["collection", pytest.param("real", marks=FULL_MATRIX_ONLY)])
def publication(request) -> tuple[Path, object]:
    """The publication whose editions the tests read: the two-report fixture collection (its
    editions take 2 s to make) and, with --full-matrix (`./run bench`), the real one too (some
    100 pages a language: 45 s of the suite's CPU)."""
    if request.param == "real":
        return ROOT, real_data()
    return FIXTURES / "collection", load_dataset(FIXTURES / "collection")


@pytest.fixture(scope="module")
def editions(publication, tmp_path_factory) -> dict[str, bytes]:
    """The publication's four editions, made once for the run, whichever worker asks first."""
    project, data = publication

    def make(folder: Path) -> None:
        masthead = Masthead("Example Publisher", datetime.date(2026, 1, 2), "", datetime.date(2026, 3, 4))
        for name, made in make_editions(Job(project, data, masthead, SITE, DAY, "t")).items():
            (folder / name).write_bytes(made)
    folder = once_per_run(tmp_path_factory, f"editions-{project.name}", make)
    return {path.name: path.read_bytes() for path in folder.iterdir() if path.suffix in (".pdf", ".epub")}


@pytest.fixture(scope="module")
def sentences(publication) -> list:
    """The first report's sentences."""
    return [s for p in publication[1].report.paragraphs for s in p.sentences]


def _flat(text: str) -> str:
    # Extraction breaks lines where the PDF does: compare with white space normalised.
    return re.sub(r"\s+", " ", text)


def pdf_text(data: bytes) -> str:
    return _flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def test_arabic_pdf_gives_back_the_reports_sentences(editions, sentences):
    """Extraction gives logical-order Arabic, the letters as written (not presentation forms):
    the text was shaped with a ToUnicode map. Some sentences straddle a line break inside
    a quotation, where the extractor reorders the marks of a line; most come back whole."""
    text = pdf_text(editions["t-ar.pdf"])
    assert "\ufe8d" not in text and not re.search(r"[\ufb50-\ufdff\ufe70-\ufeff]", text), "presentation forms"
    found = [s.id for s in sentences if _flat(s.ar) in text]
    assert "p1-s1" in found
    assert len(found) >= len(sentences) // 2, found


def test_english_pdf_gives_back_the_translation_and_the_arabic(editions, sentences):
    text = pdf_text(editions["t-en.pdf"])
    english = [s.id for s in sentences if _flat(s.en) in text]
    assert len(english) >= len(sentences) * 3 // 4, english
    assert any(_flat(s.ar) in text for s in sentences)  # the parallel text: the Arabic is there too


@pytest.mark.parametrize("lang, folder", [("en", ""), ("ar", "ar/")])
def test_pdf_has_an_outline_contents_and_links_to_the_site(editions, publication, lang, folder):
    reader = PdfReader(io.BytesIO(editions[f"t-{lang}.pdf"]))
    titles = []

    def walk(items):
        for item in items:
            walk(item) if isinstance(item, list) else titles.append(item.title)
    walk(reader.outline)
    sources = "Sources" if lang == "en" else "المصادر"
    data = publication[1]
    entries = sum(len(x) for x in (data.actors.actors, data.places.places, data.glossary.terms))
    assert sources in titles and len(titles) > entries  # every section, and its entries under it
    actions = [annotation.get_object().get("/A") for page in reader.pages for annotation in page.get("/Annots") or []]
    links = {action.get_object().get("/URI") for action in actions if action is not None}
    assert f"{SITE}{folder}report.html#p1-s1" in links
    assert f"{SITE}{folder}claims.html#claim-{data.claims.claims[0].id}" in links
    assert data.sources.sources[0].url in links
    heading = "Contents" if lang == "en" else "المحتويات"
    contents = next(text for text in (page.extract_text() for page in reader.pages[:5]) if heading in text)
    assert re.search(r"\.{5,}[^\n]*\d+", contents)  # the leaders and page numbers


def _epub(data: bytes):
    archive = zipfile.ZipFile(io.BytesIO(data))
    container = ET.fromstring(archive.read("META-INF/container.xml"))
    package_path = container.find(".//c:rootfile", NS).get("full-path")
    return archive, package_path, ET.fromstring(archive.read(package_path))


@pytest.mark.parametrize("lang, direction", [("en", "ltr"), ("ar", "rtl")])
def test_epub_structure(editions, publication, sentences, lang, direction):
    data = editions[f"t-{lang}.epub"]
    first = zipfile.ZipFile(io.BytesIO(data)).infolist()[0]
    assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
    assert data[30:38] == b"mimetype" and data[38:58] == b"application/epub+zip"  # at the fixed offset
    archive, package_path, package = _epub(data)
    assert package.get("version") == "3.0"
    uid = package.get("unique-identifier")
    identifier = package.find(f".//dc:identifier[@id='{uid}']", NS)
    assert identifier is not None and identifier.text.startswith("urn:uuid:")
    home = page_titles(publication[0], lang)["index"]  # none where the home page computes its heading
    assert package.find(".//dc:title", NS).text == (home or getattr(publication[1].event.title, lang))  # a collection: the home page's title
    assert package.find(".//dc:language", NS).text == lang
    assert package.find(".//opf:meta[@property='dcterms:modified']", NS).text == "2026-03-04T00:00:00Z"
    assert package.find("opf:spine", NS).get("page-progression-direction") == direction
    base = package_path.rsplit("/", 1)[0] + "/"
    items = package.findall(".//opf:item", NS)
    for item in items:  # every manifest item is in the zip, and every XHTML file parses as XML
        content = archive.read(base + item.get("href"))
        if item.get("media-type") == "application/xhtml+xml":
            ET.fromstring(content)
    assert {item.get("media-type") for item in items} >= {"application/xhtml+xml", "text/css", "font/woff2"}
    nav_item = next(item for item in items if "nav" in (item.get("properties") or "").split())
    nav = ET.fromstring(archive.read(base + nav_item.get("href")))
    toc = nav.find(".//x:nav[@epub:type='toc']", NS)
    assert toc is not None and len(toc.findall(".//x:a", NS)) >= 8
    assert set(archive.namelist()) == {"mimetype", "META-INF/container.xml", package_path,
                                        *(base + item.get("href") for item in items)}
    spine = [ref.get("idref") for ref in package.findall(".//opf:itemref", NS)]
    content = next(item for item in items if item.get("id") == spine[0])
    root = ET.fromstring(archive.read(base + content.get("href")))
    assert root.get("dir") == direction and root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    text = "".join(root.itertext())
    missing = [s.id for s in sentences if s.ar not in text]
    assert not missing  # the Arabic verbatim, every sentence
    assert sentences[0].en in text if lang == "en" else True


@pytest.mark.skipif(not Path("/usr/bin/epubcheck").exists(),
                    reason="Debian's epubcheck is not installed here (apt-get install epubcheck); "
                           "test_epub_structure checks the package document instead")
def test_epubcheck(editions, tmp_path):
    for lang in ("en", "ar"):
        path = tmp_path / f"t-{lang}.epub"
        path.write_bytes(editions[f"t-{lang}.epub"])
        result = subprocess.run(["/usr/bin/epubcheck", str(path)], capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stdout + result.stderr


def test_same_inputs_same_bytes():
    """A PDF and an EPUB made twice from the same inputs are the same bytes (no clock, no random id)."""
    document = ('<html lang="ar" dir="rtl"><head><meta name="dcterms.modified" content="2026-03-04T00:00:00Z"/>'
                '</head><body><h2>عنوان</h2><p>نص عربي قصير.</p></body></html>')
    assert render_pdf(document) == render_pdf(document)
    made = [render_epub("<html/>", "<html/>", "ar", "عنوان", "https://example.org/#x", DAY, {"f.woff2": b"x"})
            for _ in range(2)]
    assert made[0] == made[1]
    assert zipfile.ZipFile(io.BytesIO(made[0])).infolist()[1].date_time == (2026, 3, 4, 0, 0, 0)


def mini_project(tmp_path: Path) -> Path:
    """The small fixture project, with the real project's JSON Schemas (the fixture may lag
    behind a schema added since: the build refuses a missing one)."""
    project = make_project(tmp_path / "mini", FIXTURES / "mini")
    for schema in (ROOT / "data" / "schema").glob("*.json"):
        if not (project / "data" / "schema" / schema.name).exists():
            shutil.copy(schema, project / "data" / "schema" / schema.name)
    return project


BOOK = "A book, to read on paper:"  # a page's own sentence offering the editions


def with_a_sentence_offering_the_editions(project: Path) -> Path:
    """The about page offers the editions in its own words, as the real one does."""
    append(project, "content/en/about.md", f'\n{{{{ editions(intro="{BOOK}") }}}}\n')
    return project


def test_site_holds_and_links_the_editions(tmp_path, monkeypatch):
    """Built with the site: in site/editions/ and in the offline zip, linked with their sizes
    from the masthead and after a page's sentence offering them; a second build takes them
    from the cache (same bytes)."""
    monkeypatch.setenv("EXPLAINER_SITE_URL", SITE)
    project = with_a_sentence_offering_the_editions(mini_project(tmp_path))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    files = sorted(path.name for path in (site / "editions").iterdir())
    assert [name.rsplit("-", 1)[1] for name in files] == ["ar.epub", "ar.pdf", "en.epub", "en.pdf"]
    page = (site / "index.html").read_text(encoding="utf-8")
    pdf = next(name for name in files if name.endswith("-en.pdf"))
    size = (site / "editions" / pdf).stat().st_size
    assert re.search(rf'href="editions/{re.escape(pdf)}"[^>]*>PDF, English, <span class="edition-size">'
                     rf'{round(size / 1000)} KB</span>', page)
    arabic = (site / "ar" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./editions/[^"]+-ar\.epub"[^>]*>EPUB، بالعربية، <span class="edition-size">\d+ كيلوبايت',
                     arabic)
    assert 'data-edition=' not in page + arabic  # every size written in
    offer = parse(site, "about.html").select_one("article p .editions")
    assert " ".join(offer.get_text().split()).startswith(f"{BOOK} PDF, English, ")
    assert len(offer.select("a")) == 4
    archive = next(site.glob("*.zip"))
    assert {f"editions/{name}" for name in files} <= {n.split("/", 1)[1] for n in zipfile.ZipFile(archive).namelist()}
    before = {name: (site / "editions" / name).read_bytes() for name in files}
    again = mkdocs_build(project)
    assert again.returncode == 0
    assert {name: (site / "editions" / name).read_bytes() for name in files} == before


def test_editions_off_builds_without_them(tmp_path):
    """Nor anything offering them: a page's sentence before the links goes with them, and
    their paragraph with it (left, it ended on a colon and nothing; an empty <p> is a gap)."""
    project = with_a_sentence_offering_the_editions(mini_project(tmp_path))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "editions: !ENV [EXPLAINER_EDITIONS, true]" in text
    config.write_text(text.replace("editions: !ENV [EXPLAINER_EDITIONS, true]", "editions: false"), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (project / "site" / "editions").exists()
    assert 'class="editions"' not in (project / "site" / "index.html").read_text(encoding="utf-8")
    article = parse(project / "site", "about.html").select_one("article")
    assert BOOK not in article.get_text() and 'class="editions"' not in str(article)
    assert [p for p in article.find_all("p") if not p.get_text(strip=True) and not p.find(True)] == []


def test_without_weasyprint_the_build_says_what_to_install(tmp_path):
    """No WeasyPrint (here: hidden from the import system): a located message, no traceback."""
    project = mini_project(tmp_path)
    script = ("import sys; sys.modules['weasyprint'] = None; sys.argv = ['mkdocs', 'build'];"
              "from mkdocs.__main__ import cli; cli()")
    result = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    line = next(line for line in output.splitlines() if "plugins.explainer.editions" in line)
    assert re.search(r"mkdocs\.yml:\d+:\d+: plugins\.explainer\.editions: the PDF editions need the Python package "
                     r"WeasyPrint, which is not installed; install WeasyPrint .*or set `editions: false`", line), line


def test_a_failure_while_making_them_is_a_located_problem(tmp_path, monkeypatch):
    """The editions' process fails (here: a WeasyPrint that cannot load Pango): the build stops
    with the process's last line, located at the option, and no traceback."""
    fake = tmp_path / "fake" / "weasyprint"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise OSError('cannot load library libpango-1.0-0 (a test)')\n")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(fake.parent), os.environ.get("PYTHONPATH")])))
    result = mkdocs_build(mini_project(tmp_path))
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert re.search(r"mkdocs\.yml:\d+:\d+: plugins\.explainer\.editions: the editions could not be made: "
                     r"OSError: cannot load library libpango-1\.0-0 \(a test\); fix it, or set `editions: false`", output), output


def _content(data: bytes) -> ET.Element:
    """The EPUB's content document (the spine's first item), parsed."""
    archive, package_path, package = _epub(data)
    base = package_path.rsplit("/", 1)[0] + "/"
    spine = package.find(".//opf:itemref", NS).get("idref")
    href = next(item.get("href") for item in package.findall(".//opf:item", NS) if item.get("id") == spine)
    return ET.fromstring(archive.read(base + href))


@pytest.mark.parametrize("lang, folder", [("en", ""), ("ar", "ar/")])
def test_every_report_is_in_the_edition_and_its_links_land_in_its_chapter(editions, publication, lang, folder):
    """A collection's edition holds each report, in story order, as chapters of its own: a
    sentence of each in both languages (EPUB and PDF), and the links to the second report's
    sentences (the contents, a note's way back, the link to the web) land in its chapter."""
    reports = publication[1].reports
    assert len(reports) >= 2, "the publication holds two reports"
    firsts = [report.models["report"].paragraphs[0].sentences[0] for report in reports]
    root = _content(editions[f"t-{lang}.epub"])
    elements = {element.get("id"): element for element in root.iter() if element.get("id")}
    chapters = [element for element in root.iter(f"{{{NS['x']}}}section") if "report" in element.get("class", "").split()]
    assert len(chapters) == len(reports)
    for chapter, report, sentence in zip(chapters, reports, firsts):
        text = "".join(chapter.itertext())
        assert sentence.ar in text and sentence.en in text, report.id
        heading = "".join(chapter.find("x:h2", NS).itertext())
        assert heading == getattr(report.models["event"].title, lang)
    pdf = pdf_text(editions[f"t-{lang}.pdf"])
    assert all(_flat(sentence.en) in pdf for sentence in firsts)
    second, chapter = reports[1], chapters[1]
    inside = {element.get("id") for element in chapter.iter() if element.get("id")}
    # Every link inside the document lands on an element of it.
    hrefs = [a.get("href") for a in root.iter(f"{{{NS['x']}}}a") if (a.get("href") or "").startswith("#")]
    assert all(href[1:] in elements for href in hrefs), [h for h in hrefs if h[1:] not in elements][:5]
    # The contents lead to the second report's chapter.
    toc = [a.get("href") for a in root.find(".//x:nav", NS).iter(f"{{{NS['x']}}}a")]
    assert f"#{chapter.get('id')}" in toc
    # Each endnote of a second-report sentence leads back into that sentence.
    claimed = {claim.sentence for claim in second.models["claims"].claims}
    backs, words = 0, LABELS[lang]
    for place, sentence in ((f"{p}.{s}", sentence) for p, paragraph in enumerate(second.models["report"].paragraphs, start=1)
                            for s, sentence in enumerate(paragraph.sentences, start=1)):
        assert sentence.id in inside
        marks = [a for a in elements[sentence.id].iter(f"{{{NS['x']}}}a") if (a.get("id") or "").endswith(tuple("0123456789"))]
        assert bool(marks) == bool(sentence.notes or sentence.id in claimed), sentence.id
        # The marks and the endnotes number the notes as the site shows them (its "Note 1" is
        # the book's 1), and each endnote leads back to its sentence, named as the site names it.
        noted = [mark for mark in marks if "".join(mark.itertext()) != words["editions"]["claim_mark"]]
        assert ["".join(mark.itertext()) for mark in noted] == [str(n) for n in range(1, len(sentence.notes) + 1)]
        for mark in marks:
            note = elements[mark.get("href")[1:]]
            back = note.find(".//x:a[@class='back']", NS)
            assert back.get("href") == f"#{mark.get('id')}"
            assert "".join(back.itertext()) == words["sentence_name"].format(place=place), sentence.id
            assert back.find("x:bdi", NS).text == place
            backs += 1
        # The site's order: the groups context, wording, translation, each in data order.
        in_order = sorted(range(len(sentence.notes)), key=lambda i: (GROUPS.index(sentence.notes[i].kind), i))
        for number, (mark, index) in enumerate(zip(noted, in_order), start=1):
            heading = "".join(elements[mark.get("href")[1:]].find(".//x:strong", NS).itertext())
            kind = words["our_note"][sentence.notes[index].kind]
            assert heading == f'{words["note_number"].format(number=number)} · {kind}', sentence.id
            # ...and its link to the web keeps the note's published anchor (its place in data).
            web = elements[mark.get("href")[1:]].find(".//x:a[@class='web']", NS).get("href")
            assert web.endswith(f"#{sentence.id}-n{index + 1}"), web
        web = [a.get("href") for a in elements[sentence.id].iter(f"{{{NS['x']}}}a") if a.get("class") == "web"]
        assert web == [f"{SITE}{folder}{second.folder}/report.html#{sentence.id}"], web
    assert backs, "the second report has notes"
    claim = second.models["claims"].claims[0]
    links = [a.get("href") for a in root.iter(f"{{{NS['x']}}}a")]
    assert f"{SITE}{folder}{second.folder}/claims.html#claim-{claim.id}" in links
