"""The explainer engine: YAML data and Jinja-templated Markdown in, rendered Markdown out.

It knows nothing of MkDocs; `explainer.mkdocs_hook` is the only module that does.
"""
