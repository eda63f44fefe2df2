"""``kitgen serve``: build, serve site/ on localhost, rebuild when the kit changes."""
from __future__ import annotations

import logging

import click

from kitgen.build import build
from kitgen.errors import KitgenError

log = logging.getLogger(__name__)


def serve(kit_dir, host: str = "127.0.0.1", port: int = 8000) -> None:  # noqa: ANN001
    from mkdocs.livereload import LiveReloadServer

    from kitgen.kitfile.load import find_root

    root = find_root(kit_dir)
    report = build(root)
    click.echo(report.summary())

    def rebuild() -> None:
        try:
            click.echo(build(root).summary())
        except KitgenError as exc:  # keep serving the last good site
            click.echo(f"Error: {exc.format_message()}", err=True)

    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(report.site))
    for watched in (root / "content", root / "themes", root / "mkdocs.yml"):
        if watched.exists():
            server.watch(str(watched))
    click.echo(f"Serving on http://{host}:{port}/ (Ctrl-C to stop)")
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
