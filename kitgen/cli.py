"""The ``kitgen`` command: a thin shell over the library; heavy modules load only when used."""
from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

import click

from kitgen import __version__
from kitgen.interrupt import stopped, terminate_as_interrupt
from kitgen.workers import THREAD_LIMITS

KIT_OPTION = click.option("--kit", "kit_dir", type=click.Path(file_okay=False, path_type=Path),
                          default=Path("."), show_default=True,
                          help="Kit folder (holds content/brand.yml).")


class _Size(click.ParamType):
    name = "size"

    def convert(self, value, param, ctx):  # noqa: ANN001, ANN201 - Click's API
        from kitgen.memory import parse_size

        if isinstance(value, int):
            return value
        try:
            return parse_size(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


SIZE = _Size()
_WHOLE_PROCESS = False  # set by entry(): this process is the kitgen command, nothing else


def entry() -> None:
    """The ``kitgen`` program (and ``python -m kitgen``, through kitgen.program), as against
    ``main`` called from Python, where the process is the caller's."""
    global _WHOLE_PROCESS
    _WHOLE_PROCESS = True
    os.environ.update(THREAD_LIMITS)  # before NumPy is loaded (kitgen.workers)
    terminate_as_interrupt()
    main()


def _finish(code: int) -> None:
    """End the command with ``code``. As the whole process, end it without tearing the
    interpreter down: with MkDocs, NumPy and SciPy loaded that took 0.15 s after every build,
    and by now every file is written and closed; the output is flushed first."""
    if _WHOLE_PROCESS:
        sys.stdout.flush()
        sys.stderr.flush()
        logging.shutdown()
        os._exit(code)
    sys.exit(code)


def _setup_logging(verbose: bool) -> None:
    """Other libraries speak from WARNING up, with or without -v; -v adds kitgen's own DEBUG
    lines. With the root logger at DEBUG, Markdown's extension imports and Pillow's TIFF tags
    were 200 of a build's 220 lines, and kitgen's one line was lost among them."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("kitgen").setLevel(logging.DEBUG if verbose else logging.NOTSET)


class _Group(click.Group):
    """kitgen's errors (kitgen.errors, free of Click) become Click's, which print one line,
    never a traceback, and exit with the error's code."""

    def invoke(self, ctx: click.Context):  # noqa: ANN201 - Click's API
        from kitgen.errors import KitgenError

        try:
            return super().invoke(ctx)
        except KitgenError as exc:
            error = click.ClickException(exc.format_message())
            error.exit_code = exc.exit_code
            raise error from None
        except PermissionError as exc:  # a kit file or folder kitgen may not read (chmod 000)
            done, fix = ("written", "writable") if exc.filename and os.access(
                exc.filename, os.R_OK) else ("read", "readable")
            where = exc.filename or "a file or folder of the kit"
            error = click.ClickException(f"{where}: cannot be {done} (permission "
                                         f"denied); make it {fix}, then run kitgen again")
            error.exit_code = 2
            raise error from None
        except KeyboardInterrupt as exc:  # analyse, init, serve's start: not Click's "Aborted!"
            line, code = stopped(exc, site=False)
            click.echo(line, err=True)
            sys.exit(code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="kitgen")
def main() -> None:
    """Turn approved portraits and brand goals into a branding kit: palettes, a crop for
    every platform and a MkDocs Material brand guide."""


@main.command(short_help="Scaffold a new kit in DIRECTORY.")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default="Your Name", show_default=True, help="The person's name.")
def init(directory: Path, name: str) -> None:
    """Scaffold a new kit in DIRECTORY (brand.yml, portraits folder, mkdocs.yml, themes)."""
    import shlex

    from kitgen.scaffold import scaffold

    created = scaffold(directory, name)
    # the command as a shell takes it: a folder named "new kit" is quoted
    click.echo(f"created kit in {created}; add portraits to "
               f"{created / 'content' / 'portraits'} and run: kitgen build --kit "
               f"{shlex.quote(str(directory))}")


@main.command()
@KIT_OPTION
@click.option("-j", "--workers", type=click.IntRange(1, 64), default=None,
              help="Cores to use (default: all): worker processes that run two portraits "
                   "at once on threads.")
@click.option("--max-memory", "max_memory", type=SIZE, default=None, metavar="SIZE",
              help="Keep the build's memory under SIZE (e.g. 600M, 2G) by running fewer "
                   "portraits at once (default: 3/4 of the memory available).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-v", "--verbose", is_flag=True, help="Explain each step.")
def build(kit_dir: Path, workers: int | None, max_memory: int | None, quiet: bool,
          verbose: bool) -> None:
    """Build crops, palettes, pages and the site (site/) from content/."""
    try:  # Ctrl-C at any point before the swap, imports included, leaves the old site
        from kitgen.build import build as run_build
        from kitgen.progress import Progress

        _setup_logging(verbose)
        with Progress(enabled=not quiet and sys.stderr.isatty()) as bar:
            report = run_build(kit_dir, workers=workers, progress=bar.advance, on_plan=bar.start,
                               max_memory=max_memory)
    except KeyboardInterrupt as exc:
        _stop(exc)
    from kitgen.report import printed

    for text, to_stderr in printed(report, quiet):
        click.echo(text, err=to_stderr)
    _finish(report.exit_code)


