"""Read a kit folder: validate brand.yml as a whole and find the approved portraits."""
from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from kitgen.crops.presets import Preset, make_custom, presets_for
from kitgen.errors import KitError
from kitgen.kitfile import IMAGE_SUFFIXES, OTHER_IMAGE_SUFFIXES
from kitgen.ids import faces_clashes, unique_ids
from kitgen.kitfile.expansion import expansion_problem
from kitgen.kitfile.errors import describe, dotted, line_of, suggest, yaml_problem
from kitgen.kitfile.repeats import repeats
from kitgen.kitfile.schema import BrandFile, PortraitEntry
from kitgen.records import Problem

BRAND_FILE = "brand.yml"


@dataclass(frozen=True)
class Source:
    """One portrait file to build, with its optional brand.yml entry."""

    path: Path
    rel: str  # relative to content/
    entry: PortraitEntry
    id: str  # the page's and crops' name (kitgen.ids), given over every image in the folder


@dataclass
class Kit:
    root: Path
    brand: BrandFile
    sources: list[Source]
    presets: list[Preset]
    skipped: list[Problem] = field(default_factory=list)
    refused: list[Problem] = field(default_factory=list)
    unapproved: list[Source] = field(default_factory=list)  # approved: false in brand.yml

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def portraits_dir(self) -> Path:
        return self.content / self.brand.portraits_dir


def _read_yaml(path: Path, shown: str) -> tuple[object, yaml.Node | None]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise KitError(f"{shown}: not UTF-8 text; save it as UTF-8") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        problem = expansion_problem(node)
        if problem:
            raise KitError(f"{shown}:{problem[0]}: {problem[1]}")
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise KitError(yaml_problem(shown, exc)) from None
    except RecursionError:  # PyYAML composes recursively: a few hundred levels of [[[...]]]
        raise KitError(f"{shown}: values are nested too deeply for YAML to read; a brand "
                       "file needs a few levels, see 'kitgen schema'") from None
    return data, node


def duplicate_keys(node: yaml.Node | None, path: tuple = ()) -> list[tuple[int, str]]:
    """(line, dotted key) for every key given twice in one mapping: YAML keeps the last one
    silently, so a second ``goals:`` would quietly replace the first."""
    out: list[tuple[int, str]] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[object] = set()
        for key, value in node.value:
            name = getattr(key, "value", None)
            if isinstance(name, str) and name in seen:
                out.append((key.start_mark.line + 1, dotted((*path, name))))
            seen.add(name)
            out += duplicate_keys(value, (*path, name))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out += duplicate_keys(item, (*path, i))
    return out


def on_disk(file: str, names: list[str]) -> str | None:
    """The folder's name for ``file`` as brand.yml writes it, or None. Names are compared in
    one Unicode form: a Mac often stores 'Zoë.jpg' with 'e' and a combining diaeresis, and the
    brand.yml typed by hand, with 'ë', was told 'no file' and 'did you mean' the same-looking
    name (QA pass 4)."""
    if file in names:
        return file
    wanted = unicodedata.normalize("NFC", file)
    return next((n for n in names if unicodedata.normalize("NFC", n) == wanted), None)


def find_root(start: Path) -> Path:
    start = start.resolve()
    if (start / "content" / BRAND_FILE).is_file():
        return start
    if not start.is_dir():  # a mistyped --kit was told only that no brand.yml was "here"
        raise KitError(f"{start}: no such folder; check the path given to --kit, or create a "
                       "kit there with 'kitgen init DIR'")
    above = next((d for d in start.parents if (d / "content" / BRAND_FILE).is_file()), None)
    if above is not None:  # run from content/ or portraits/: name the kit, never build it unasked
        import shlex  # quoted as a shell needs it: "--kit /clients/Zoë kit" passed "/clients/Zoë"

        raise KitError(f"{start}: no content/{BRAND_FILE} here, but {above} is the kit around "
                       f"this folder; run kitgen there or pass --kit {shlex.quote(str(above))}")
    raise KitError(
        f"{start}: no content/{BRAND_FILE} here; run kitgen in a kit folder, pass --kit DIR, "
        "or create one with 'kitgen init DIR'"
    )


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def _image_folders(folders: list[Path]) -> list[tuple[Path, int]]:
    """(folder, how many images it holds at any depth) for each folder that holds any: only
    the portraits folder's own files are built, and images one level down went unnoticed."""
    out = []
    for folder in sorted(folders, key=lambda p: p.name):
        count = 0
        for _, dirs, names in os.walk(folder):  # links to folders are not followed
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            count += sum(1 for n in names if not n.startswith(".")
                         and Path(n).suffix.lower() in IMAGE_SUFFIXES)
        if count:
            out.append((folder, count))
    return out


