"""The guide built while portraits' files are still being made is used only when every
portrait ended as it was when the guide started (kitgen.site_overlap)."""
from __future__ import annotations

import threading

import pytest

from kitgen.site_overlap import SiteOverlap

REC = {"a": {"id": "a"}, "b": {"id": "b"}}


def _overlap(calls: list, gate: threading.Event | None = None) -> SiteOverlap:
    def start(snapshot, ready):  # noqa: ANN001, ANN202
        if gate is not None:
            ready()  # as the guide does when it must stage the images itself
            gate.set()
        calls.append(sorted(snapshot))
        return ("guide", sorted(snapshot))

    return SiteOverlap(["a", "b"], start)


def test_starts_once_every_portrait_has_a_record_and_one_still_has_files_to_make():
    calls: list = []
    ov = _overlap(calls)
    ov.known("a", REC["a"], ["x.jpg"])  # early: a's files still to come
    assert ov.thread is None  # b has no record yet
    ov.final("b", REC["b"], ["y.jpg"])
    assert ov.thread is not None
    ov.final("a", REC["a"], ["x.jpg"])  # a ends as it was when the guide started
    final = ov.done()
    assert ov.take(final) == ("guide", ["a", "b"])
    assert calls == [["a", "b"]]


def test_nothing_to_overlap_when_every_portrait_is_done():
    calls: list = []
    ov = _overlap(calls)
    ov.final("a", REC["a"], ["x.jpg"])
    ov.final("b", REC["b"], ["y.jpg"])
    assert ov.take(ov.done()) is None and calls == []


@pytest.mark.parametrize("ending", [
    {"error": "could not be processed (OSError: disk full); re-export the image"},
    {"id": "a", "changed": True},
])
def test_a_portrait_that_ends_otherwise_drops_the_early_guide(ending):
    ov = _overlap([])
    ov.known("a", REC["a"], ["x.jpg"])
    ov.known("b", REC["b"], ["y.jpg"])
    ov.final("b", REC["b"], ["y.jpg"])
    ov.final("a", ending, None if "error" in ending else ["x.jpg"])
    assert ov.take(ov.done()) is None


def test_other_files_than_announced_drop_the_early_guide():
    ov = _overlap([])
    ov.known("a", REC["a"], ["x.jpg"])
    ov.known("b", REC["b"], ["y.jpg"])
    ov.final("a", REC["a"], ["x.jpg", "extra.png"])
    ov.final("b", REC["b"], ["y.jpg"])
    assert ov.take(ov.done()) is None


def test_the_guide_waits_for_the_files_when_it_stages_them():
    gate = threading.Event()
    ov = _overlap([], gate)
    ov.known("a", REC["a"], ["x.jpg"])
    ov.known("b", REC["b"], ["y.jpg"])
    assert not gate.wait(0.2)  # blocked in ready(): the files are not stored yet
    ov.final("a", REC["a"], ["x.jpg"])
    ov.final("b", REC["b"], ["y.jpg"])
    final = ov.done()  # stored: the guide goes on
    assert gate.is_set() and ov.take(final) == ("guide", ["a", "b"])


def test_the_guides_error_is_raised_when_its_guide_would_have_been_used():
    def start(snapshot, ready):  # noqa: ANN001, ANN202, ARG001
        raise RuntimeError("mkdocs.yml: the guide did not build in strict mode")

    ov = SiteOverlap(["a"], start)
    ov.known("a", REC["a"], ["x.jpg"])
    ov.final("a", REC["a"], ["x.jpg"])
    with pytest.raises(RuntimeError, match="strict mode"):
        ov.take(ov.done())
