"""``build()``: load -> analyse -> crop -> render -> site, as named stages.

Per-portrait work (decode, faces, palette, crops) runs in worker processes and lands in the
content-addressed cache; everything after that is gathered in memory, written into a staging
folder and swapped in as ``site/`` at the very end.
"""
from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from kitgen import cache, memory
from kitgen.errors import CannotWrite, PortraitError, unexpected
from kitgen.lock import BuildLock
from kitgen.records import Portrait, Problem, portrait_from_dict
from kitgen.report import STATE, BuildReport, named
from kitgen.state_folders import check_state_folders
from kitgen.swap import refuse_foreign_site

if TYPE_CHECKING:
    from kitgen.kitfile.load import Kit
    from kitgen.site import SiteBuild
    from kitgen.site_overlap import SiteOverlap

log = logging.getLogger(__name__)
# Cached records made before the current emotional reading are rebuilt, not reused.
READING_KEY = "reading-1"


@dataclass
class Job:
    path: Path
    rel: str
    pid: str
    entry: dict
    key: str
    sha256: str


def run_job(job: Job, presets: list, work_dir: Path, threads: int = 1,
            early: Callable[[dict, list[str]], None] | None = None) -> dict:
    """Worker entry: one portrait to a record dict; never raises for a bad portrait.
    ``early`` gets the record and its files' paths before the files are made."""
    from kitgen.process import process

    def told(portrait: Portrait, files: list[str]) -> None:
        try:
            early(portrait.to_dict(), files)  # type: ignore[misc]
        except Exception:  # a head start for the guide, never the portrait's failure
            log.debug("could not send the early record of %s", job.rel, exc_info=True)

    try:
        portrait = process(job.path, job.rel, job.pid, job.entry, presets, work_dir, threads,
                           told if early else None)
    except PortraitError as exc:
        return {"error": exc.reason, "source": job.rel}
    except Exception as exc:
        log.debug("unexpected failure on %s", job.rel, exc_info=True)
        return {"error": unexpected(exc), "source": job.rel}
    return portrait.to_dict()


def unreadable(path: Path, exc: OSError) -> str:
    """Why a portrait file cannot be read, and the fix: a link whose file went away after the
    kit was loaded is told what kitgen.kitfile.load tells one found broken."""
    from kitgen.kitfile.load import link_to_nothing

    return link_to_nothing(path) or f"cannot be read ({exc.strerror}); check its permissions"


def unapproved_digests(kit: Kit) -> dict[str, str]:
    """sha256 -> path of each image brand.yml does not approve. A copy of one under another
    name, with no brand.yml entry of its own, was built and published (QA pass 4): a photo
    the client turned down came back with a new name."""
    out: dict[str, str] = {}
    for src in kit.unapproved:
        try:
            out.setdefault(cache.file_sha256(src.path), src.rel)
        except OSError:
            continue  # not read, not built: nothing to compare
    return out


def plan(kit: Kit) -> tuple[list[Job], list[Problem]]:
    """Hash every source once; duplicates (same bytes) are built once with a warning, as the
    file brand.yml describes when one does (kitgen.copies)."""
    from kitgen.copies import keepers

    preset_dicts = [p.to_dict() | {"fs": p.face_share, "eye": p.eye_line} for p in kit.presets]
    jobs, dupes, hashed = [], [], []
    for src in kit.sources:
        try:
            hashed.append((src, cache.file_sha256(src.path)))
        except OSError as exc:
            dupes.append(Problem(src.rel, unreadable(src.path, exc)))
    described = {entry.file for entry in kit.brand.portraits}
    kept = keepers([(src.rel, digest, src.entry.file in described) for src, digest in hashed])
    rejected = unapproved_digests(kit)
    for src, digest in hashed:
        if digest in rejected and src.entry.file not in described:
            kit.skipped.append(Problem(src.rel, f"is the same image as content/{rejected[digest]}"
                                                ", which brand.yml does not approve; skipped "
                                                "(list this file in brand.yml's portraits to "
                                                "build it all the same)"))
            continue
        if kept[digest] != src.rel:  # a warning, not a failure: the image itself is built
            kit.skipped.append(Problem(src.rel, f"is the same image as content/{kept[digest]}; "
                                                "built once (remove one of the copies)"))
            continue
        entry = src.entry.model_dump(mode="json")
        jobs.append(Job(src.path, src.rel, src.id, entry, cache.key(digest, src.id, entry,
                                                                     preset_dicts,
                                                                     READING_KEY), digest))
    return jobs, dupes


