"""The PDF and EPUB editions of the publication, one of each per language, made from the data
(not from the built pages): document.py writes one XHTML document per language (report.py the
parallel text and endnotes, reference.py the reference sections), pdf.py and epub.py turn it
into files, build.py runs them beside MkDocs and caches them, links.py links them from the pages."""
