"""Text that does not fit, on a screen as shown: `clipped(widget)` walks its visible widgets
and says, in a line each, every text cut or elided.

- a label (not wrapped) or a button, check box or radio button whose text is wider than the
  room it has; a wrapped label whose lines need more height than it has;
- a table or tree header section narrower than its title;
- a table or tree cell, among the rows shown, whose text is wider than its column;
- a tab whose title is wider than its tab, or a tab pushed off its bar (scroll arrows);
- a combo box narrower than its current text;
- a label, button or combo box drawn only in part, its frame being narrower.

Measured with each widget's own font metrics; a pixel or two of rounding is allowed.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QTabBar,
    QTableView,
    QToolButton,
    QTreeView,
    QWidget,
)

#: Rounding allowed between a measured need and the room (pixels).
SLACK = 2
#: The margins a cell's text needs on each side (the style's focus frame margin, plus one).
CELL_MARGIN = 4
#: The most rows of each view looked at (those shown first).
ROWS = 60


def _width(metrics: QFontMetrics, text: str) -> int:
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _plain(text: str) -> str:
    """A button's text without its mnemonic ampersands."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _where(widget: QWidget) -> str:
    """Where `widget` is: its accessible or object name and those of its parents."""
    names = []
    current: QWidget | None = widget
    while current is not None and len(names) < 4:
        name = current.accessibleName() or current.objectName()
        if name:
            names.append(name)
        current = current.parentWidget()
    return " ‹ ".join(names) or type(widget).__name__


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and not widget.visibleRegion().isEmpty()


def _label(label: QLabel) -> str | None:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    room = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and "<" in text and ">" in text)
    if label.wordWrap():
        if label.heightForWidth(label.width()) > label.height() + SLACK:
            return (f"texte coupé en hauteur « {_short(text)} » ({_where(label)}) : "
                    f"{label.heightForWidth(label.width())} px de haut pour {label.height()}")
        return None
    if rich:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        need = int(document.idealWidth())
    else:
        need = _width(label.fontMetrics(), text)
    if need > room + SLACK:
        return f"étiquette « {_short(text)} » ({_where(label)}) : {need} px pour {room}"
    return None


def _short(text: str) -> str:
    flat = " ".join(QTextDocument(text).toPlainText().split()) if "<" in text else text
    return flat if len(flat) <= 60 else flat[:57] + "…"


def _cut_by_parent(widget: QWidget) -> str | None:
    """A widget drawn only in part: its parent (a card, a splitter's side) is narrower."""
    shown = widget.visibleRegion().boundingRect()
    if shown.width() < widget.width() - SLACK and _visible_in_scroll(widget):
        return (f"« {_short(_text(widget))} » ({_where(widget)}) coupé par son cadre : "
                f"{shown.width()} px visibles sur {widget.width()}")
    return None


def _visible_in_scroll(widget: QWidget) -> bool:
    """False for a widget in a scroll area (scrolled out of sight, not cut)."""
    current = widget.parentWidget()
    while current is not None:
        if current.objectName() == "qt_scrollarea_viewport":
            return False
        current = current.parentWidget()
    return True


def _text(widget: QWidget) -> str:
    if isinstance(widget, (QLabel, QAbstractButton)):
        return _plain(widget.text())
    if isinstance(widget, QComboBox):
        return widget.currentText()
    return ""


def _button(button: QAbstractButton) -> str | None:
    text = _plain(button.text())
    if not text:
        return None
    need = _width(button.fontMetrics(), text)
    if not button.icon().isNull():
        need += button.iconSize().width() + 4
    style = button.style()
    if isinstance(button, (QCheckBox, QRadioButton)):
        indicator = (QStyle.PixelMetric.PM_IndicatorWidth if isinstance(button, QCheckBox)
                     else QStyle.PixelMetric.PM_ExclusiveIndicatorWidth)
        spacing = (QStyle.PixelMetric.PM_CheckBoxLabelSpacing if isinstance(button, QCheckBox)
                   else QStyle.PixelMetric.PM_RadioButtonLabelSpacing)
        need += style.pixelMetric(indicator, None, button) + style.pixelMetric(
            spacing, None, button)
    elif isinstance(button, QPushButton):
        option = QStyleOptionButton()
        option.initFrom(button)
        need += 2 * style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, option, button) // 2
        need += 2 * style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, option, button)
    if need > button.width() + SLACK:
        return f"bouton « {text} » ({_where(button)}) : {need} px pour {button.width()}"
    return None


