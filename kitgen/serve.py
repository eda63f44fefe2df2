"""``kitgen serve``: build, serve site/ on localhost, rebuild when the kit changes."""
from __future__ import annotations

import logging

import click
from mkdocs.livereload import LiveReloadServer

from kitgen.build import build
from kitgen.errors import KitgenError

log = logging.getLogger(__name__)


class _Server(LiveReloadServer):
    """MkDocs' server, but bound by ``listen`` before the first build rather than inside
    ``serve``: a port that is taken is said at once, not after the build and a 'Serving on'
    line, and the address printed is the one bound (port 0 picks a free one)."""

    _bound = False

    def listen(self) -> None:
        self.server_bind()
        self.server_activate()
        self._bound = True

    def server_bind(self) -> None:
        if not self._bound:
            super().server_bind()

    def server_activate(self) -> None:
        if not self._bound:
            super().server_activate()


def serve(kit_dir, host: str = "127.0.0.1", port: int = 8000) -> None:  # noqa: ANN001
    from kitgen.kitfile.load import find_root
    from kitgen.site import SITE

    root = find_root(kit_dir)

    def rebuild() -> None:
        try:
            click.echo(build(root).summary())
        except KitgenError as exc:  # keep serving the last good site
            click.echo(f"Error: {exc.format_message()}", err=True)

    server = _Server(builder=rebuild, host=host, port=port, root=str(root / SITE))
    try:
        server.listen()  # an OSError here (port taken, address not ours) is kitgen.cli's
        click.echo(build(root).summary())
        for watched in (root / "content", root / "themes", root / "mkdocs.yml"):
            if watched.exists():
                server.watch(str(watched))
        click.echo(f"Serving on http://{host}:{server.server_port}/ (Ctrl-C to stop)")
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