@main.command(short_help="Print portrait records (faces, palette, crops, reading) as JSON.")
@click.argument("images", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON records (the default).")
def analyse(images: tuple[Path, ...], as_json: bool) -> None:
    """Print each IMAGE's portrait record (faces, palette, crops, reading) without a site."""
    from kitgen.analyse import analyse_files

    records, failed = analyse_files(list(images))
    click.echo(json.dumps({"portraits": records, "failed": failed}, indent=2,
                          ensure_ascii=False))
    sys.exit(1 if failed else 0)


@main.command(short_help="Print the JSON Schema of brand.yml (or of kit.json).")
@click.option("--manifest", is_flag=True, help="Print the schema of site/kit.json instead.")
def schema(manifest: bool) -> None:
    """Print the JSON Schema of content/brand.yml (for editor completion)."""
    if manifest:
        from kitgen.manifest import manifest_schema

        click.echo(json.dumps(manifest_schema(), indent=2))
        return
    from kitgen.kitfile.schema import json_schema

    click.echo(json.dumps(json_schema(), indent=2))


@main.command(short_help="Preview the guide on localhost; rebuild on changes.")
@KIT_OPTION
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on localhost (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
def serve(kit_dir: Path, port: int, host: str) -> None:
    """Preview the guide on localhost and rebuild when content/ or themes/ change."""
    from kitgen.serve import serve as run_serve

    _setup_logging(False)
    try:
        run_serve(kit_dir, host=host, port=port)
    except OSError as exc:  # the port is taken, or the address is not this machine's
        import errno
        import socket

        from kitgen.errors import KitError

        if not (isinstance(exc, socket.gaierror)
                or exc.errno in (errno.EADDRINUSE, errno.EADDRNOTAVAIL)):
            raise
        raise KitError(f"{host}:{port}: cannot serve there ({exc.strerror or exc}); stop the "
                       "other server, or choose another --port or --host") from None


@main.command(short_help="Zip the guide, crops, palette files and kit.json for a client.")
@KIT_OPTION
@click.option("-o", "--out", type=click.Path(), default=None,
              help="Zip file to write, or a folder to write it in (an existing one, or one "
                   "ending with /; default: <name>-brand-kit.zip in the kit folder).")
def pack(kit_dir: Path, out: str | None) -> None:
    """Zip the guide, every crop (one folder per platform), the palette files and kit.json
    into one deterministic archive; builds the kit first when site/ is missing."""
    from kitgen.pack import pack as run_pack

    _setup_logging(False)
    try:  # as build: Ctrl-C was Click's "Aborted!" and exit 1, the code of failed portraits
        report = run_pack(kit_dir, out, on_build=lambda why: click.echo(
            f"{why}; building it first", err=True))
    except KeyboardInterrupt as exc:
        _stop(exc)
    _shipped(report)


@main.command(short_help="Push the guide to a git remote's pages branch.")
@KIT_OPTION
@click.option("--remote", default="origin", show_default=True, help="Git remote to push to.")
@click.option("--branch", default="gh-pages", show_default=True, help="Branch to publish on.")
@click.option("-m", "--message", default=None,
              help="Commit message (default: names kitgen and the kit's commit).")
@click.option("--cname", default=None, metavar="DOMAIN",
              help="Custom domain for GitHub Pages, written as CNAME (default: keep the "
                   "branch's own CNAME, if it has one).")
def publish(kit_dir: Path, remote: str, branch: str, message: str | None,
            cname: str | None) -> None:
    """Push the built guide to a git remote's pages branch (as 'mkdocs gh-deploy' does);
    builds the kit first when site/ is missing."""
    from kitgen.publish import publish as run_publish

    _setup_logging(False)
    try:
        report = run_publish(kit_dir, remote=remote, branch=branch, message=message,
                             cname=cname, on_build=lambda why: click.echo(
                                 f"{why}; building it first", err=True))
    except KeyboardInterrupt as exc:
        _stop(exc)
    _shipped(report)


def _stop(exc: KeyboardInterrupt) -> None:
    """End a command that Ctrl-C or SIGTERM stopped: one line, exit 130 (143 for SIGTERM)."""
    line, code = stopped(exc)
    click.echo(line, err=True)
    sys.exit(code)


def _shipped(report) -> None:  # noqa: ANN001 - a PackReport or a PublishReport
    """``pack`` and ``publish`` end as ``build`` does: each portrait the site left out on
    its own Error line, the summary (which says they are left out), exit code 1 if any."""
    from kitgen.report import failed_line

    for problem in report.failed:
        click.echo(failed_line(problem), err=True)
    click.echo(report.summary())
    sys.exit(report.exit_code)
