; Installateur Windows de Suivi FSL (Inno Setup 6) : installation pour l'utilisateur courant,
; sans droits d'administrateur, en français, avec une entrée dans le menu Démarrer et un
; désinstalleur. Construit à partir du dossier de `python packaging/build.py` :
;   iscc /DAppVersion=0.1.0 packaging\windows\suivi-fsl.iss
; → dist\suivi-fsl-0.1.0-windows-installateur.exe (voir packaging/README.md).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Suivi FSL"
#define SourceDir "..\..\dist\suivi-fsl"

[Setup]
AppId={{6C1B2E5A-3F7D-4B8E-9A21-5D4C0F1E7B93}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Association (Suivi FSL)
; Per user, no administrator: %LOCALAPPDATA%\Programs\Suivi FSL, the user's Start menu.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=suivi-fsl-{#AppVersion}-windows-installateur
SetupIconFile=suivi-fsl.ico
UninstallDisplayIcon={app}\Suivi FSL.exe
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "Créer une icône sur le Bureau"; GroupDescription: "Raccourcis :"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\Suivi FSL.exe"; Comment: "Suivi des mesures FSL"
Name: "{group}\Désinstaller {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\Suivi FSL.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Suivi FSL.exe"; Description: "Lancer {#AppName}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program's folder: the user's data (the store, its backups) stays where it is.
Type: filesandordirs; Name: "{app}"
