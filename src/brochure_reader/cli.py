"""Command line: ``brochure-reader [--home DIR] [FILE_OR_DOC_ID]`` starts the reader; the
sub-commands work without a window.

Exit status: 0 success, 1 error (one line on stderr, never a traceback), 2 usage error.
Feature packages add their own sub-commands through a ``register(subparsers)`` function in a
``commands`` module (see COMMAND_MODULES); each sub-command sets ``func(args, ctx) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

from brochure_reader import APP_NAME, __version__
from brochure_reader.errors import UserError

#: Modules whose ``register(subparsers)`` adds sub-commands (search, bookmarks, handouts...).
COMMAND_MODULES = (
    "brochure_reader.search.commands",
    "brochure_reader.bookmarks.commands",
    "brochure_reader.handouts.commands",
)


#: The CLI's names for :mod:`brochure_reader.errors` (one line on stderr; exit 1, or 2 for usage).
CliError = UserError


class Context:
    """What every command needs: the paths, and the library loaded on first use."""

    def __init__(self, home: str | None):
        from brochure_reader.paths import AppPaths

        self.paths = AppPaths.default(home)
        self._pool = None  # a WorkerPool, started for the first document that needs one

    @cached_property
    def library(self):
        from brochure_reader.library import Library

        library = Library.load(self.paths)
        for problem in library.problems:
            print(f"{APP_NAME}: warning: {problem}", file=sys.stderr)
        return library

    def document_sections(self, doc) -> tuple[int, list]:
        """``(page count, section tree)`` of a library document (read as :meth:`run_job`)."""
        from brochure_reader.library import build_sections
        from brochure_reader.pdf import jobs

        info = self.run_job(jobs.document_info, str(doc.path))
        return info.page_count, build_sections(doc.id, info.outline, info.outline_inferred)

    def run_job(self, job, *args, paths=None):
        """``job(*args)`` (a registered worker job), run where the document is safe to open:
        in this process for files of the bundled pack (we built them), in a worker process
        for every other file (imports, site packs), so a file that crashes MuPDF cannot take
        the command down.  *paths* are the files the job reads (default: ``args[0]``).
        Raises what the job raised; a worker that died is a DocumentError in words."""
        from brochure_reader.paths import bundled_pack_dir

        bundled = bundled_pack_dir().resolve()
        files = [Path(p) for p in (paths if paths is not None else args[:1])]
        if all(bundled in Path(f).resolve().parents for f in files):
            return job(*args)
        if self._pool is None:
            from brochure_reader.pdf.worker import WorkerPool

            self._pool = WorkerPool(1)
        return self._pool.submit(job, *args).result()

    def close(self) -> None:
        """Stop the worker process, if one was started."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


# --- core commands ------------------------------------------------------------------------


def cmd_list(args, ctx: Context) -> int:
    out: dict[str, list] = {"packs": []}
    for pack in ctx.library.packs:
        docs = []
        for doc in pack.documents:
            try:
                pages, sections = ctx.document_sections(doc)
            except Exception as exc:  # one damaged document never hides the others
                pages, sections = None, []
                print(f"{APP_NAME}: warning: {doc.id}: {user_message(exc)}", file=sys.stderr)
            docs.append((doc, pages, sections))
        out["packs"].append((pack, docs))
    if args.json:
        payload = {
            "packs": [
                {
                    "id": pack.id,
                    "title": pack.title,
                    "version": pack.version,
                    "documents": [
                        {
                            "id": doc.id,
                            "title": doc.title,
                            "category": doc.category,
                            "pages": pages,
                            "reviewed": doc.reviewed,
                            "sections": [s.to_json() for s in sections],
                        }
                        for doc, pages, sections in docs
                    ],
                }
                for pack, docs in out["packs"]
            ]
        }
        print(json.dumps(payload, indent=2, ensure_ascii=False))
        return 0
    from brochure_reader.library.sections import iter_sections

    for pack, docs in out["packs"]:
        print(f"{pack.title} [{pack.id}, version {pack.version}]")
        for doc, pages, sections in docs:
            page_text = f"{pages} pages" if pages else "cannot be opened"
            print(f"  {doc.id} — {doc.title} ({page_text})")
            for s in iter_sections(sections):
                where = f"p. {s.page + 1}" if s.page is not None else "no target"
                print(f"    {'  ' * (s.level - 1)}{s.title}  [{s.ref}, {where}]")
    return 0


def cmd_open(args, ctx: Context) -> int:
    return run_gui(ctx, args.target)


def cmd_import(args, ctx: Context) -> int:
    from brochure_reader.library.imports import import_files
    from brochure_reader.pdf.jobs import validate
    from brochure_reader.pdf.worker import WorkerPool

    pool = WorkerPool(1)
    try:

        def validate_in_worker(path: Path) -> dict:
            return pool.submit(validate, str(path)).result(timeout=120)

        results = import_files(ctx.library, [Path(f) for f in args.files], validate_in_worker)
    finally:
        pool.shutdown()
    failed = 0
    for result in results:
        if result.status == "error":
            failed += 1
            print(f"{APP_NAME}: error: {result.message}", file=sys.stderr)
        elif result.status == "duplicate":
            known = result.document.id if result.document else "?"
            print(f"{result.source.name}: already in the library ({known})")
        else:
            print(result.message)
    return 1 if failed else 0


