"""Install the translators: ArchiveDesk's own .qm and Qt's qtbase for the chosen language."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from archive_desk import paths

_installed: list[QTranslator] = []


def qm_path(language: str):
    return paths.resource("i18n", f"archive_desk_{language}.qm")


def install(app: QApplication, language: str) -> bool:
    """True when the language's translation was found (English needs none)."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return True
    QLocale.setDefault(QLocale(language))
    ok = False
    own = QTranslator(app)
    if own.load(str(qm_path(language))):
        app.installTranslator(own)
        _installed.append(own)
        ok = True
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return ok
