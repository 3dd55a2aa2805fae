"""Data in: read data/*.yaml with positions, validate it against the schema, cross-check ids,
references, spellings and the verbatim source, into one `Dataset`."""
