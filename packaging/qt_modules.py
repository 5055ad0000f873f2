"""Which PySide6 modules the one-folder build keeps: those the application imports (checked by
tests/test_packaging.py against a grep of desktop_app/), plus QtSvg for the icon. Every other
PySide6 module is excluded from the analysis, so neither it nor its Qt libraries are bundled.

Read by suivi-fsl.spec and by the tests; no PyInstaller import here."""

from __future__ import annotations

#: Imported by desktop_app (QtDBus: the session's lock/sleep signals on Linux), and QtSvg
#: (the SVG icon, the `svg` image-format and icon-engine plugins).
KEPT = ("QtCore", "QtGui", "QtWidgets", "QtCharts", "QtDBus", "QtSvg", "QtPrintSupport")

#: PySide6 modules never bundled (the application imports none of them).
EXCLUDED = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCanvasPainter", "QtConcurrent", "QtDataVisualization",
    "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation",
    "QtMultimedia", "QtMultimediaWidgets", "QtNetwork",
    # Qt's OpenGL libraries stay (QtCharts links them); their Python bindings are never loaded.
    "QtOpenGL", "QtOpenGLWidgets", "QtNetworkAuth", "QtNfc", "QtPdf",
    "QtPdfWidgets", "QtPositioning", "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2",
    "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus",
    "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvgWidgets", "QtTest",
    "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
)

#: Python packages the application does not need at run time (test and build tools).
EXCLUDED_PYTHON = ("tkinter", "pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "ruff",
                   "IPython", "numpy", "PyInstaller", "pypdf", "setuptools", "pip")
