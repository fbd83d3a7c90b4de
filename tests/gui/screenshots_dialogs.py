"""Screenshots of the handout builder and the print dialog (offscreen), for docs/.

    SCREENSHOT_LANG=fr_FR QT_QPA_PLATFORM=offscreen python -m tests.gui.screenshots_dialogs \
        HOME OUT_DIR [SUFFIX]

Writes OUT_DIR/handout-builder{SUFFIX}.png (two AML sections ticked, the preview drawn) and
OUT_DIR/print-dialog{SUFFIX}.png (Qt's print dialog, as File > Print shows it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str]) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from brochure_reader.library import Library
    from brochure_reader.settings import Settings
    from brochure_reader.ui.handout_dialog import HandoutDialog
    from brochure_reader.ui.jobs import JobRunner
    from brochure_reader.ui.printing import set_default_paper
    from tests.gui.screenshots import screenshot_app, wait

    home, out = argv[0], Path(argv[1])
    suffix = argv[2] if len(argv) > 2 else ""
    app, paths = screenshot_app(home)
    library = Library.load(paths)
    service = JobRunner()
    dialog = HandoutDialog(None, library, {}, Settings(paths.settings_file), service)
    dialog.resize(1240, 780)
    dialog.show()
    aml = "acute-myeloid-leukaemia"
    for _ in range(60):
        wait(250)
        if aml in dialog.page_counts and dialog._find_item(f"{aml}#outlook"):
            break
    for ref in (f"{aml}#outlook", f"{aml}#get-help-straight-away"):
        item = dialog._find_item(ref)
        if item is not None:
            item.setCheckState(0, Qt.CheckState.Checked)
    for _ in range(60):
        wait(250)
        if dialog.handout is not None and dialog.rendered_pages >= min(
            4, dialog.handout.page_count
        ):
            break
    wait(500)
    dialog.grab().save(str(out / f"handout-builder{suffix}.png"))
    dialog.close()

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    set_default_paper(printer)
    printer.setDocName(library.get(aml).title)
    printer.setFromTo(1, 12)
    print_dialog = QPrintDialog(printer)
    print_dialog.setWindowTitle(
        app.translate("Printing", "Print — {title}").format(title=library.get(aml).title)
    )
    print_dialog.show()
    wait(800)
    print_dialog.grab().save(str(out / f"print-dialog{suffix}.png"))
    print_dialog.close()
    service.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