def _whole_record(rec: dict) -> bool:
    """Whether a cached record reads as a portrait. A damaged one (a hand edit, a disk that
    filled up) is made again: it was a KeyError traceback."""
    try:
        portrait_from_dict(rec)
    except (KeyError, TypeError, ValueError, AttributeError):
        return False
    return True


def analyse(kit: Kit, jobs: list[Job], workers: int | None,
            progress: Callable[[str], None] | None = None,
            max_memory: int | None = None,
            meanwhile: Callable[[], None] | None = None,
            overlap: SiteOverlap | None = None,
            ) -> tuple[list[dict], list[Problem], int, tuple[int, int], list[str]]:
    """Run the uncached jobs (in parallel when it pays, within the memory budget); return
    records in job order, failures, the number cached, (cores, processes) used, and what the
    build should say of the budget (portraits that overran it).
    ``meanwhile`` runs here while worker processes start, if any do; ``overlap`` is told of
    each record as soon as it is known (kitgen.site_overlap)."""
    from kitgen import pool  # here, not at the top: a no-change rebuild never needs it

    cache_dir = kit.root / STATE / "cache"
    work_root = kit.root / STATE / "work"
    records: dict[str, dict] = {}
    failed: list[Problem] = []
    todo = []
    for job in jobs:
        rec = cache.lookup(cache_dir, job.key)
        if rec is not None and _whole_record(rec):
            records[job.key] = rec
            if overlap is not None:
                overlap.known(job.key, rec, cache.files_of(cache_dir / job.key))
            if progress:
                progress(job.rel)
        else:
            todo.append(job)
    cached = len(jobs) - len(todo)
    shutil.rmtree(work_root, ignore_errors=True)
    # ``workers`` counts cores. Worker processes run up to THREADS portraits side by side,
    # their parts on THREADS threads they share (kitgen.pool, process.task_pool), one process
    # per THREADS cores. When the memory budget has no room for that, a process per core runs
    # one portrait, and the cores left without a process become threads inside each portrait.
    # One process, or one portrait, runs here.
    cores = max(1, workers or os.cpu_count() or 1)
    budget = max_memory if max_memory is not None else memory.default_budget()
    pooled = cores > 1 and len(todo) > 1
    # Sized from headers: for the pool's plan, and against a budget the user set.
    need = ({j.key: memory.job_bytes(j.path) for j in todo}
            if pooled or max_memory is not None else {})
    slots = min(memory.THREADS, cores)
    if pooled and memory.side_by_side(budget, list(need.values()), slots):
        procs = memory.pool_size(budget, -(-min(cores, len(todo)) // slots),
                                 list(need.values()))
        threads = slots  # the worker's portraits share its threads (process.task_pool)
        used_cores = procs * slots
    else:
        slots = 1
        procs = memory.pool_size(budget, min(cores, len(todo) or 1), list(need.values()))
        threads = min(memory.THREADS, max(1, cores // procs))
        used_cores = procs * threads
    pooled = pooled and (procs > 1 or slots > 1)
    where = (f"{procs} worker process(es) of {slots} portrait(s) at once" if pooled else
             "one at a time in this process")
    log.debug("%d portrait(s) to analyse: %s, %d thread(s) each; memory budget %s MB",
              len(todo), where, threads, "none" if budget is None else budget // memory.MB)
    notes = [memory.over_budget_note(f"content/{named(j.rel)}", need[j.key], budget, pooled)
             for j in todo if j.key in need and memory.over_budget(budget, need[j.key], pooled)]

    def finish(job: Job, rec: dict) -> None:
        if "error" not in rec and rec.get("sha256") != job.sha256:
            # Replaced between planning and decoding: the record is not the bytes its cache
            # key names, so it is neither cached nor published.
            rec = {"error": "changed while kitgen was reading it; run kitgen build again"}
        if "error" in rec:
            failed.append(Problem(job.rel, rec["error"]))
            shutil.rmtree(work_root / job.key, ignore_errors=True)
        else:
            cache.store(cache_dir, job.key, work_root / job.key, rec)
            records[job.key] = rec
        if overlap is not None:
            overlap.final(job.key, rec,
                          None if "error" in rec else cache.files_of(cache_dir / job.key))
        if progress:
            progress(job.rel)

    def early(job: Job, got: tuple) -> None:
        rec, files = got
        if overlap is not None and rec.get("sha256") == job.sha256:
            overlap.known(job.key, rec, files)

    if not pooled:
        pool.stop_spares()  # a worker started early (kitgen.early_start) is not wanted
        for job in todo:
            finish(job, run_job(job, kit.presets, work_root / job.key, threads))
    else:
        args = {j.key: (j, kit.presets, work_root / j.key, threads) for j in todo}
        pool.run_all(run_job, todo, args, procs, budget, need, finish, slots, meanwhile,
                     early if overlap is not None else None)
    shutil.rmtree(work_root, ignore_errors=True)
    ordered = [records[j.key] for j in jobs if j.key in records]
    failed.sort(key=lambda p: p.source)
    used = (used_cores, procs if pooled else 1)
    return ordered, failed, cached, used if todo else (0, 0), notes


def build(root: Path | str = ".", *, workers: int | None = None,
          progress: Callable[[str], None] | None = None,
          on_plan: Callable[[int], None] | None = None,
          max_memory: int | None = None) -> BuildReport:
    """Build the kit at ``root`` into ``root/site``. Raises KitError for a bad kit.
    ``max_memory`` (bytes) bounds the build's memory (kitgen/memory.py)."""
    from kitgen import uptodate

    started = time.perf_counter()
    root = Path(root).resolve()
    cache.forget_hashes()
    inputs, done = uptodate.answer(root)
    if done is not None:
        log.debug("%s: nothing changed since the last build (content/, themes/, mkdocs.yml "
                  "and kitgen hashed in %.2f s); site/ kept", root, time.perf_counter() - started)
        return done
    from kitgen import early_start, pool

    try:
        if inputs is not None:  # a kit to build: content/ has just been hashed
            early_start.start(root, workers, max_memory)
        report = _build(root, workers=workers, progress=progress, on_plan=on_plan,
                        max_memory=max_memory)
    finally:
        pool.stop_spares()
    report.seconds = time.perf_counter() - started
    if inputs is not None and uptodate.digest(root) == inputs:  # unchanged while building
        uptodate.remember(root / STATE, report.site, inputs)
    return report


# Held while the site stage's modules are imported: the pool's ``meanwhile`` and the guide's
# thread (kitgen.site_overlap) could otherwise import the same packages at once, which Python
# allows but where a package importing another in the opposite order can meet a half-made one.
_SITE_IMPORTS = threading.Lock()


def _import_site_stage() -> None:
    """Import what the stages after the analysis need (under half a second: colour science,
    Jinja2, MkDocs) while worker processes start, when a core would otherwise wait."""
    with _SITE_IMPORTS:
        import kitgen.analysis.kit_palette  # noqa: F401
        import kitgen.guide.pages  # noqa: F401
        import kitgen.manifest  # noqa: F401
        import kitgen.site  # noqa: F401
        import kitgen.site_state  # noqa: F401
        import mkdocs.commands.build  # noqa: F401
        import mkdocs.config  # noqa: F401


def _prepare_site_stage(kit: Kit) -> None:
    """The pool's ``meanwhile``: the site stage's imports, then MkDocs warmed up on the kit's
    configuration (kitgen.site.warm_up), while the portraits are in work."""
    _import_site_stage()
    from kitgen.site import warm_up

    with _SITE_IMPORTS:
        warm_up(kit)


@dataclass
class Guide:
    """The site stage's outcome before site/ is touched."""
    portraits: list[Portrait]
    failed: list[Problem]
    inputs: str  # site_state.digest of everything the site stage read
    built: SiteBuild | None  # None: site/ already is this guide


def guide(kit: Kit, jobs: list[Job], outcomes: dict[str, tuple], refused: list[Problem],
          media_ready: Callable[[], None] | None = None) -> Guide:
    """Kit palette, manifest, pages and the MkDocs build in staging, from each job's outcome
    (kitgen.site_overlap): the portraits' files may still be in the making."""
    _import_site_stage()
    from kitgen import site_state
    from kitgen.analysis.kit_palette import merge
    from kitgen.guide.pages import nav, render_pages
    from kitgen.manifest import manifest
    from kitgen.site import SITE, config_file, prepare_site

    cache_dir = kit.root / STATE / "cache"
    done = [j for j in jobs if j.key in outcomes and outcomes[j.key][0] == "ok"]
    failed = refused + [Problem(j.rel, outcomes[j.key][1]) for j in jobs
                        if j.key in outcomes and outcomes[j.key][0] == "error"]
    failed = sorted(failed, key=lambda p: p.source)
    portraits = [portrait_from_dict(outcomes[j.key][1]) for j in done]
    kit_palette = merge([p.palette for p in portraits])
    data = manifest(kit, portraits, kit_palette, failed)
    pages = render_pages(kit, portraits, kit_palette, data)
    cache_dirs = [cache_dir / j.key for j in done]
    media = [(cache_dir / j.key, rel) for j in done for rel in outcomes[j.key][2]]
    site_nav = nav(portraits, pages)
    state = kit.root / STATE
    inputs = site_state.digest(kit.root, config_file(kit.root), pages, site_nav, data,
                               cache_dirs)
    built = None
    if not site_state.unchanged(state, kit.root / SITE, inputs, data):
        # else the site/ in place is what MkDocs would produce again
        built = prepare_site(kit, pages, site_nav, data, media, site_state.previous(state),
                             media_ready)
    return Guide(portraits, failed, inputs, built)


def _build(root: Path, *, workers: int | None,
           progress: Callable[[str], None] | None,
           on_plan: Callable[[int], None] | None,
           max_memory: int | None = None) -> BuildReport:
    from kitgen.kitfile.load import load_kit
    from kitgen.site_overlap import SiteOverlap

    started = time.perf_counter()
    kit = load_kit(root)
    refuse_foreign_site(kit.root / "site")
    with BuildLock(kit.root / STATE):
        check_state_folders(kit.root / STATE)
        jobs, dupes = plan(kit)
        log.debug("%s: %d portrait(s) planned, %d refused or duplicates, %d format(s); "
                  "%.2f s in", kit.root, len(jobs), len(kit.refused) + len(dupes),
                  len(kit.presets), time.perf_counter() - started)
        if on_plan:
            on_plan(len(jobs))
        refused = kit.refused + dupes
        overlap = SiteOverlap([j.key for j in jobs],
                              lambda outcomes, ready: guide(kit, jobs, outcomes, refused,
                                                            ready))
        try:
            _, _, cached, used, notes = analyse(kit, jobs, workers, progress, max_memory,
                                         meanwhile=partial(_prepare_site_stage, kit),
                                         overlap=overlap)
        finally:
            outcomes = overlap.done()
        made = overlap.take(outcomes)
        early = made is not None
        log.debug("portraits done at %.2f s: %d from the cache, %d failed; the guide %s",
                  time.perf_counter() - started, cached, len(made.failed if made else ()),
                  "was built beside them" if early else "is built now")
        if made is None:
            made = guide(kit, jobs, outcomes, refused)
        from kitgen import site_files, site_state
        from kitgen.site import SITE, finish_site

        site, rendered = kit.root / SITE, 0
        if made.built is not None:
            try:
                published = finish_site(made.built)
            except OSError as exc:  # e.g. a kit folder that lets .kitgen/ but not site/ move
                raise CannotWrite(site, exc, "then build again") from None
            rendered = published.rendered
            log.debug("site/ in place at %.2f s: %d page(s) rendered (a page the last site "
                      "already had is kept)", time.perf_counter() - started, rendered)
            site_state.remember(kit.root / STATE, made.inputs, published.frame,
                                published.pages, published.html)
            site_files.remember(kit.root / STATE, site)
    return BuildReport(site=site, portraits=made.portraits, failed=made.failed,
                       skipped=kit.skipped, crops=sum(len(p.crops) for p in made.portraits),
                       seconds=time.perf_counter() - started, cached=cached,
                       site_built=made.built is not None, workers=used[0],
                       processes=used[1], pages_rendered=rendered, guide_early=early,
                       warnings=notes)