def _combo(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text:
        return None
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.editable = combo.isEditable()
    option.currentText = text
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    need = _width(combo.fontMetrics(), text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        need += combo.iconSize().width() + 4
    if need > field.width() + SLACK:
        return f"liste « {text} » ({_where(combo)}) : {need} px pour {field.width()}"
    return None


def _tabs(bar: QTabBar) -> list[str]:
    found = []
    metrics = bar.fontMetrics()
    room = bar.rect()
    space = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
    for tab in range(bar.count()):
        if not bar.isTabVisible(tab):
            continue
        text = _plain(bar.tabText(tab))
        rect = bar.tabRect(tab)
        if not room.contains(rect):
            found.append(f"onglet « {text} » ({_where(bar)}) : hors de la barre d'onglets")
            continue
        need = _width(metrics, text) + space
        if not bar.tabIcon(tab).isNull():
            need += bar.iconSize().width() + 4
        if need > rect.width() + SLACK:
            found.append(f"onglet « {text} » ({_where(bar)}) : {need} px pour {rect.width()}")
    return found


def _header(header: QHeaderView, view: QWidget) -> list[str]:
    # (A header's `visibleRegion` is empty, in the scroll area's margin: not `_shown`.)
    if not header.isVisible() or header.orientation() != Qt.Orientation.Horizontal:
        return []
    found = []
    model = header.model()
    if model is None:
        return []
    metrics = QFontMetrics(header.font())
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for logical in range(header.count()):
        if header.isSectionHidden(logical):
            continue
        text = model.headerData(logical, Qt.Orientation.Horizontal)
        if not text:
            continue
        font = model.headerData(logical, Qt.Orientation.Horizontal, Qt.ItemDataRole.FontRole)
        if isinstance(font, QFont):
            metrics = QFontMetrics(font)
        need = _width(metrics, str(text)) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == logical:
            need += header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None,
                                               header)
        size = header.sectionSize(logical)
        if need > size + SLACK:
            found.append(f"en-tête « {text} » ({_where(view)}) : {need} px pour {size}")
    return found


def _cells(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    found: list[str] = []
    viewport = view.viewport().rect()
    margin = CELL_MARGIN

    def visit(parent: QModelIndex, depth: int) -> None:
        for row in range(min(model.rowCount(parent), ROWS)):
            if len(found) > 20:
                return
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                if isinstance(view, QTableView) and view.isColumnHidden(column):
                    continue
                if isinstance(view, QTreeView) and view.isColumnHidden(column):
                    continue
                rect: QRect = view.visualRect(index)
                if rect.isEmpty() or not viewport.intersects(rect):
                    continue
                text = index.data()
                if text is None or str(text) == "":
                    continue
                font = index.data(Qt.ItemDataRole.FontRole)
                metrics = QFontMetrics(font) if isinstance(font, QFont) else view.fontMetrics()
                need = _width(metrics, str(text)) + 2 * margin
                if index.data(Qt.ItemDataRole.DecorationRole) is not None:
                    need += view.iconSize().width() or 16
                if need > rect.width() + SLACK:
                    found.append(f"cellule « {_short(str(text))} » ({_where(view)}, colonne "
                                 f"{column + 1}) : {need} px pour {rect.width()}")
                    break
            if isinstance(view, QTreeView) and model.hasChildren(model.index(row, 0, parent)):
                visit(model.index(row, 0, parent), depth + 1)

    visit(QModelIndex(), 0)
    return found


def clipped(root: QWidget) -> list[str]:
    """Every text of `root`'s visible widgets that does not fit, one line each (French)."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget):
            continue
        if isinstance(widget, (QLabel, QAbstractButton, QComboBox)) and _text(widget) and not (
                isinstance(widget.parent(), QTabBar)):
            found += filter(None, [_cut_by_parent(widget)])
        if isinstance(widget, QLabel):
            found += filter(None, [_label(widget)])
        elif isinstance(widget, QAbstractButton) and not isinstance(widget.parent(), QTabBar):
            if type(widget).__name__ in ("QToolButton",) and not widget.text():
                continue
            if (isinstance(widget, QToolButton) and not widget.icon().isNull()
                    and widget.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly):
                continue  # an icon alone (a date's calendar): its text is its name, not shown
            found += filter(None, [_button(widget)])
        elif isinstance(widget, QComboBox):
            found += filter(None, [_combo(widget)])
        elif isinstance(widget, QTabBar):
            found += _tabs(widget)
        elif isinstance(widget, (QTableView, QTreeView)):
            header = (widget.horizontalHeader() if isinstance(widget, QTableView)
                      else widget.header())
            if not (isinstance(widget, QTreeView) and widget.isHeaderHidden()):
                found += _header(header, widget)
            found += _cells(widget)
    return found