def link_to_nothing(path: Path) -> str | None:
    """What a link to a missing file is told (it was 'cannot be read ... check its
    permissions'), or None for anything else."""
    if path.is_symlink() and not path.exists():
        return (f"is a link to {os.readlink(path)}, which does not exist; restore that file "
                "or remove the link")
    return None


def _not_a_file(path: Path) -> str | None:
    """Why a portrait entry that is no folder is not an image file either, or None: opening a
    named pipe waits for a writer, so the build hung."""
    dangling = link_to_nothing(path)
    if dangling:
        return dangling
    if not path.is_file():
        return ("is not a regular file (a named pipe, socket or device); put the image file "
                "itself there")
    return None


def load_kit(root: Path | str = ".") -> Kit:
    """Validate the whole brand file, then discover portraits. Raises KitError (exit 2)."""
    root = find_root(Path(root))
    brand_path = root / "content" / BRAND_FILE
    shown = f"content/{BRAND_FILE}"
    data, node = _read_yaml(brand_path, shown)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise KitError(f"{shown}: expected a mapping of keys (person, goals, ...), "
                       f"got {type(data).__name__}; see 'kitgen schema'")
    found = [(line, f"{shown}:{line}: {key}: given twice (YAML keeps only the last one); "
                    "merge them into one") for line, key in duplicate_keys(node)]
    wrong: list[tuple[tuple, str]] = []
    try:
        brand = BrandFile.model_validate(data)
    except ValidationError as err:
        wrong = describe(BrandFile, err)
    invalid = {loc for loc, _ in wrong}  # an invalid item given twice is reported once
    for loc, msg in wrong + [r for r in repeats(data) if r[0] not in invalid]:
        line = line_of(node, loc)
        where = f"{shown}:{line}" if line else shown
        found.append((line or 0, f"{where}: {dotted(loc)}: {msg}"))
    problems = [text for _, text in sorted(found, key=lambda f: f[0])]  # in the file's order
    if problems:
        raise KitError(f"{shown}: {len(problems)} problem(s); fix them and build again:",
                       problems) from None
    content = root / "content"
    pdir = content / brand.portraits_dir
    problems = []
    if not _inside(pdir, content):
        problems.append(f"{shown}: portraits_dir: '{brand.portraits_dir}' is outside content/; "
                        "use a folder inside content/")
    elif not pdir.is_dir():
        problems.append(f"content/{brand.portraits_dir}: folder missing; create it and add "
                        "portraits (JPEG, PNG, WebP or HEIC)")
    if problems:
        raise KitError(problems[0])

    listed = [p for p in pdir.iterdir() if not p.name.startswith(".")]
    folders = _image_folders([p for p in listed if p.is_dir()])
    files = sorted((p for p in listed if p.suffix.lower() in IMAGE_SUFFIXES and not p.is_dir()),
                   key=lambda p: p.name)
    names = [p.name for p in files]
    entries: dict[str, PortraitEntry] = {}
    for i, entry in enumerate(brand.portraits):
        file = on_disk(entry.file, names)
        if file is None:
            line = line_of(node, ("portraits", i, "file"))
            problems.append(
                f"{shown}:{line}: portraits[{i}].file: no file '{entry.file}' in "
                f"content/{brand.portraits_dir}{suggest(entry.file, names)}"
            )
        entries[file or entry.file] = entry  # a file listed twice was reported (kitfile.repeats)
        named = next((n for n in names if entry.id and Path(n).stem == entry.id
                      and n != file), None)
        if named:  # that file's id is its name; pinning it elsewhere would rename it unasked
            problems.append(f"{shown}:{line_of(node, ('portraits', i, 'id'))}: portraits[{i}].id: "
                            f"'{entry.id}' is the id of {named}, named so; choose another")
    if brand.platforms == [] and not brand.presets:
        problems.append(f"{shown}:{line_of(node, ('platforms',))}: platforms: the list is empty, "
                        "so no crop would be made; name at least one platform, add presets, "
                        "or remove the key to get every platform")
    if problems:
        raise KitError(f"{shown}: {len(problems)} problem(s); fix them and build again:",
                       problems)
    if not files:
        inside = (f" (the images in {', '.join(f.name + '/' for f, _ in folders)} are not "
                  "used: only files directly in the folder are portraits)" if folders else "")
        other = sorted(p.name for p in listed if p.suffix.lower() in OTHER_IMAGE_SUFFIXES)
        inside += (f" ({', '.join(other)}: not a format kitgen reads)" if other else "")
        raise KitError(f"content/{brand.portraits_dir}: no portraits found; add JPEG, PNG, "
                       f"WebP or HEIC files there{inside}")

    # Ids over every image, approved or not: un-approving one must not pass its id (and the
    # guide's links to it) to another portrait.
    pins = [entries[p.name].id if p.name in entries else None for p in files]
    ids = unique_ids([p.stem for p in files], pins)
    kit = Kit(root=root, brand=brand, sources=[], presets=[])
    for path, pid in zip(files, ids):
        rel = path.relative_to(content).as_posix()
        entry = entries.get(path.name, PortraitEntry(file=path.name))
        unusable = _not_a_file(path)
        if unusable:
            kit.refused.append(Problem(rel, unusable))
            continue
        if path.is_symlink() and not _inside(path, root):
            kit.refused.append(Problem(rel, "is a link to a file outside the kit folder; copy "
                                            "the image into the kit instead"))
            continue
        if not entry.approved:
            kit.skipped.append(Problem(rel, "not approved in brand.yml; skipped"))
            kit.unapproved.append(Source(path=path, rel=rel, entry=entry, id=pid))
            continue
        kit.sources.append(Source(path=path, rel=rel, entry=entry, id=pid))
    clash = faces_clashes([s.id for s in kit.sources])
    for s in (s for s in kit.sources if s.id in clash):
        kit.refused.append(Problem(s.rel, f"its id '{s.id}' is the name of {clash[s.id]}'s face "
                                          f"picture in the guide; give it another id in "
                                          f"brand.yml (portraits: - file: {s.path.name}, id: "
                                          f"{s.id}-photo)"))
    kit.sources = [s for s in kit.sources if s.id not in clash]
    for path in sorted(listed, key=lambda p: p.name):  # kit.json's order: the files'
        if path.suffix.lower() in OTHER_IMAGE_SUFFIXES and not path.is_dir():
            kit.skipped.append(Problem(
                path.relative_to(content).as_posix(),
                f"kitgen does not read {path.suffix[1:].upper()} files; export it as JPEG, "
                "PNG, WebP or HEIC to build it"))
    for folder, count in folders:
        kit.skipped.append(Problem(
            folder.relative_to(content).as_posix(),
            f"is a subfolder; its {count} image(s) are not built: only images directly in "
            f"content/{brand.portraits_dir} are portraits (move them there to build them)"))
    custom = [make_custom(p.id, p.label, p.width, p.height, p.kind, p.circle)
              for p in brand.presets]
    kit.presets = presets_for(brand.platforms, custom)
    return kit


def relpath(path: Path, start: Path) -> str:
    return os.path.relpath(path, start)
