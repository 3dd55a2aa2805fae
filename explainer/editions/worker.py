"""One language's editions, in a process of its own: `python -m explainer.editions.worker JOB LANG OUT`
reads the pickled Job that editions/build.py wrote into its private scratch folder, and writes
the files into OUT. A fresh interpreter, not multiprocessing: a multiprocessing child would
import the main module of whatever started the build (a script without a `__main__` guard would
start the build again)."""
from __future__ import annotations

import pickle
import sys
from pathlib import Path

from .make import make_editions


def main(argv: list[str]) -> None:
    job_file, lang, out = argv
    job = pickle.loads(Path(job_file).read_bytes())  # written by our own build, in a folder only we can read
    for name, data in make_editions(job, (lang,)).items():
        (Path(out) / name).write_bytes(data)


if __name__ == "__main__":
    main(sys.argv[1:])
