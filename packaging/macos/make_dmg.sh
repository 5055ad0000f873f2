#!/bin/sh
# macOS : construit « Suivi FSL.app » (le BUNDLE de packaging/suivi-fsl.spec) puis une image
# disque dist/suivi-fsl-<version>-macos.dmg, avec hdiutil. À lancer sur un Mac, depuis la racine
# du dépôt, dans un environnement où `pip install -e '.[packaging]'` a été fait :
#   sh packaging/macos/make_dmg.sh
# Non signé et non notarié : au premier lancement, clic droit › Ouvrir (voir packaging/README.md).
set -eu
cd "$(dirname "$0")/../.."
python=${PYTHON:-python3}
version=$($python -c 'import desktop_app; print(desktop_app.__version__)')
# The icon: the SVG rendered by Qt at the sizes macOS wants, then iconutil.
iconset=build/suivi-fsl.iconset
rm -rf "$iconset" && mkdir -p "$iconset"
$python packaging/icons.py iconset "$iconset"
iconutil -c icns "$iconset" -o packaging/macos/suivi-fsl.icns
$python packaging/build.py
app="dist/Suivi FSL.app"
if [ ! -d "$app" ]; then
  echo "Erreur : $app n'a pas été construit." >&2
  exit 1
fi
staging=build/dmg
rm -rf "$staging" && mkdir -p "$staging"
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
dmg="dist/suivi-fsl-$version-macos.dmg"
rm -f "$dmg"
hdiutil create -volname "Suivi FSL" -srcfolder "$staging" -ov -format UDZO "$dmg"
echo "Image disque : $dmg (glisser « Suivi FSL » sur « Applications »)."
