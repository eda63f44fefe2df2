"""A progress bar on a terminal (click's), silent when piped or with --quiet."""
from __future__ import annotations

import click


class Progress:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar = None

    def __enter__(self) -> Progress:
        return self

    def start(self, total: int) -> None:
        if self.enabled and total:
            self.bar = click.progressbar(length=total, label="Building portraits",
                                         file=click.get_text_stream("stderr"),
                                         show_pos=True, item_show_func=lambda s: s)
            self.bar.__enter__()

    def advance(self, item: str) -> None:
        if self.bar is not None:
            self.bar.update(1, item)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None

    def __exit__(self, *exc: object) -> None:
        self.close()
