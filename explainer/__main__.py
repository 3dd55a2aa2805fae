"""`python -m explainer check | new | schema`: the engine's command line (explainer/cli/)."""
from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
