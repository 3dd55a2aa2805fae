"""`mkdocs serve` (or build) that also prints, after each render of content/, how many pages it
rendered and how many it took unchanged from the last render (explainer/pages_out/page_memo.py).
For the benchmark: `python tools/bench_serve_count.py serve -a 127.0.0.1:PORT` in the project.
The engine is unchanged; its render and its memo are only wrapped, in this process."""
from __future__ import annotations

import sys

from explainer.pages_out import page_memo, render

COUNT_LINE = "bench-render:"  # the benchmark reads the lines that start with it
_rendered = 0
_render_one = render._render_one
_done = page_memo.PageMemo.done


def _counting_render(*args, **kwargs):
    global _rendered
    _rendered += 1
    return _render_one(*args, **kwargs)


def _counted_done(self) -> None:
    global _rendered
    print(f"{COUNT_LINE} {_rendered} rendered, {len(self.reused)} reused", file=sys.stderr, flush=True)
    _rendered = 0
    _done(self)


if __name__ == "__main__":
    render._render_one = _counting_render
    page_memo.PageMemo.done = _counted_done
    from mkdocs.__main__ import cli
    sys.exit(cli(sys.argv[1:], prog_name="mkdocs"))
