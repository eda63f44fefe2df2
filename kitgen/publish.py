"""``kitgen publish``: put the built guide on a git remote's pages branch (GitHub Pages and
alike), the way ``mkdocs gh-deploy`` does it: ghp-import commits ``site/`` as the whole tree
of the branch (with ``.nojekyll``) on top of the remote's history, then pushes.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kitgen.errors import KitError, KitgenError
from kitgen.records import Problem
from kitgen.report import failures, left_out

SITE = "site"


@dataclass(frozen=True)
class PublishReport:
    remote: str
    url: str
    branch: str
    commit: str
    built: bool
    failed: tuple[Problem, ...] = ()  # portraits the site left out: published without them

    @property
    def exit_code(self) -> int:
        """As ``kitgen build``'s: 1 when portraits failed (the site is published without)."""
        return 1 if self.failed else 0

    def summary(self) -> str:
        return (f"published site/ to {self.remote} ({self.url}) branch {self.branch} at "
                f"{self.commit[:12]}" + left_out(self.failed))


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=False)


def repository(root: Path) -> Path:
    """The top of the git work tree holding the kit, or a one-line error."""
    try:
        done = _git(root, "rev-parse", "--show-toplevel")
    except FileNotFoundError:
        raise KitgenError("git is not installed; install git to publish, or copy site/ to "
                          "your web host by hand") from None
    if done.returncode != 0:
        raise KitgenError(f"{root}: not a git repository; run 'git init' and "
                          "'git remote add origin URL' there, then publish again")
    return Path(done.stdout.strip())


def check_branch(repo: Path, branch: str) -> None:
    """Refuse a name git would refuse, before anything is built or written: git's own error
    came late, from inside ghp-import, and left fast-import crash reports in .git/."""
    if _git(repo, "check-ref-format", "--branch", branch).returncode != 0:
        raise KitError(f"--branch {branch}: not a valid git branch name; choose another, "
                       "such as gh-pages")


def check_target(repo: Path, brand: Path, branch: str, refs: tuple[str, ...]) -> None:
    """Refuse a branch publishing would wreck: it makes the site the branch's whole tree, so
    ``--branch main`` replaced the kit with its guide, locally and on the remote. Refused: the
    checked-out branch; any of ``refs`` whose tree has the kit's brand file (``brand``,
    relative to ``repo``); and any of ``refs`` that exists but holds no website (no
    index.html: another project's code, say). A pages branch made by kitgen, by mkdocs
    gh-deploy or by hand has one."""
    head = _git(repo, "symbolic-ref", "--quiet", "--short", "HEAD").stdout.strip()
    why = f"it is the branch checked out in {repo}" if head == branch else None
    for ref in refs:
        if why is not None or _git(repo, "rev-parse", "--verify", "--quiet",
                                   f"{ref}^{{commit}}").returncode != 0:
            continue  # decided, or no such branch yet
        if _git(repo, "cat-file", "-e", f"{ref}:{brand.as_posix()}").returncode == 0:
            why = f"it holds the kit's sources ({ref} has {brand.as_posix()})"
        elif _git(repo, "cat-file", "-e", f"{ref}:index.html").returncode != 0:
            why = f"it holds something other than a website ({ref} has no index.html)"
    if why:
        raise KitError(f"--branch {branch}: {why}; publishing replaces the branch's whole "
                       "tree with the site, so publish to a branch of its own, such as "
                       "gh-pages (the default)")


_DOMAIN = re.compile(r"(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}", re.I)


def check_cname(cname: str | None) -> None:
    """GitHub Pages reads CNAME as one bare domain; anything else breaks the site's address."""
    if cname is not None and not _DOMAIN.fullmatch(cname):
        raise KitError(f"--cname {cname}: not a domain name; give the bare domain, such as "
                       "brand.example.com (no https:// and no path)")


def remote_url(repo: Path, remote: str) -> str:
    done = _git(repo, "remote", "get-url", remote)
    if done.returncode != 0:
        known = _git(repo, "remote").stdout.split()
        hint = f" (remotes: {', '.join(known)})" if known else ""
        raise KitgenError(f"{repo}: no git remote named '{remote}'{hint}; add one with "
                          f"'git remote add {remote} URL' or choose another with --remote")
    return done.stdout.strip()


