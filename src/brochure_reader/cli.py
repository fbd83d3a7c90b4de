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
from brochure_reader.i18n import N_, _, ngettext
from brochure_reader.terminal import error_line, warn

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
            warn(problem)
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
                warn(f"{doc.id}: {user_message(exc)}")
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
        print(_("{title} [{id}, version {version}]").format(
            title=pack.title, id=pack.id, version=pack.version))
        for doc, pages, sections in docs:
            page_text = (ngettext("%(n)d page", "%(n)d pages", pages) % {"n": pages} if pages
                         else _("cannot be opened"))
            print(f"  {doc.id} — {doc.title} ({page_text})")
            for s in iter_sections(sections):
                where = (_("p. {page}").format(page=s.page + 1) if s.page is not None
                         else _("no target"))
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
            print(error_line(result.message), file=sys.stderr)
        elif result.status == "duplicate":
            known = result.document.id if result.document else "?"
            print(_("{file}: already in the library ({id})").format(
                file=result.source.name, id=known))
        else:
            print(result.message)
    return 1 if failed else 0


def cmd_remove(args, ctx: Context) -> int:
    from brochure_reader.library.imports import remove_document

    doc = remove_document(ctx.library, args.doc_id)
    print(_("Removed '{title}' ({id}) from the library").format(title=doc.title, id=doc.id))
    return 0


def cmd_build_pack(args, ctx: Context) -> int:
    from brochure_reader.authoring import SourceError, build_pack

    source, out = Path(args.source_dir), Path(args.out_dir)
    if not source.is_dir():
        raise UserError(_("{path} is not a folder of Markdown sources").format(path=source))
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
        raise CliError(ngettext(
            "pack check failed: %(n)d disagreement with the shared blocks (listed above)",
            "pack check failed: %(n)d disagreements with the shared blocks (listed above)",
            len(problems)) % {"n": len(problems)})
    print(_("Pack check passed: every document agrees with the shared blocks"))
    return 0


def check_target(ctx: Context, target: str | None) -> None:
    """Raise UserError unless *target* is an existing file or a known ``DOC_ID[#slug]``."""
    if not target or Path(target).is_file():
        return
    if Path(target).exists():
        raise UserError(_("{path} is a folder, not a document").format(path=target))
    doc_id = target.partition("#")[0]
    if doc_id not in ctx.library:
        if "." not in target and "/" not in target:
            text = _("'{target}' is not a command, a document id or a file; see '{app} --help' "
                     "and '{app} list'")
        else:
            text = _("'{target}' is not a command, a document id or a file (no such file "
                     "either); see '{app} --help' and '{app} list'")
        raise UserError(text.format(target=target, app=APP_NAME))


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
        raise UserError(_(
            "no graphical display found (DISPLAY or WAYLAND_DISPLAY is not set); the "
            "sub-commands (list, search, bookmarks, handout…) work without one"
        ))
    from brochure_reader.i18n import current
    from brochure_reader.ui.app import run

    return run(ctx.paths, target=target, smoke=smoke, view=view, locale=current())


# --- parser --------------------------------------------------------------------------------


#: ``--lang``: the interface language for this run (overrides the Language setting).
LANG_HELP = N_("interface language for this run: en or fr (default: the setting, else the "
               "system's)")

#: The reader's two views (``--view``).
VIEWS = ("page", "text")
VIEW_HELP = N_("open the document in the page view or the text view (default: as last time)")