def cmd_remove(args, ctx: Context) -> int:
    from brochure_reader.library.imports import remove_document

    doc = remove_document(ctx.library, args.doc_id)
    print(f"Removed '{doc.title}' ({doc.id}) from the library")
    return 0


def cmd_build_pack(args, ctx: Context) -> int:
    from brochure_reader.authoring import SourceError, build_pack

    source, out = Path(args.source_dir), Path(args.out_dir)
    if not source.is_dir():
        raise UserError(f"{source} is not a folder of Markdown sources")
    try:
        report = build_pack(source, out, large_print=args.large_print)
    except SourceError as exc:
        raise UserError(str(exc)) from exc
    print(report.summary())
    if not args.check:
        return 0
    from brochure_reader.authoring.pack_check import check_pack
    from brochure_reader.authoring.shared import SHARED_DIR, SharedBlockError
    from brochure_reader.library.pack import PackError
    from brochure_reader.pdf.errors import DocumentError

    try:
        problems = check_pack(out, source / SHARED_DIR)
    except (PackError, SharedBlockError, DocumentError) as exc:
        raise CliError(str(exc)) from exc
    for problem in problems:
        print(problem)
    if problems:
        raise CliError(
            f"pack check failed: {len(problems)} disagreement(s) with the shared blocks "
            "(listed above)"
        )
    print("Pack check passed: every document agrees with the shared blocks")
    return 0


def check_target(ctx: Context, target: str | None) -> None:
    """Raise UserError unless *target* is an existing file or a known ``DOC_ID[#slug]``."""
    if not target or Path(target).is_file():
        return
    if Path(target).exists():
        raise UserError(f"{target} is a folder, not a document")
    doc_id, _, _slug = target.partition("#")
    if doc_id not in ctx.library:
        hint = "" if "." not in target and "/" not in target else " (no such file either)"
        raise UserError(
            f"'{target}' is not a command, a document id or a file{hint}; "
            f"see '{APP_NAME} --help' and '{APP_NAME} list'"
        )