def default_message(repo: Path, kit_root: Path | None = None) -> str:
    """Names the commit the site was built from; with ``kit_root``, says so when the kit's
    sources there (content/, themes/, mkdocs.yml) have changes not committed: the message
    named the last commit alone, as if the site were built from it (QA pass 4)."""
    from kitgen import __version__

    head = _git(repo, "rev-parse", "--short", "HEAD")
    source = f" from {head.stdout.strip()}" if head.returncode == 0 else ""
    if source and kit_root is not None:
        dirty = _git(kit_root, "status", "--porcelain", "--", "content", "themes",
                     "mkdocs.yml").stdout.strip()
        source += " (and changes not committed)" if dirty else ""
    return f"Publish the brand guide{source} with kitgen {__version__}"


@contextmanager
def _in_repo(repo: Path) -> Iterator[None]:
    """ghp-import runs git in the current folder and reads the committer from the
    environment or git config; give it both, and put everything back afterwards."""
    saved_cwd, saved_env = os.getcwd(), dict(os.environ)
    os.chdir(repo)
    try:
        for key, config, fallback in (("GIT_COMMITTER_NAME", "user.name", "kitgen"),
                                      ("GIT_COMMITTER_EMAIL", "user.email", "kitgen@localhost")):
            if not os.environ.get(key) and not _git(repo, "config", config).stdout.strip():
                os.environ[key] = fallback
        yield
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)


def publish(root: Path | str = ".", *, remote: str = "origin", branch: str = "gh-pages",
            message: str | None = None, cname: str | None = None,
            on_build: Callable[[str], None] | None = None) -> PublishReport:
    """Push ``root/site`` to ``remote``'s ``branch``; builds the kit first when ``site/`` is
    missing or older than the kit's content (``on_build`` hears why). ``cname`` is the
    custom domain; without it the branch keeps the CNAME it has (GitHub's settings page
    writes one there), which a publish would otherwise remove."""
    import ghp_import

    from kitgen.freshness import ensure_built
    from kitgen.kitfile.load import load_kit

    kit = load_kit(root)  # first: a folder that is no kit is told so, as every verb does
    repo = repository(kit.root)
    check_branch(repo, branch)
    check_cname(cname)
    url = remote_url(repo, remote)
    # Start from the remote's branch when it exists, so the push is a fast-forward; and look
    # at what it holds before anything is built.
    _git(repo, "fetch", "--quiet", remote, f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}")
    brand = (kit.root / "content" / "brand.yml").resolve().relative_to(repo.resolve())
    check_target(repo, brand, branch, (f"refs/heads/{branch}", f"refs/remotes/{remote}/{branch}"))
    site = kit.root / SITE
    built = ensure_built(kit, site, on_build) is not None
    failed = failures(json.loads((site / "kit.json").read_text(encoding="utf-8")))
    if cname is None and not (site / "CNAME").exists():
        kept = _git(repo, "show", f"refs/remotes/{remote}/{branch}:CNAME")
        cname = kept.stdout.strip() or None if kept.returncode == 0 else None
    with _in_repo(repo):
        try:
            ghp_import.ghp_import(str(site), mesg=message or default_message(repo, kit.root),
                                  remote=remote, branch=branch, push=True, nojekyll=True,
                                  cname=cname)
        except ghp_import.GhpError as exc:
            raise KitgenError(f"{repo}: publishing failed: {exc}") from None
        except subprocess.CalledProcessError:
            raise KitgenError(f"{repo}: 'git push {remote} {branch}' failed (see git's message "
                              f"above); check the remote's URL and your access, then publish "
                              "again") from None
    commit = _git(repo, "rev-parse", f"refs/heads/{branch}").stdout.strip()
    return PublishReport(remote=remote, url=url, branch=branch, commit=commit, built=built,
                         failed=failed)


__all__ = ["PublishReport", "check_branch", "check_cname", "check_target", "publish", "remote_url",
           "repository"]
