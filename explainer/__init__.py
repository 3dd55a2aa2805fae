"""The explainer engine: YAML data and Jinja-templated Markdown in, a bilingual site out.

The flow is its folders: data_in/ (load, validate, cross-check) -> pages_out/ (render Markdown
into docs/) -> MkDocs -> site_built/ (the steps over the built site, the gates, publishing).
Only explainer.plugin knows MkDocs; theme/ is the theme's templates and assets (package data);
cli/ and scaffold/ are the command line (`explainer check | new | schema`).
"""
