#!/bin/sh
# Désinstalle Suivi FSL de l'utilisateur courant. Les données (la base, les sauvegardes) ne sont
# PAS supprimées : elles restent dans le dossier de données de l'utilisateur.
set -eu
data=${XDG_DATA_HOME:-$HOME/.local/share}
rm -rf "$HOME/.local/lib/suivi-fsl"
if [ -L "$HOME/.local/bin/suivi-fsl" ]; then rm -f "$HOME/.local/bin/suivi-fsl"; fi
rm -f "$data/applications/suivi-fsl.desktop" "$data/icons/hicolor/scalable/apps/suivi-fsl.svg"
command -v update-desktop-database >/dev/null 2>&1 \
  && update-desktop-database "$data/applications" >/dev/null 2>&1 || true
echo "Suivi FSL est désinstallé. Vos données sont gardées dans votre dossier de données."
