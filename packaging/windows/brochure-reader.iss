; Inno Setup 6 script for Brochure Reader (Windows 10/11, x64).
;
; 1. Build the bundle on Windows:  pyinstaller --noconfirm --clean packaging\pyinstaller\brochure-reader.spec
;    (gives dist\brochure-reader\ with brochure-reader.exe and brochure-reader-cli.exe)
; 2. Build the installer, passing the version from its one source (brochure_reader.__version__):
;      for /f %v in ('python -c "import brochure_reader; print(brochure_reader.__version__)"') do ^
;        iscc /DAppVersion=%v packaging\windows\brochure-reader.iss
;    Output: dist\installer\BrochureReader-<version>-setup.exe
; 3. Sign it (see docs/packaging.md): signtool sign /fd sha256 /tr <timestamp-url> /td sha256 ...
;
; Installs per user without admin rights by default (the user may choose "for all users").
; "Open with > Brochure Reader" for PDF files is an optional task; it never takes over as the
; default PDF program.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z brochure-reader.iss
#endif
#define AppName "Brochure Reader"
#define AppExe "brochure-reader.exe"
#define ProgId "BrochureReader.PDF"
#define Root "..\.."

[Setup]
; AppId identifies the app for upgrades and uninstall: never change it.
AppId={{6DF9BDE2-C7FE-4E0E-8779-733EBEAB01CF}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Brochure Reader project
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
LicenseFile={#Root}\LICENSE
SetupIconFile=brochure-reader.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir={#Root}\dist\installer
OutputBaseFilename=BrochureReader-{#AppVersion}-setup
Compression=lzma2/ultra64
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "pdfopenwith"; Description: "Offer {#AppName} in ""Open with"" for PDF files (does not change your default PDF program)"; GroupDescription: "File types:"

[Files]
Source: "{#Root}\dist\brochure-reader\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Root}\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion
Source: "{#Root}\THIRD_PARTY_NOTICES"; DestDir: "{app}"; DestName: "THIRD_PARTY_NOTICES.txt"; Flags: ignoreversion
Source: "{#Root}\CHANGELOG.md"; DestDir: "{app}"; DestName: "CHANGELOG.txt"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Read patient-information brochures, offline"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; App Paths: lets "brochure-reader" be started from Run (Win+R).
Root: HKA; Subkey: "Software\Microsoft\Windows\CurrentVersion\App Paths\{#AppExe}"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe}"; Flags: uninsdeletekey
; A ProgID for PDFs, listed under .pdf's OpenWithProgids only (never the default handler).
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "PDF document ({#AppName})"; Flags: uninsdeletekey; Tasks: pdfopenwith
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: pdfopenwith
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: pdfopenwith
Root: HKA; Subkey: "Software\Classes\.pdf\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: pdfopenwith
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".pdf"; ValueData: ""; Flags: uninsdeletekey; Tasks: pdfopenwith

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; User data (bookmarks, imports, settings) lives in %LOCALAPPDATA%\brochure-reader and is kept on
; uninstall on purpose; docs/packaging.md says how to remove it.
