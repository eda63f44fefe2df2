"""``kitgen publish`` against a local bare repository, as GitHub Pages would receive it."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from kitgen.cli import main


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture(autouse=True)
def isolated_git(monkeypatch, tmp_path):
    """No user or system git config, and no repository above tmp_path is ever found."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for key in ("GIT_DIR", "GIT_WORK_TREE", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(key, raising=False)


@pytest.fixture
def kit_repo(example_build, tmp_path) -> tuple[Path, Path]:
    """A copy of the built example kit as a git repository with a bare 'origin'."""
    kit, _ = example_build
    repo = tmp_path / "kit"
    shutil.copytree(kit, repo, ignore=shutil.ignore_patterns(".kitgen"))
    bare = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", str(bare))
    git(repo, "init", "--quiet", "--initial-branch", "main")
    git(repo, "remote", "add", "origin", str(bare))
    return repo, bare


def test_publish_pushes_the_site_to_gh_pages(kit_repo):
    repo, bare = kit_repo
    result = CliRunner().invoke(main, ["publish", "--kit", str(repo)])
    assert result.exit_code == 0, result.output
    assert "published site/ to origin" in result.output
    files = git(bare, "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert {"index.html", "kit.json", "colours.html", ".nojekyll", "kit/palette.ase"} <= set(files)
    site_files = {p.relative_to(repo / "site").as_posix()
                  for p in (repo / "site").rglob("*") if p.is_file()}
    assert set(files) == site_files | {".nojekyll"}
    assert git(bare, "show", "gh-pages:kit.json") == \
        (repo / "site" / "kit.json").read_text(encoding="utf-8")
    # The kit's own branch is untouched: publishing only writes the pages branch.
    assert git(bare, "branch", "--list").split() == ["gh-pages"]
    assert "Publish the brand guide" in git(bare, "log", "-1", "--format=%s", "gh-pages")


def test_publish_again_adds_a_commit_on_top(kit_repo):
    repo, bare = kit_repo
    runner = CliRunner()
    assert runner.invoke(main, ["publish", "--kit", str(repo)]).exit_code == 0
    (repo / "site" / "extra.html").write_text("<p>new</p>", encoding="utf-8")
    result = runner.invoke(main, ["publish", "--kit", str(repo), "-m", "Second edition"])
    assert result.exit_code == 0, result.output
    log = git(bare, "log", "--format=%s", "gh-pages").splitlines()
    assert log[0] == "Second edition" and len(log) == 2
    assert "extra.html" in git(bare, "ls-tree", "--name-only", "gh-pages").split()


def test_publish_to_another_remote_and_branch(kit_repo, tmp_path):
    repo, _ = kit_repo
    other = tmp_path / "other.git"
    git(tmp_path, "init", "--quiet", "--bare", str(other))
    git(repo, "remote", "add", "pages", str(other))
    result = CliRunner().invoke(main, ["publish", "--kit", str(repo), "--remote", "pages",
                                       "--branch", "site"])
    assert result.exit_code == 0, result.output
    assert "index.html" in git(other, "ls-tree", "--name-only", "site").split()


def test_publish_outside_a_git_repository_is_one_clear_line(example_build, tmp_path):
    kit, _ = example_build
    plain = tmp_path / "plain"
    shutil.copytree(kit, plain, ignore=shutil.ignore_patterns(".kitgen"))
    result = CliRunner().invoke(main, ["publish", "--kit", str(plain)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert "not a git repository" in result.output and "git init" in result.output


def test_publish_to_a_missing_remote_names_the_remotes_there(kit_repo):
    repo, _ = kit_repo
    result = CliRunner().invoke(main, ["publish", "--kit", str(repo), "--remote", "upstream"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert "no git remote named 'upstream'" in result.output and "(remotes: origin)" in \
        result.output


def test_publish_when_the_push_is_refused_says_what_failed(kit_repo, tmp_path):
    repo, _ = kit_repo
    git(repo, "remote", "set-url", "origin", str(tmp_path / "nowhere.git"))
    result = CliRunner().invoke(main, ["publish", "--kit", str(repo)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "git push origin gh-pages' failed" in result.output


def test_publish_outside_a_kit_says_so_first(tmp_path):
    """A folder that is no kit (missing, or not a git repository either) gets the error
    every verb gives, exit 2, not git's."""
    result = CliRunner().invoke(main, ["publish", "--kit", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert result.output == (f"Error: {tmp_path}: no content/brand.yml here; run kitgen in "
                             "a kit folder, pass --kit DIR, or create one with "
                             "'kitgen init DIR'\n")
    missing = tmp_path / "does-not-exist"
    result = CliRunner().invoke(main, ["publish", "--kit", str(missing)])
    assert result.exit_code == 2, result.output
    assert result.output == (f"Error: {missing}: no such folder; check the path given to "
                             "--kit, or create a kit there with 'kitgen init DIR'\n")


def test_publish_refuses_a_bad_branch_name_before_anything_is_written(kit_repo):
    repo, bare = kit_repo
    result = CliRunner().invoke(main, ["publish", "--kit", str(repo), "--branch", "bad..name"])
    assert result.exit_code == 2
    assert result.output == ("Error: --branch bad..name: not a valid git branch name; choose "
                             "another, such as gh-pages\n")
    assert not list((repo / ".git").glob("fast_import_crash_*"))
    assert git(repo, "for-each-ref").strip() == "" and git(bare, "for-each-ref").strip() == ""


def test_publish_names_the_portraits_that_failed_and_exits_1(kit_factory, tmp_path):
    """As 'kitgen build' does: the site is published without them, each is named on its
    own Error line, and the exit code is 1."""
    from conftest import ASTRONAUT

    kit = kit_factory("person: {name: Ada}\ngoals: [trust]\nplatforms: [linkedin]\n",
                      [ASTRONAUT])
    (kit / "content" / "portraits" / "empty.jpg").write_bytes(b"")
    bare = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", str(bare))
    git(kit, "init", "--quiet", "--initial-branch", "main")
    git(kit, "remote", "add", "origin", str(bare))
    result = CliRunner().invoke(main, ["publish", "--kit", str(kit)])
    assert result.exit_code == 1, result.output
    assert result.stderr.count("Error: content/portraits/empty.jpg: is empty (0 bytes)") == 1
    assert result.stdout.rstrip().endswith(
        "; 1 portrait(s) failed and are left out: content/portraits/empty.jpg")
    assert "portraits/eileen-collins-nasa.html" in git(bare, "ls-tree", "-r", "--name-only",
                                                       "gh-pages").split()


def _commit_sources(repo: Path) -> str:
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=A", "-c", "user.email=a@example.com", "commit", "--quiet",
        "-m", "sources")
    return git(repo, "rev-parse", "HEAD").strip()


def test_publish_refuses_the_checked_out_branch(kit_repo):
    """Publishing makes the site the branch's whole tree: on the kit's own branch that would
    replace the sources with the guide, locally and on the remote (QA pass 2)."""
    repo, bare = kit_repo
    sources = _commit_sources(repo)
    result = CliRunner().invoke(main, ["publish", "--kit", str(repo), "--branch", "main"])
    assert result.exit_code == 2
    assert result.output == (
        f"Error: --branch main: it is the branch checked out in {repo}; publishing replaces "
        "the branch's whole tree with the site, so publish to a branch of its own, such as "
        "gh-pages (the default)\n")
    assert git(repo, "rev-parse", "main").strip() == sources
    assert git(bare, "for-each-ref").strip() == ""


def test_publish_refuses_a_remote_branch_that_holds_the_sources(kit_repo):
    repo, bare = kit_repo
    sources = _commit_sources(repo)
    git(repo, "push", "--quiet", "origin", "main")
    git(repo, "branch", "-m", "main", "work")  # no local 'main': only the remote has it
    result = CliRunner().invoke(main, ["publish", "--kit", str(repo), "--branch", "main"])
    assert result.exit_code == 2
    assert result.output.startswith("Error: --branch main: it holds the kit's sources "
                                    "(refs/remotes/origin/main has content/brand.yml); ")
    assert git(bare, "rev-parse", "main").strip() == sources
    # gh-pages is still fine from the same repository
    assert CliRunner().invoke(main, ["publish", "--kit", str(repo)]).exit_code == 0


def test_publish_keeps_the_pages_branchs_custom_domain_or_sets_one(kit_repo, tmp_path):
    """GitHub's Pages settings write the custom domain as CNAME on the pages branch; a
    publish replaced the branch's tree and so dropped the domain (QA pass 2)."""
    repo, bare = kit_repo
    runner = CliRunner()
    assert runner.invoke(main, ["publish", "--kit", str(repo)]).exit_code == 0
    other = tmp_path / "github-ui"
    git(tmp_path, "clone", "--quiet", "--branch", "gh-pages", str(bare), str(other))
    (other / "CNAME").write_text("brand.example.com\n", encoding="utf-8")
    git(other, "add", "CNAME")
    git(other, "-c", "user.name=G", "-c", "user.email=g@example.com", "commit", "--quiet",
        "-m", "Create CNAME")
    git(other, "push", "--quiet", "origin", "gh-pages")
    (repo / "site" / "extra.html").write_text("<p>new</p>", encoding="utf-8")
    assert runner.invoke(main, ["publish", "--kit", str(repo)]).exit_code == 0
    assert "extra.html" in git(bare, "ls-tree", "--name-only", "gh-pages").split()
    assert git(bare, "show", "gh-pages:CNAME").strip() == "brand.example.com"
    result = runner.invoke(main, ["publish", "--kit", str(repo), "--cname", "kit.example.org"])
    assert result.exit_code == 0, result.output
    assert git(bare, "show", "gh-pages:CNAME").strip() == "kit.example.org"


def test_publish_refuses_a_branch_that_holds_something_other_than_a_site(kit_repo, tmp_path):
    """QA pass 3: a remote 'app' branch with a project's code became the guide."""
    repo, bare = kit_repo
    app = tmp_path / "app"
    git(tmp_path, "init", "--quiet", "--initial-branch", "app", str(app))
    (app / "app.py").write_text("print('hello')\n", encoding="utf-8")
    git(app, "add", "app.py")
    git(app, "-c", "user.name=A", "-c", "user.email=a@example.com", "commit", "--quiet",
        "-m", "code")
    git(app, "push", "--quiet", str(bare), "app")
    before = git(bare, "rev-parse", "app").strip()
    result = CliRunner().invoke(main, ["publish", "--kit", str(repo), "--branch", "app"])
    assert result.exit_code == 2
    assert result.output.startswith("Error: --branch app: it holds something other than a "
                                    "website (refs/remotes/origin/app has no index.html); ")
    assert git(bare, "rev-parse", "app").strip() == before


@pytest.mark.parametrize("cname", ["https://brand.example.com/", "bad example.com", "localhost"])
def test_publish_refuses_a_cname_that_is_not_a_bare_domain(kit_repo, cname):
    repo, bare = kit_repo
    result = CliRunner().invoke(main, ["publish", "--kit", str(repo), "--cname", cname])
    assert result.exit_code == 2
    assert result.output == (f"Error: --cname {cname}: not a domain name; give the bare "
                             "domain, such as brand.example.com (no https:// and no path)\n")
    assert git(bare, "for-each-ref").strip() == ""


def test_publish_message_says_when_the_kit_has_uncommitted_changes(kit_repo):
    """QA pass 4: 'Publish the brand guide from <commit>' named the last commit alone when
    the site was built from edits not committed since."""
    repo, bare = kit_repo
    (repo / ".gitignore").write_text("site/\n.kitgen/\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=A", "-c", "user.email=a@b", "commit", "--quiet", "-m", "kit")
    head = git(repo, "rev-parse", "--short", "HEAD").strip()
    assert CliRunner().invoke(main, ["publish", "--kit", str(repo)]).exit_code == 0
    subject = git(bare, "log", "-1", "--format=%s", "gh-pages")
    assert subject.startswith(f"Publish the brand guide from {head} with kitgen ")
    brand = repo / "content" / "brand.yml"
    brand.write_text(brand.read_text(encoding="utf-8").replace("speaker", "founder"),
                     encoding="utf-8")
    assert CliRunner().invoke(main, ["publish", "--kit", str(repo)]).exit_code == 0
    subject = git(bare, "log", "-1", "--format=%s", "gh-pages")
    assert subject.startswith(f"Publish the brand guide from {head} (and changes not committed) "
                              "with kitgen ")
