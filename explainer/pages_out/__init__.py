"""Pages out: render content/<lang>/*.md (Jinja-templated Markdown) from the Dataset into docs/,
escaping every data value for the place it lands."""
