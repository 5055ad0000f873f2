#!/bin/sh
# Installe Suivi FSL pour l'utilisateur courant, sans droits d'administrateur :
#   le programme dans ~/.local/lib/suivi-fsl, la commande ~/.local/bin/suivi-fsl,
#   l'entrée du menu des applications et son icône.
# À lancer depuis le dossier décompressé de l'archive : ./install.sh
# (ou : sh packaging/linux/install.sh dist/suivi-fsl depuis le dépôt).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
source_dir=${1:-$here}
if [ ! -x "$source_dir/suivi-fsl" ]; then
  echo "Erreur : programme suivi-fsl introuvable dans $source_dir." >&2
  exit 1
fi
data=${XDG_DATA_HOME:-$HOME/.local/share}
target=$HOME/.local/lib/suivi-fsl
bin=$HOME/.local/bin
# Replaced whole: copied beside, then put in place (a previous version is removed only then).
mkdir -p "$HOME/.local/lib" "$bin" "$data/applications" "$data/icons/hicolor/scalable/apps"
rm -rf "$target.nouveau"
cp -R "$source_dir" "$target.nouveau"
rm -rf "$target"
mv "$target.nouveau" "$target"
ln -sf "$target/suivi-fsl" "$bin/suivi-fsl"
icon=$here/suivi-fsl.svg
[ -f "$icon" ] || icon=$target/_internal/desktop_app/resources/suivi-fsl.svg
cp "$icon" "$data/icons/hicolor/scalable/apps/suivi-fsl.svg"
desktop=$here/suivi-fsl.desktop
[ -f "$desktop" ] || desktop=$target/suivi-fsl.desktop
sed "s|^Exec=.*|Exec=\"$target/suivi-fsl\"|" "$desktop" > "$data/applications/suivi-fsl.desktop"
command -v update-desktop-database >/dev/null 2>&1 \
  && update-desktop-database "$data/applications" >/dev/null 2>&1 || true
command -v gtk-update-icon-cache >/dev/null 2>&1 \
  && gtk-update-icon-cache -q "$data/icons/hicolor" >/dev/null 2>&1 || true
echo "Suivi FSL est installé : menu des applications › Suivi FSL (ou la commande suivi-fsl)."