def build_parser() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """``(command parser, gui parser)``; the second handles ``brochure-reader [FILE_OR_DOC_ID]``."""
    translate_argparse()
    home_help = _("keep all data, cache and settings in DIR (portable mode)")
    lang_help = _(LANG_HELP)
    top = argparse.ArgumentParser(add_help=False)
    top.add_argument("--home", metavar=_("DIR"), help=home_help)
    top.add_argument("--lang", metavar=_("LANG"), help=lang_help)
    # Sub-commands accept --home and --lang too, without overwriting one given before.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--home", metavar=_("DIR"), default=argparse.SUPPRESS, help=home_help)
    common.add_argument("--lang", metavar=_("LANG"), default=argparse.SUPPRESS, help=lang_help)

    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        parents=[top],
        description=_("Offline reader for patient-education brochures. Without a command it opens "
                      "the reader window."),
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}",
                        help=_("show the version number and exit"))
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"))

    p = sub.add_parser("gui", parents=[common], help=_("open the reader window (the default)"))
    p.add_argument("target", nargs="?", metavar="FILE_OR_DOC_ID")
    p.add_argument(
        "--smoke", action="store_true", help=_("open, wait until painted, print time, quit")
    )
    p.add_argument("--view", choices=VIEWS, help=_(VIEW_HELP))
    p.set_defaults(func=lambda a, c: run_gui(c, a.target, a.smoke, a.view))

    p = sub.add_parser("list", parents=[common], help=_("list packs, documents and their sections"))
    p.add_argument("--json", action="store_true", help=_("print the documented JSON schema"))
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("open", parents=[common], help=_("open a document (DOC_ID[#section])"))
    p.add_argument("target", metavar="DOC_ID[#slug]")
    p.set_defaults(func=cmd_open)

    p = sub.add_parser("import", parents=[common], help=_("copy documents into your library"))
    p.add_argument("files", nargs="+", metavar=_("FILE"))
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("remove", parents=[common], help=_("remove a document you imported"))
    p.add_argument("doc_id", metavar="DOC_ID")
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("build-pack", parents=[common],
                       help=_("typeset Markdown sources into a pack"))
    p.add_argument("source_dir", metavar=_("SOURCE_DIR"))
    p.add_argument("out_dir", metavar=_("OUT_DIR"))
    p.add_argument("--large-print", action="store_true", help=_("18 pt body text"))
    p.add_argument(
        "--check",
        action="store_true",
        help=_("then check the built text against the shared blocks (urgent signs said the same "
               "way everywhere; the fever block wherever treatment can lower immunity); exit 1 "
               "if not"),
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
    gui.add_argument("--view", choices=VIEWS, help=_(VIEW_HELP))
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
        print(error_line(_("--home needs a folder; it was given an empty name")), file=sys.stderr)
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
        print(error_line(user_message(exc)), file=sys.stderr)
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


def translate_argparse() -> None:
    """Route argparse's own strings ("usage:", "positional arguments", its error messages)
    through the interface language.  argparse looks up ``_``/``ngettext`` (bound from
    :mod:`gettext`'s global domain, which follows only the environment) in its module at call
    time; pointing them at :func:`brochure_reader.i18n.argparse_translation` makes them follow
    ``--lang`` and the Language setting too.  Its catalogue is the ``argparse`` domain next to
    ours (``assets/translations/fr/LC_MESSAGES/argparse.po``)."""
    from brochure_reader.i18n import argparse_translation

    translation = argparse_translation()
    argparse._ = translation.gettext  # type: ignore[attr-defined]
    argparse.ngettext = translation.ngettext  # type: ignore[attr-defined]


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
            return _("the disk is full; nothing was changed. Free some space and try again")
        if exc.errno == errno.EROFS:
            return _("that folder is on a read-only disk; nothing was changed")
        name = exc.filename
        if name and str(name).endswith((".tmp", ".part", ".new")):
            name = None  # a temporary file means nothing to the user
        return f"{exc.strerror or exc}" + (f": {name}" if name else "")
    if isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        if "full" in text:
            return _("the disk is full; nothing was changed. Free some space and try again")
        if "readonly" in text or "read-only" in text:
            return _("that file cannot be written (read-only); nothing was changed")
        if "locked" in text or "busy" in text:
            return _("another Brochure Reader window is busy with that file; try again shortly")
        return _("a database could not be used ({reason})").format(reason=exc)
    if isinstance(exc, RecursionError):
        return _("the input is nested too deeply to be read")
    if isinstance(exc, MemoryError):
        return _("there is not enough memory for this")
    return _("Brochure Reader could not finish this ({reason}); please report it").format(
        reason=exc or _("an internal error"))
