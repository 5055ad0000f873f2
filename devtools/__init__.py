"""Development tools, run from a source checkout, not shipped with the program (neither in the
pip package, whose `packages.find` takes `desktop_app*` only, nor in the PyInstaller folder):
the README's screenshots (`suivi-fsl screenshots --out DIR`) and the window's timings for
`benchmarks/` (`devtools.timings`)."""
