"""The MkDocs adapter: the `explainer` plugin (plugin.py: its events, each handing off to an
engine module) and its options (config.py). The rest of this folder is the little that must
know MkDocs' or Material's own workings, one job a module; nothing outside it imports MkDocs."""