def has_display() -> bool:
    """False on Linux/BSD when no X11 or Wayland display is reachable and Qt was not told to
    use another platform (offscreen, vnc…): Qt would abort with a long message."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    return bool(
        os.environ.get("QT_QPA_PLATFORM")
        or os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
    )


def run_gui(
    ctx: Context, target: str | None = None, smoke: bool = False, view: str | None = None
) -> int:
    """The reader window, opening *target* (``DOC_ID[#slug]`` or a file) in *view*."""
    check_target(ctx, target)
    if not has_display():
        raise UserError(
            "no graphical display found (DISPLAY or WAYLAND_DISPLAY is not set); the "
            "sub-commands (list, search, bookmarks, handout…) work without one"
        )
    from brochure_reader.i18n import current
    from brochure_reader.ui.app import run

    return run(ctx.paths, target=target, smoke=smoke, view=view, locale=current())


# --- parser --------------------------------------------------------------------------------


#: ``--lang``: the interface language for this run (overrides the Language setting).
LANG_HELP = "interface language for this run: en or fr (default: the setting, else the system's)"

#: The reader's two views (``--view``).
VIEWS = ("page", "text")
VIEW_HELP = "open the document in the page view or the text view (default: as last time)"


def build_parser() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """``(command parser, gui parser)``; the second handles ``brochure-reader [FILE_OR_DOC_ID]``."""
    home_help = "keep all data, cache and settings in DIR (portable mode)"
    lang_help = LANG_HELP
    top = argparse.ArgumentParser(add_help=False)
    top.add_argument("--home", metavar="DIR", help=home_help)
    top.add_argument("--lang", metavar="LANG", help=lang_help)
    # Sub-commands accept --home and --lang too, without overwriting one given before.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--home", metavar="DIR", default=argparse.SUPPRESS, help=home_help)
    common.add_argument("--lang", metavar="LANG", default=argparse.SUPPRESS, help=lang_help)

    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        parents=[top],
        description="Offline reader for patient-education brochures. Without a command it opens "
        "the reader window.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("gui", parents=[common], help="open the reader window (the default)")
    p.add_argument("target", nargs="?", metavar="FILE_OR_DOC_ID")
    p.add_argument(
        "--smoke", action="store_true", help="open, wait until painted, print time, quit"
    )
    p.add_argument("--view", choices=VIEWS, help=VIEW_HELP)
    p.set_defaults(func=lambda a, c: run_gui(c, a.target, a.smoke, a.view))

    p = sub.add_parser("list", parents=[common], help="list packs, documents and their sections")
    p.add_argument("--json", action="store_true", help="print the documented JSON schema")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("open", parents=[common], help="open a document (DOC_ID[#section])")
    p.add_argument("target", metavar="DOC_ID[#slug]")
    p.set_defaults(func=cmd_open)

    p = sub.add_parser("import", parents=[common], help="copy documents into your library")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("remove", parents=[common], help="remove a document you imported")
    p.add_argument("doc_id", metavar="DOC_ID")
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("build-pack", parents=[common], help="typeset Markdown sources into a pack")
    p.add_argument("source_dir", metavar="SOURCE_DIR")
    p.add_argument("out_dir", metavar="OUT_DIR")
    p.add_argument("--large-print", action="store_true", help="18 pt body text")
    p.add_argument(
        "--check",
        action="store_true",
        help="then check the built text against the shared blocks (urgent signs said the same "
        "way everywhere; the fever block wherever treatment can lower immunity); exit 1 if not",
    )
    p.set_defaults(func=cmd_build_pack)

    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if not (exc.name and name.startswith(exc.name)):
                raise  # a real missing dependency, not an absent optional command module
            continue
        module.register(sub, common)

    gui = argparse.ArgumentParser(prog=APP_NAME, parents=[top], add_help=False)
    gui.add_argument("target", nargs="?", metavar="FILE_OR_DOC_ID")
    gui.add_argument("--smoke", action="store_true")
    gui.add_argument("--view", choices=VIEWS, help=VIEW_HELP)
    return parser, gui


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from brochure_reader.terminal import protect_terminal

    protect_terminal()  # labels, notes and outlines come from files: never escape sequences
    choose_language(argv)  # before the parser: its help texts are translated
    parser, gui_parser = build_parser()
    commands = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr,arg-type]
    first = next(
        (
            a
            for i, a in enumerate(argv)
            if not a.startswith("-")
            and (i == 0 or argv[i - 1] not in ("--home", "--view", "--lang"))
        ),
        None,
    )
    wants_help = any(a in ("-h", "--help", "--version") for a in argv)
    try:
        if first in commands or wants_help:
            args = parser.parse_args(argv)
            if not getattr(args, "func", None):
                args.func = lambda a, c: run_gui(c)
        else:
            args = gui_parser.parse_args(argv)
            args.func = lambda a, c: run_gui(c, a.target, a.smoke, a.view)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.home is not None and not args.home.strip():
        # an empty --home (a script's unset variable) must never mean the real profile
        print(f"{APP_NAME}: error: --home needs a folder; it was given an empty name",
              file=sys.stderr)
        return 2
    ctx = Context(args.home)
    try:
        return int(args.func(args, ctx) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `brochure-reader list | head`: the reader stopped reading
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the final flush at exit cannot fail
        return 0
    except Exception as exc:  # every failure is one line for the user
        print(f"{APP_NAME}: error: {user_message(exc)}", file=sys.stderr)
        return exc.exit_code if isinstance(exc, UserError) else 1
    finally:
        ctx.close()


def _option(argv: list[str], name: str) -> str | None:
    """The value of ``name VALUE`` or ``name=VALUE`` in *argv* (the last one), else None."""
    value = None
    for i, arg in enumerate(argv):
        if arg == name and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith(name + "="):
            value = arg.partition("=")[2]
    return value


def choose_language(argv: list[str]) -> None:
    """Install the interface language: ``--lang``, else the ``language`` setting of the
    profile ``--home`` names (read without side effects: a damaged file is left for the
    settings loader to report), else the system's (:func:`brochure_reader.i18n.resolve`)."""
    from brochure_reader.i18n import install, resolve
    from brochure_reader.paths import AppPaths

    setting = "system"
    try:
        home = _option(argv, "--home")
        if home is not None and not home.strip():
            raise ValueError("an empty --home is refused later, never the real profile")
        path = AppPaths.default(home).settings_file
        value = json.loads(path.read_text(encoding="utf-8")).get("language", "system")
        setting = value if isinstance(value, str) else "system"
    except (OSError, ValueError, AttributeError, UnicodeDecodeError):
        pass
    install(resolve(_option(argv, "--lang"), setting))


def user_message(exc: BaseException) -> str:
    """One sentence for *exc*, never naming an exception class: the message of the errors
    written for users, the reason and file of an OSError (never a temporary file's name),
    plain words for SQLite's "disk full" and "read-only", else a generic sentence."""
    import errno
    import sqlite3

    if isinstance(exc, UserError):  # LibraryError, DocumentError, StoreError, UsageError...
        return str(exc)
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return "the disk is full; nothing was changed. Free some space and try again"
        if exc.errno == errno.EROFS:
            return "that folder is on a read-only disk; nothing was changed"
        name = exc.filename
        if name and str(name).endswith((".tmp", ".part", ".new")):
            name = None  # a temporary file means nothing to the user
        return f"{exc.strerror or exc}" + (f": {name}" if name else "")
    if isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        if "full" in text:
            return "the disk is full; nothing was changed. Free some space and try again"
        if "readonly" in text or "read-only" in text:
            return "that file cannot be written (read-only); nothing was changed"
        if "locked" in text or "busy" in text:
            return "another Brochure Reader window is busy with that file; try again shortly"
        return f"a database could not be used ({exc})"
    if isinstance(exc, RecursionError):
        return "the input is nested too deeply to be read"
    if isinstance(exc, MemoryError):
        return "there is not enough memory for this"
    return f"Brochure Reader could not finish this ({exc or 'an internal error'}); please " \
        "report it"
