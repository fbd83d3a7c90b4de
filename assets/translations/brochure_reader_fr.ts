<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AboutDialog</name>
    <message>
        <source>An offline reader for patient information about hard-to-treat cancers. It never goes online and keeps everything on this computer.</source>
        <translation>Un lecteur hors ligne d’informations pour les patients atteints de cancers difficiles à traiter. Il ne se connecte jamais à Internet et garde tout sur cet ordinateur.</translation>
    </message>
    <message>
        <source>{app} is free software: you may share and change it under the terms of the GNU Affero General Public License, version 3 or later. Qt and PySide6 are under the GNU Lesser General Public License 3.0. The full licence texts are in the files LICENSE and THIRD_PARTY_NOTICES that come with {app}. It comes with no warranty, and it does not replace advice from your care team.</source>
        <translation>{app} est un logiciel libre&#xa0;: vous pouvez le partager et le modifier selon les termes de la licence publique générale GNU Affero, version&#xa0;3 ou ultérieure. Qt et PySide6 sont sous licence publique générale limitée GNU&#xa0;3.0. Les textes complets des licences se trouvent dans les fichiers LICENSE et THIRD_PARTY_NOTICES fournis avec {app}. Il est fourni sans aucune garantie et ne remplace pas les conseils de votre équipe soignante.</translation>
    </message>
    <message>
        <source>included with the app</source>
        <translation>fourni avec l’application</translation>
    </message>
    <message>
        <source>installed by your organisation</source>
        <translation>installé par votre établissement</translation>
    </message>
    <message>
        <source>added by you</source>
        <translation>ajouté par vous</translation>
    </message>
    <message>
        <source>licence {licence}</source>
        <translation>licence {licence}</translation>
    </message>
    <message>
        <source>version {version}</source>
        <translation>version {version}</translation>
    </message>
    <message>
        <source>No content pack is loaded.</source>
        <translation>Aucun ensemble de contenus n’est chargé.</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Composant</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenus</translation>
    </message>
    <message>
        <source>Software and licences</source>
        <translation>Logiciels et licences</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>À propos de {app}</translation>
    </message>
    <message>
        <source>Versions, content and licences</source>
        <translation>Versions, contenus et licences</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Copier les détails</translation>
    </message>
    <message>
        <source>Copy the version details, e.g. for a support request</source>
        <translation>Copier les détails des versions, par exemple pour une demande d’assistance</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Add to library…</source>
        <translation>&amp;Ajouter à la bibliothèque…</translation>
    </message>
    <message>
        <source>Copy a PDF or e-book into your library</source>
        <translation>Copier un PDF ou un livre numérique dans votre bibliothèque</translation>
    </message>
    <message>
        <source>&amp;Remove from library</source>
        <translation>&amp;Retirer de la bibliothèque</translation>
    </message>
    <message>
        <source>Remove a document you added</source>
        <translation>Retirer un document que vous avez ajouté</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Print this document (Ctrl+P)</source>
        <translation>Imprimer ce document (Ctrl+P)</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>Aperç&amp;u avant impression…</translation>
    </message>
    <message>
        <source>&amp;Export as PDF…</source>
        <translation>E&amp;xporter en PDF…</translation>
    </message>
    <message>
        <source>Save pages of this document as a PDF</source>
        <translation>Enregistrer des pages de ce document en PDF</translation>
    </message>
    <message>
        <source>Make a &amp;handout…</source>
        <translation>Préparer une &amp;fiche patient…</translation>
    </message>
    <message>
        <source>Put sections of several documents together for a patient</source>
        <translation>Rassembler des sections de plusieurs documents pour un patient</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>&amp;Accueil</translation>
    </message>
    <message>
        <source>Back to the start page</source>
        <translation>Revenir à la page d’accueil</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>Go back (Alt+Left)</source>
        <translation>Revenir en arrière (Alt+Gauche)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>Go forward (Alt+Right)</source>
        <translation>Avancer (Alt+Droite)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Bigger (Ctrl +)</source>
        <translation>Plus grand (Ctrl +)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>Smaller (Ctrl -)</source>
        <translation>Plus petit (Ctrl -)</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>Pleine lar&amp;geur</translation>
    </message>
    <message>
        <source>Page as wide as the window (Ctrl 0)</source>
        <translation>La page aussi large que la fenêtre (Ctrl 0)</translation>
    </message>
    <message>
        <source>Fit &amp;page</source>
        <translation>Page e&amp;ntière</translation>
    </message>
    <message>
        <source>Whole page in the window</source>
        <translation>Toute la page dans la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>Page sui&amp;vante</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>Pa&amp;ge précédente</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Bookmark this place</source>
        <translation>Ajouter un &amp;signet ici</translation>
    </message>
    <message>
        <source>Bookmark the selected text, or the top of the page (Ctrl+D)</source>
        <translation>Mettre un signet sur le texte sélectionné, ou sur le haut de la page (Ctrl+D)</translation>
    </message>
    <message>
        <source>Add this document&apos;s &amp;questions to My questions</source>
        <translation>Ajouter les &amp;questions de ce document à Mes questions</translation>
    </message>
    <message>
        <source>Copy the &apos;Questions to ask your care team&apos; lists into My questions</source>
        <translation>Copier les listes «&#xa0;Questions à poser à votre équipe soignante&#xa0;» dans Mes questions</translation>
    </message>
    <message>
        <source>&amp;Search the library</source>
        <translation>&amp;Rechercher dans la bibliothèque</translation>
    </message>
    <message>
        <source>Search every document (Ctrl+K)</source>
        <translation>Rechercher dans tous les documents (Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Find in this document</source>
        <translation>Rechercher dans ce &amp;document</translation>
    </message>
    <message>
        <source>Search the open document (Ctrl+F)</source>
        <translation>Rechercher dans le document ouvert (Ctrl+F)</translation>
    </message>
    <message>
        <source>Next &amp;match</source>
        <translation>Résultat s&amp;uivant</translation>
    </message>
    <message>
        <source>Previous matc&amp;h</source>
        <translation>Résultat pré&amp;cédent</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>Te&amp;xte plus grand</translation>
    </message>
    <message>
        <source>Bigger text in menus, lists and the start page (Ctrl+Shift+L; pages zoom with Ctrl +)</source>
        <translation>Texte plus grand dans les menus, les listes et la page d’accueil (Ctrl+Maj+L&#xa0;; les pages s’agrandissent avec Ctrl +)</translation>
    </message>
    <message>
        <source>&amp;Text view</source>
        <translation>Vue &amp;texte</translation>
    </message>
    <message>
        <source>Show the document as text that reflows to the window and that screen readers read (Ctrl+T switches back)</source>
        <translation>Afficher le document en texte qui s’adapte à la fenêtre et que les lecteurs d’écran peuvent lire (Ctrl+T pour revenir)</translation>
    </message>
    <message>
        <source>Text view</source>
        <translation>Vue texte</translation>
    </message>
    <message>
        <source>Pa&amp;ge view</source>
        <translation>Vue &amp;page</translation>
    </message>
    <message>
        <source>Show the document&apos;s pages (Ctrl+T)</source>
        <translation>Afficher les pages du document (Ctrl+T)</translation>
    </message>
    <message>
        <source>&amp;Read aloud</source>
        <translation>L&amp;ire à voix haute</translation>
    </message>
    <message>
        <source>Read the text aloud from where you are, sentence by sentence (Ctrl+Shift+R pauses and goes on)</source>
        <translation>Lire le texte à voix haute à partir d’ici, phrase par phrase (Ctrl+Maj+R met en pause et reprend)</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Lire à voix haute</translation>
    </message>
    <message>
        <source>&amp;Stop reading aloud</source>
        <translation>Arrêter la lect&amp;ure à voix haute</translation>
    </message>
    <message>
        <source>Stop reading aloud (Ctrl+Shift+S)</source>
        <translation>Arrêter la lecture à voix haute (Ctrl+Maj+S)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Theme, page colours, text size</source>
        <translation>Thème, couleurs des pages, taille du texte</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>How to read, search, bookmark and print (F1)</source>
        <translation>Comment lire, chercher, mettre un signet et imprimer (F1)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Every key the reader answers to</source>
        <translation>Toutes les touches reconnues par l’application</translation>
    </message>
    <message>
        <source>&amp;About Brochure Reader</source>
        <translation>À &amp;propos de Brochure Reader</translation>
    </message>
</context>
<context>
    <name>Appearance</name>
    <message>
        <source>T&amp;heme</source>
        <translation>T&amp;hème</translation>
    </message>
    <message>
        <source>Page &amp;colours</source>
        <translation>&amp;Couleurs des pages</translation>
    </message>
</context>
<context>
    <name>BookmarkController</name>
    <message>
        <source>Open a document to add a bookmark</source>
        <translation>Ouvrez un document pour ajouter un signet</translation>
    </message>
    <message>
        <source>“{title}” has no list of questions to ask</source>
        <translation>«&#xa0;{title}&#xa0;» n’a pas de liste de questions à poser</translation>
    </message>
    <message numerus="yes">
        <source>Added %n question(s) from “{section}” to My questions</source>
        <translation>
            <numerusform>%n question de «&#xa0;{section}&#xa0;» ajoutée à Mes questions</numerusform>
            <numerusform>%n questions de «&#xa0;{section}&#xa0;» ajoutées à Mes questions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BookmarkFiles</name>
    <message>
        <source>Bookmarks file (can be imported again)</source>
        <translation>Fichier de signets (peut être réimporté)</translation>
    </message>
    <message>
        <source>Brochure Reader bookmarks</source>
        <translation>Signets de Brochure Reader</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n bookmark(s) to {path}</source>
        <translation>
            <numerusform>%n signet exporté vers {path}</numerusform>
            <numerusform>%n signets exportés vers {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} could not be imported: {reason}</source>
        <translation>{name} n’a pas pu être importé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Import bookmarks</source>
        <translation>Importer des signets</translation>
    </message>
    <message>
        <source>Imported bookmarks: {summary}</source>
        <translation>Signets importés&#xa0;: {summary}</translation>
    </message>
    <message>
        <source>My bookmarks</source>
        <translation>Mes signets</translation>
    </message>
    <message>
        <source>Saved {title} to {path}</source>
        <translation>{title} enregistré dans {path}</translation>
    </message>
    <message>
        <source>The PDF could not be written: {reason}</source>
        <translation>Le PDF n’a pas pu être écrit&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>the document workers are not running.</source>
        <translation>les processus qui lisent les documents ne fonctionnent pas.</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>bookmarks</source>
        <translation>signets</translation>
    </message>
    <message>
        <source>PDF list to read or print</source>
        <translation>Liste PDF à lire ou à imprimer</translation>
    </message>
    <message>
        <source>Export bookmarks</source>
        <translation>Exporter les signets</translation>
    </message>
    <message>
        <source>The bookmarks could not be exported: {reason}</source>
        <translation>Les signets n’ont pas pu être exportés&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export collection as PDF</source>
        <translation>Exporter la collection en PDF</translation>
    </message>
</context>
<context>
    <name>BookmarkTreeModel</name>
    <message>
        <source>Needs attention</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Not in a collection</source>
        <translation>Hors collection</translation>
    </message>
    <message>
        <source>p. {number}</source>
        <translation>p.&#xa0;{number}</translation>
    </message>
    <message>
        <source>{document}, page {number}</source>
        <translation>{document}, page&#xa0;{number}</translation>
    </message>
    <message>
        <source>Not found in the latest version of this document:</source>
        <translation>Introuvable dans la dernière version de ce document&#xa0;:</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Note&#xa0;: {note}</translation>
    </message>
    <message>
        <source>Bookmark {title}, page {number}</source>
        <translation>Signet {title}, page&#xa0;{number}</translation>
    </message>
    <message>
        <source>These passages were not found in the latest version of their document. Open one to see where it was, then keep it there or delete it.</source>
        <translation>Ces passages sont introuvables dans la dernière version de leur document. Ouvrez-en un pour voir où il se trouvait, puis gardez-le à cet endroit ou supprimez-le.</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <source>Delete “{title}”</source>
        <translation>Supprimer «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Signets</translation>
    </message>
    <message>
        <source>My questions</source>
        <translation>Mes questions</translation>
    </message>
    <message>
        <source>Filter bookmarks</source>
        <translation>Filtrer les signets</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Effacer le filtre</translation>
    </message>
    <message>
        <source>Group bookmarks</source>
        <translation>Regrouper les signets</translation>
    </message>
    <message>
        <source>By collection</source>
        <translation>Par collection</translation>
    </message>
    <message>
        <source>By document</source>
        <translation>Par document</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Plus</translation>
    </message>
    <message>
        <source>More bookmark actions</source>
        <translation>Autres actions sur les signets</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Add a note to the selected bookmark…</source>
        <translation>Ajouter une note au signet sélectionné…</translation>
    </message>
    <message>
        <source>The bookmark could not be saved: {reason}</source>
        <translation>Le signet n’a pas pu être enregistré&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Bookmarked “{title}”</source>
        <translation>Signet ajouté&#xa0;: «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>{document}, page {number}</source>
        <translation>{document}, page&#xa0;{number}</translation>
    </message>
    <message>
        <source>not found in the latest version</source>
        <translation>introuvable dans la dernière version</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n bookmark(s)</source>
        <translation>
            <numerusform>Supprimer %n signet</numerusform>
            <numerusform>Supprimer %n signets</numerusform>
        </translation>
    </message>
    <message>
        <source>{action} — press Ctrl+Z to undo</source>
        <translation>{action} — appuyez sur Ctrl+Z pour annuler</translation>
    </message>
    <message>
        <source>&amp;Yellow</source>
        <translation>&amp;Jaune</translation>
    </message>
    <message>
        <source>&amp;Green</source>
        <translation>&amp;Vert</translation>
    </message>
    <message>
        <source>&amp;Blue</source>
        <translation>&amp;Bleu</translation>
    </message>
    <message>
        <source>Pin&amp;k</source>
        <translation>&amp;Rose</translation>
    </message>
    <message>
        <source>&amp;Orange</source>
        <translation>&amp;Orange</translation>
    </message>
    <message>
        <source>P&amp;urple</source>
        <translation>Vio&amp;let</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Renommer</translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation>&amp;Couleur</translation>
    </message>
    <message>
        <source>&amp;Move to collection</source>
        <translation>&amp;Déplacer vers la collection</translation>
    </message>
    <message>
        <source>&amp;New collection…</source>
        <translation>&amp;Nouvelle collection…</translation>
    </message>
    <message>
        <source>Not &amp;in a collection</source>
        <translation>&amp;Hors collection</translation>
    </message>
    <message>
        <source>&amp;Keep it at its old position</source>
        <translation>&amp;Garder à son ancienne place</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Export collection as &amp;PDF…</source>
        <translation>Exporter la collection en &amp;PDF…</translation>
    </message>
    <message>
        <source>Export collection as a bookmarks &amp;file…</source>
        <translation>Exporter la collection en &amp;fichier de signets…</translation>
    </message>
    <message>
        <source>Re&amp;name collection…</source>
        <translation>Re&amp;nommer la collection…</translation>
    </message>
    <message>
        <source>&amp;Delete collection (keep its bookmarks)</source>
        <translation>&amp;Supprimer la collection (garder ses signets)</translation>
    </message>
    <message>
        <source>&amp;Export all bookmarks…</source>
        <translation>&amp;Exporter tous les signets…</translation>
    </message>
    <message>
        <source>&amp;Import bookmarks…</source>
        <translation>&amp;Importer des signets…</translation>
    </message>
    <message>
        <source>New collection</source>
        <translation>Nouvelle collection</translation>
    </message>
    <message>
        <source>Name of the new collection:</source>
        <translation>Nom de la nouvelle collection&#xa0;:</translation>
    </message>
    <message>
        <source>Rename collection</source>
        <translation>Renommer la collection</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom&#xa0;:</translation>
    </message>
</context>
<context>
    <name>GlossaryPopup</name>
    <message>
        <source>&amp;Open in the glossary</source>
        <translation>&amp;Ouvrir dans le glossaire</translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Make a handout</source>
        <translation>Préparer une fiche patient</translation>
    </message>
    <message>
        <source>Documents and sections</source>
        <translation>Documents et sections</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Documents and sections to choose from</source>
        <translation>Documents et sections à choisir</translation>
    </message>
    <message>
        <source>Sections in the handout, in order</source>
        <translation>Sections de la fiche, dans l’ordre</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>&amp;Cover page</source>
        <translation>Page de &amp;garde</translation>
    </message>
    <message>
        <source>Phone numbers, ward, when to call</source>
        <translation>Numéros de téléphone, service, quand appeler</translation>
    </message>
    <message>
        <source>A note for your patient (optional)</source>
        <translation>Un mot pour votre patient (facultatif)</translation>
    </message>
    <message>
        <source>C&amp;linic:</source>
        <translation>É&amp;tablissement&#xa0;:</translation>
    </message>
    <message>
        <source>Clinic&amp;ian:</source>
        <translation>Soi&amp;gnant&#xa0;:</translation>
    </message>
    <message>
        <source>Con&amp;tact:</source>
        <translation>Con&amp;tact&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note&#xa0;:</translation>
    </message>
    <message>
        <source>D&amp;ate:</source>
        <translation>D&amp;ate&#xa0;:</translation>
    </message>
    <message>
        <source>Lar&amp;ge print (18 pt; reflowed where the leaflet allows)</source>
        <translation>&amp;Gros caractères (18&#xa0;pt&#xa0;; texte remis en page quand la brochure le permet)</translation>
    </message>
    <message>
        <source>Preview of the handout pages</source>
        <translation>Aperçu des pages de la fiche</translation>
    </message>
    <message>
        <source>Tick the sections to put in the handout.</source>
        <translation>Cochez les sections à mettre dans la fiche.</translation>
    </message>
    <message>
        <source>&lt;b&gt;1. Choose&lt;/b&gt; sections (or a whole document)</source>
        <translation>&lt;b&gt;1. Choisissez&lt;/b&gt; des sections (ou un document entier)</translation>
    </message>
    <message>
        <source>&lt;b&gt;2. Order&lt;/b&gt; — drag, or use the buttons</source>
        <translation>&lt;b&gt;2. Ordonnez&lt;/b&gt; — faites glisser, ou utilisez les boutons</translation>
    </message>
    <message>
        <source>&lt;b&gt;3. Add&lt;/b&gt; a cover for your patient</source>
        <translation>&lt;b&gt;3. Ajoutez&lt;/b&gt; une page de garde pour votre patient</translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview&lt;/b&gt;</source>
        <translation>&lt;b&gt;Aperçu&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>{title}: the whole document ({id})</source>
        <translation>{title}&#xa0;: le document entier ({id})</translation>
    </message>
    <message>
        <source>no page</source>
        <translation>pas de page</translation>
    </message>
    <message>
        <source>{title} (whole document)</source>
        <translation>{title} (document entier)</translation>
    </message>
    <message>
        <source>“{title}” is still being read; try again in a moment</source>
        <translation>«&#xa0;{title}&#xa0;» est encore en cours de lecture&#xa0;; réessayez dans un instant</translation>
    </message>
    <message>
        <source>Updating the preview…</source>
        <translation>Mise à jour de l’aperçu…</translation>
    </message>
    <message>
        <source>Page {number}</source>
        <translation>Page&#xa0;{number}</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) in large print.</source>
        <translation>
            <numerusform>%n page en gros caractères.</numerusform>
            <numerusform>%n pages en gros caractères.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s).</source>
        <translation>
            <numerusform>%n page.</numerusform>
            <numerusform>%n pages.</numerusform>
        </translation>
    </message>
    <message>
        <source>The handout could not be made: {reason}</source>
        <translation>La fiche n’a pas pu être préparée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>handout</source>
        <translation>fiche-patient</translation>
    </message>
    <message>
        <source>Save handout</source>
        <translation>Enregistrer la fiche</translation>
    </message>
    <message>
        <source>The handout could not be saved: {reason}</source>
        <translation>La fiche n’a pas pu être enregistrée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message numerus="yes">
        <source>Saved {name} (%n page(s)).</source>
        <translation>
            <numerusform>{name} enregistré (%n page).</numerusform>
            <numerusform>{name} enregistré (%n pages).</numerusform>
        </translation>
    </message>
    <message>
        <source>Handout</source>
        <translation>Fiche patient</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Maj+Tab</translation>
    </message>
    <message>
        <source>Move to the next or previous control</source>
        <translation>Aller à la commande suivante ou précédente</translation>
    </message>
    <message>
        <source>Arrow keys, Home, End, Page Up, Page Down</source>
        <translation>Flèches, Début, Fin, Page préc, Page suiv</translation>
    </message>
    <message>
        <source>On the start page: move between documents; in a page: scroll</source>
        <translation>Sur la page d’accueil&#xa0;: passer d’un document à l’autre&#xa0;; dans une page&#xa0;: faire défiler</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Open the document, section or search result that has the focus</source>
        <translation>Ouvrir le document, la section ou le résultat de recherche sélectionné</translation>
    </message>
    <message>
        <source>Alt + underlined letter</source>
        <translation>Alt + lettre soulignée</translation>
    </message>
    <message>
        <source>Open that menu or press that button</source>
        <translation>Ouvrir ce menu ou appuyer sur ce bouton</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Close a dialog or this window</source>
        <translation>Fermer une boîte de dialogue ou cette fenêtre</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lire</translation>
    </message>
    <message>
        <source>Pick a document on the start page or in the Library list on the left. Move between its sections in the list, by page with Page Up and Page Down, and make the page bigger with Ctrl and +. Text view (Ctrl+T) shows the words without the page layout, at any size, and works well with screen readers. The reader remembers where you stopped.</source>
        <translation>Choisissez un document sur la page d’accueil ou dans la liste Bibliothèque, à gauche. Passez d’une section à l’autre dans la liste, d’une page à l’autre avec les touches Page préc et Page suiv, et agrandissez la page avec Ctrl et +. La vue texte (Ctrl+T) montre les mots sans la mise en page, à la taille de votre choix, et fonctionne bien avec les lecteurs d’écran. L’application retient où vous en étiez.</translation>
    </message>
    <message>
        <source>Searching</source>
        <translation>Chercher</translation>
    </message>
    <message>
        <source>Press Ctrl+K and type a few words in your own words, for example “always tired” or “feeling sick”. Medical words are found for you, and small spelling mistakes are forgiven. Ctrl+F searches only the document that is open. Enter opens the best result; the Down arrow moves into the list of results, where Enter opens the one you choose. F3 goes to the next match.</source>
        <translation>Appuyez sur Ctrl+K et tapez quelques mots, avec vos propres mots, par exemple «&#xa0;nausées&#xa0;» ou «&#xa0;perte d’appétit&#xa0;». Les mots médicaux sont trouvés pour vous et les petites fautes de frappe sont pardonnées. Ctrl+F cherche seulement dans le document ouvert. Entrée ouvre le meilleur résultat&#xa0;; la flèche vers le bas descend dans la liste des résultats, où Entrée ouvre celui que vous choisissez. F3 passe à l’occurrence suivante.</translation>
    </message>
    <message>
        <source>Bookmarks and notes</source>
        <translation>Signets et notes</translation>
    </message>
    <message>
        <source>Ctrl+D bookmarks the selected text, or the top of the page, and lets you type a name for it. In the Bookmarks panel you can add a note, put bookmarks in collections, and export them as a file to bring to an appointment or to import on another computer. Tab goes from a new bookmark&apos;s name to its note. Shift+F10 or the Menu key opens the menu of the bookmark or collection you are on, as a right click does.</source>
        <translation>Ctrl+D pose un signet sur le texte sélectionné, ou sur le haut de la page, et vous laisse lui donner un nom. Dans le panneau Signets, vous pouvez ajouter une note, ranger les signets dans des collections et les exporter dans un fichier, à apporter à un rendez-vous ou à importer sur un autre ordinateur. Tab passe du nom d’un nouveau signet à sa note. Maj+F10 ou la touche Menu ouvre le menu du signet ou de la collection où vous êtes, comme un clic droit.</translation>
    </message>
    <message>
        <source>Printing and handouts</source>
        <translation>Imprimer et préparer des fiches patient</translation>
    </message>
    <message>
        <source>Ctrl+P prints all pages, the current page, a range or the current section. Print preview shows every page first. Make a handout (Ctrl+Shift+H) puts sections of several documents together, in large print if you like, with a cover note, and saves them as one PDF.</source>
        <translation>Ctrl+P imprime toutes les pages, la page en cours, une suite de pages ou la section en cours. L’aperçu avant impression montre d’abord chaque page. Préparer une fiche patient (Ctrl+Maj+H) réunit des sections de plusieurs documents, en gros caractères si vous le souhaitez, avec un mot en page de garde, et les enregistre en un seul PDF.</translation>
    </message>
    <message>
        <source>Brochure Reader help</source>
        <translation>Aide de Brochure Reader</translation>
    </message>
    <message>
        <source>This help is part of the app: it works without the internet.</source>
        <translation>Cette aide fait partie de l’application&#xa0;: elle fonctionne sans Internet.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Other keys</source>
        <translation>Autres touches</translation>
    </message>
    <message>
        <source>Where your things are kept</source>
        <translation>Où sont gardées vos données</translation>
    </message>
    <message>
        <source>Bookmarks, notes and documents you added</source>
        <translation>Signets, notes et documents que vous avez ajoutés</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Search index (made again if deleted)</source>
        <translation>Index de recherche (recréé s’il est supprimé)</translation>
    </message>
    <message>
        <source>{label}: {folder}</source>
        <translation>{label}&#xa0;: {folder}</translation>
    </message>
    <message>
        <source>Nothing is sent anywhere. Passwords of protected files are never saved.</source>
        <translation>Rien n’est envoyé nulle part. Les mots de passe des fichiers protégés ne sont jamais enregistrés.</translation>
    </message>
    <message>
        <source>This app does not replace your care team. If you feel very unwell, contact them or the emergency services straight away.</source>
        <translation>Cette application ne remplace pas votre équipe soignante. Si vous vous sentez très mal, contactez-la ou appelez les urgences sans attendre.</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>Texte de l’aide</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>Welcome to Brochure Reader</source>
        <translation>Bienvenue dans Brochure Reader</translation>
    </message>
    <message>
        <source>Clear information about cancer, for you and the people close to you. Pick a topic to start reading. Everything here works without the internet, and nothing you do leaves this computer. This information does not replace advice from your own care team.</source>
        <translation>Des informations claires sur le cancer, pour vous et pour vos proches. Choisissez un sujet pour commencer votre lecture. Tout fonctionne ici sans Internet, et rien de ce que vous faites ne quitte cet ordinateur. Ces informations ne remplacent pas les conseils de votre équipe soignante.</translation>
    </message>
    <message>
        <source>Continue reading</source>
        <translation>Reprendre la lecture</translation>
    </message>
    <message>
        <source>Continue at {place}</source>
        <translation>Reprendre à la {place}</translation>
    </message>
    <message>
        <source>Pick up where you left off</source>
        <translation>Reprenez votre lecture là où vous l’aviez laissée</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>This could not be done.</source>
        <translation>Cela n’a pas pu être fait.</translation>
    </message>
    <message>
        <source>a problem in the reader stopped it (the details are in the log)</source>
        <translation>un problème dans l’application l’a interrompu (les détails sont dans le journal)</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <source>Add to library</source>
        <translation>Ajouter à la bibliothèque</translation>
    </message>
    <message>
        <source>Documents ({patterns})</source>
        <translation>Documents ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>Non ajouté</translation>
    </message>
    <message>
        <source>{name} is already in your library</source>
        <translation>{name} est déjà dans votre bibliothèque</translation>
    </message>
    <message>
        <source>Added {name} to your library (under My documents)</source>
        <translation>{name} a été ajouté à votre bibliothèque (dans Mes documents)</translation>
    </message>
    <message>
        <source>Remove from library</source>
        <translation>Retirer de la bibliothèque</translation>
    </message>
    <message>
        <source>Open a document you added yourself to remove it.</source>
        <translation>Ouvrez un document que vous avez ajouté vous-même pour le retirer.</translation>
    </message>
    <message>
        <source>Remove “{title}” from your library?
Your original file is not touched.</source>
        <translation>Retirer «&#xa0;{title}&#xa0;» de votre bibliothèque&#xa0;?
Votre fichier d’origine n’est pas modifié.</translation>
    </message>
    <message>
        <source>page {number}</source>
        <translation>page&#xa0;{number}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Barre de menus</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Preparing search: {done} of {total} ({title})</source>
        <translation>Préparation de la recherche&#xa0;: {done} sur {total} ({title})</translation>
    </message>
    <message>
        <source>Search is ready</source>
        <translation>La recherche est prête</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Signets</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Numéro de page</translation>
    </message>
    <message>
        <source>of {total}</source>
        <translation>sur {total}</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Zoom (Ctrl + and Ctrl −)</source>
        <translation>Zoom (Ctrl + et Ctrl −)</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Signet</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Te&amp;xt view options</source>
        <translation>&amp;Options de la vue texte</translation>
    </message>
    <message>
        <source>Reading sp&amp;eed</source>
        <translation>&amp;Vitesse de lecture</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Recherche</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller à</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>Lang&amp;uage</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>The new language applies when you next start Brochure Reader</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage de Brochure Reader</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent}&#xa0;%</translation>
    </message>
    <message>
        <source>Open this section</source>
        <translation>Ouvrir cette section</translation>
    </message>
    <message>
        <source>Put this section in a handout…</source>
        <translation>Mettre cette section dans une fiche patient…</translation>
    </message>
    <message>
        <source>Bookmark this section</source>
        <translation>Mettre un signet sur cette section</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Add its questions to My questions</source>
        <translation>Ajouter ses questions à Mes questions</translation>
    </message>
    <message>
        <source>Remove from library…</source>
        <translation>Retirer de la bibliothèque…</translation>
    </message>
    <message>
        <source>(page “{label}”)</source>
        <translation>(page «&#xa0;{label}&#xa0;»)</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>Réglages non enregistrés</translation>
    </message>
</context>
<context>
    <name>NavigationModel</name>
    <message>
        <source>page {number}</source>
        <translation>page&#xa0;{number}</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>pas de destination</translation>
    </message>
    <message>
        <source>(heading found from the text; this file has no outline)</source>
        <translation>(titre repéré dans le texte&#xa0;; ce fichier n’a pas de table des matières)</translation>
    </message>
</context>
<context>
    <name>NavigationPanel</name>
    <message>
        <source>Filter the list…</source>
        <translation>Filtrer la liste…</translation>
    </message>
    <message>
        <source>Filter the library</source>
        <translation>Filtrer la bibliothèque</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Effacer le filtre</translation>
    </message>
    <message>
        <source>Library and sections</source>
        <translation>Bibliothèque et sections</translation>
    </message>
</context>
<context>
    <name>PageChoiceDialog</name>
    <message>
        <source>Export as PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>Which pages do you want to save?</source>
        <translation>Quelles pages voulez-vous enregistrer&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;All pages (1–{last})</source>
        <translation>&amp;Toutes les pages (1–{last})</translation>
    </message>
    <message>
        <source>&amp;Current page (page {number})</source>
        <translation>Page &amp;actuelle (page&#xa0;{number})</translation>
    </message>
    <message>
        <source>Pa&amp;ges from</source>
        <translation>&amp;Pages de</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>Première page</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>Dernière page</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;à</translation>
    </message>
    <message>
        <source>This &amp;section: {title} (pages {pages})</source>
        <translation>Cette &amp;section&#xa0;: {title} (pages&#xa0;{pages})</translation>
    </message>
    <message>
        <source>This &amp;section (pages {pages})</source>
        <translation>Cette &amp;section (pages&#xa0;{pages})</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>Choisir le &amp;fichier…</translation>
    </message>
    <message>
        <source>The last page comes before the first one.</source>
        <translation>La dernière page est avant la première.</translation>
    </message>
</context>
<context>
    <name>PageColours</name>
    <message>
        <source>&amp;Normal</source>
        <translation>&amp;Normales</translation>
    </message>
    <message>
        <source>N&amp;ight (light on dark)</source>
        <translation>N&amp;uit (clair sur foncé)</translation>
    </message>
    <message>
        <source>&amp;Sepia</source>
        <translation>&amp;Sépia</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>Page {number} cannot be shown.

{reason}</source>
        <translation>La page {number} ne peut pas être affichée.

{reason}</translation>
    </message>
    <message>
        <source>the reader&apos;s document worker stopped</source>
        <translation>le processus de lecture des documents s’est arrêté</translation>
    </message>
    <message>
        <source>Page {number} could not be shown: {reason}</source>
        <translation>La page {number} n’a pas pu être affichée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Page {number}</source>
        <translation>Page&#xa0;{number}</translation>
    </message>
    <message>
        <source>Copied the selected text</source>
        <translation>Texte sélectionné copié</translation>
    </message>
    <message>
        <source>Link not opened</source>
        <translation>Lien non ouvert</translation>
    </message>
    <message>
        <source>Open a web page?</source>
        <translation>Ouvrir une page web&#xa0;?</translation>
    </message>
    <message>
        <source>Write an e-mail?</source>
        <translation>Écrire un e-mail&#xa0;?</translation>
    </message>
    <message>
        <source>This link leads to a web page outside Brochure Reader:</source>
        <translation>Ce lien mène à une page web en dehors de Brochure Reader&#xa0;:</translation>
    </message>
    <message>
        <source>This link starts an e-mail in your mail program, to:</source>
        <translation>Ce lien ouvre un e-mail dans votre messagerie, adressé à&#xa0;:</translation>
    </message>
    <message>
        <source>Open it in your web browser?</source>
        <translation>L’ouvrir dans votre navigateur&#xa0;?</translation>
    </message>
    <message>
        <source>Start the e-mail?</source>
        <translation>Commencer l’e-mail&#xa0;?</translation>
    </message>
    <message>
        <source>Brochure Reader itself never goes online.</source>
        <translation>Brochure Reader lui-même ne se connecte jamais à Internet.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Page colours:</source>
        <translation>&amp;Couleurs des pages&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Larger text in menus, lists and the start page</source>
        <translation>&amp;Texte plus grand dans les menus, les listes et la page d’accueil</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>A new language applies when you next start the app.</source>
        <translation>Une nouvelle langue s’applique au prochain démarrage de l’application.</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Print preview — {title}</source>
        <translation>Aperçu avant impression — {title}</translation>
    </message>
    <message>
        <source>Pages as they will print</source>
        <translation>Les pages telles qu’elles seront imprimées</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>Page &amp;précédente</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>Page &amp;suivante</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>&amp;Whole page</source>
        <translation>Page &amp;entière</translation>
    </message>
    <message>
        <source>&amp;All pages at once</source>
        <translation>&amp;Toutes les pages à la fois</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>I&amp;mprimer…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Page {number} of {total}</source>
        <translation>Page&#xa0;{number} sur {total}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The printer could not be started.</source>
        <translation>L’imprimante n’a pas pu démarrer.</translation>
    </message>
    <message>
        <source>Preparing page {number}…</source>
        <translation>Préparation de la page {number}…</translation>
    </message>
    <message>
        <source>This page could not be prepared: {reason}</source>
        <translation>Cette page n’a pas pu être préparée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Preparing pages for the printer…</source>
        <translation>Préparation des pages pour l’imprimante…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Impression</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>Impossible d’imprimer</translation>
    </message>
    <message>
        <source>Printing stopped</source>
        <translation>Impression interrompue</translation>
    </message>
    <message>
        <source>Print — {title}</source>
        <translation>Imprimer — {title}</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Non exporté</translation>
    </message>
    <message>
        <source>The PDF could not be saved: {reason}</source>
        <translation>Le PDF n’a pas pu être enregistré&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>QuestionsTab</name>
    <message>
        <source>Remove question “{text}”</source>
        <translation>Retirer la question «&#xa0;{text}&#xa0;»</translation>
    </message>
    <message>
        <source>Questions to take to your next appointment. Tick them when answered.</source>
        <translation>Les questions à poser lors de votre prochain rendez-vous. Cochez-les quand vous avez la réponse.</translation>
    </message>
    <message>
        <source>My questions</source>
        <translation>Mes questions</translation>
    </message>
    <message>
        <source>Type your own question and press Enter</source>
        <translation>Écrivez votre question et appuyez sur Entrée</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>Nouvelle question</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Add suggested questions</source>
        <translation>Ajouter les questions suggérées</translation>
    </message>
    <message>
        <source>Add back any of the built-in questions you do not have</source>
        <translation>Remettre les questions proposées que vous n’avez plus</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Réponse obtenue</translation>
    </message>
    <message>
        <source>Tick when answered; drag or Alt+Up/Down to reorder</source>
        <translation>Cochez quand vous avez la réponse&#xa0;; faites glisser ou utilisez Alt+Haut/Bas pour changer l’ordre</translation>
    </message>
    <message>
        <source>That question is already in your list</source>
        <translation>Cette question est déjà dans votre liste</translation>
    </message>
    <message numerus="yes">
        <source>Added %n question(s) to My questions</source>
        <translation>
            <numerusform>%n question ajoutée à Mes questions</numerusform>
            <numerusform>%n questions ajoutées à Mes questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n already there)</source>
        <translation>
            <numerusform>(%n y était déjà)</numerusform>
            <numerusform>(%n y étaient déjà)</numerusform>
        </translation>
    </message>
    <message>
        <source>Save my questions as PDF</source>
        <translation>Enregistrer mes questions en PDF</translation>
    </message>
    <message>
        <source>My questions could not be saved as a PDF: {reason}</source>
        <translation>Mes questions n’ont pas pu être enregistrées en PDF&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Saved My questions to {path}</source>
        <translation>Mes questions enregistrées dans {path}</translation>
    </message>
    <message>
        <source>the document workers are not running</source>
        <translation>les processus qui lisent les documents ne fonctionnent pas</translation>
    </message>
    <message>
        <source>My questions could not be printed: {reason}</source>
        <translation>Mes questions n’ont pas pu être imprimées&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>L’imprimante n’a pas pu démarrer.</translation>
    </message>
    <message>
        <source>Sent My questions to the printer</source>
        <translation>Mes questions ont été envoyées à l’imprimante</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>&amp;Slow (60 %)</source>
        <translation>&amp;Lente (60 %)</translation>
    </message>
    <message>
        <source>A &amp;little slower (80 %)</source>
        <translation>Un &amp;peu plus lente (80 %)</translation>
    </message>
    <message>
        <source>&amp;Normal (100 %)</source>
        <translation>&amp;Normale (100 %)</translation>
    </message>
    <message>
        <source>A little &amp;faster (125 %)</source>
        <translation>Un peu plus &amp;rapide (125 %)</translation>
    </message>
    <message>
        <source>F&amp;ast (150 %)</source>
        <translation>R&amp;apide (150 %)</translation>
    </message>
    <message>
        <source>&amp;Very fast (200 %)</source>
        <translation>&amp;Très rapide (200 %)</translation>
    </message>
</context>
<context>
    <name>ReadAloudController</name>
    <message>
        <source>Read aloud</source>
        <translation>Lire à voix haute</translation>
    </message>
    <message>
        <source>There is no text to read aloud from here.</source>
        <translation>Il n’y a pas de texte à lire à voix haute à partir d’ici.</translation>
    </message>
    <message>
        <source>P&amp;ause reading</source>
        <translation>&amp;Mettre la lecture en pause</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Go o&amp;n reading</source>
        <translation>Repren&amp;dre la lecture</translation>
    </message>
    <message>
        <source>Go on</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>&amp;Read aloud</source>
        <translation>L&amp;ire à voix haute</translation>
    </message>
    <message>
        <source>Reading aloud stopped: {reason}</source>
        <translation>La lecture à voix haute s’est arrêtée&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>ReaderController</name>
    <message>
        <source>Opening {title}…</source>
        <translation>Ouverture de {title}…</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) on this page</source>
        <translation>
            <numerusform>%n occurrence sur cette page</numerusform>
            <numerusform>%n occurrences sur cette page</numerusform>
        </translation>
    </message>
    <message>
        <source>no exact match</source>
        <translation>aucune occurrence exacte</translation>
    </message>
    <message>
        <source>Page {number}: {where}</source>
        <translation>Page&#xa0;{number}&#xa0;: {where}</translation>
    </message>
    <message>
        <source>this file was damaged and has been repaired for reading</source>
        <translation>ce fichier était endommagé et a été réparé pour la lecture</translation>
    </message>
    <message>
        <source>this document has no searchable text</source>
        <translation>ce document n’a pas de texte où chercher</translation>
    </message>
    <message>
        <source>That password is not right. Please try again.</source>
        <translation>Ce mot de passe n’est pas le bon. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>“{title}” is protected by a password. Enter it to open the document.
The password is not saved.</source>
        <translation>«&#xa0;{title}&#xa0;» est protégé par un mot de passe. Saisissez-le pour ouvrir le document.
Le mot de passe n’est pas enregistré.</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>Mot de passe nécessaire</translation>
    </message>
    <message>
        <source>The reader could not read it ({reason}).</source>
        <translation>L’application n’a pas pu le lire ({reason}).</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>raison inconnue</translation>
    </message>
    <message>
        <source>This file could not be opened</source>
        <translation>Ce fichier n’a pas pu être ouvert</translation>
    </message>
    <message>
        <source>This file could not be opened.</source>
        <translation>Ce fichier n’a pas pu être ouvert.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search the library (Ctrl+K)</source>
        <translation>Rechercher dans la bibliothèque (Ctrl+K)</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Search in</source>
        <translation>Rechercher dans</translation>
    </message>
    <message>
        <source>Search notes</source>
        <translation>Remarques sur la recherche</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>This document: {title}</source>
        <translation>Ce document&#xa0;: {title}</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>Ce document</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>Toute la bibliothèque</translation>
    </message>
    <message>
        <source>Search failed: {reason}</source>
        <translation>La recherche a échoué&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>p. {number}</source>
        <translation>p.&#xa0;{number}</translation>
    </message>
    <message>
        <source>No results for “{query}”. Showing results for “{suggestion}”.</source>
        <translation>Aucun résultat pour «&#xa0;{query}&#xa0;». Résultats pour «&#xa0;{suggestion}&#xa0;».</translation>
    </message>
    <message>
        <source>Did you mean {suggestion}?</source>
        <translation>Vouliez-vous dire {suggestion}&#xa0;?</translation>
    </message>
    <message>
        <source>Also searching: {terms}</source>
        <translation>Recherche aussi&#xa0;: {terms}</translation>
    </message>
    <message>
        <source>No page has all of your words; showing pages with some of them.</source>
        <translation>Aucune page ne contient tous vos mots&#xa0;; voici les pages qui en contiennent certains.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>dans %n document</numerusform>
            <numerusform>dans %n documents</numerusform>
        </translation>
    </message>
    <message>
        <source>No results.</source>
        <translation>Aucun résultat.</translation>
    </message>
</context>
<context>
    <name>SearchResultsDelegate</name>
    <message>
        <source>p. {number}</source>
        <translation>p.&#xa0;{number}</translation>
    </message>
    <message>
        <source>Start of document</source>
        <translation>Début du document</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Start of document</source>
        <translation>Début du document</translation>
    </message>
    <message>
        <source>p. {number}</source>
        <translation>p.&#xa0;{number}</translation>
    </message>
    <message>
        <source>page {number}</source>
        <translation>page&#xa0;{number}</translation>
    </message>
</context>
<context>
    <name>SettingsSaver</name>
    <message>
        <source>Your reading positions and settings could not be saved ({reason}). They are kept while the reader is open.</source>
        <translation>Vos positions de lecture et vos réglages n’ont pas pu être enregistrés ({reason}). Ils sont conservés tant que l’application reste ouverte.</translation>
    </message>
</context>
<context>
    <name>TextOptions</name>
    <message>
        <source>&amp;Line spacing</source>
        <translation>&amp;Interligne</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>Simple</translation>
    </message>
    <message>
        <source>Double</source>
        <translation>Double</translation>
    </message>
    <message>
        <source>Line l&amp;ength</source>
        <translation>&amp;Longueur des lignes</translation>
    </message>
    <message>
        <source>Short (about 50 letters)</source>
        <translation>Courte (environ 50 lettres)</translation>
    </message>
    <message>
        <source>Medium (about 65 letters)</source>
        <translation>Moyenne (environ 65 lettres)</translation>
    </message>
    <message>
        <source>Long (about 80 letters)</source>
        <translation>Longue (environ 80 lettres)</translation>
    </message>
    <message>
        <source>&amp;Margins</source>
        <translation>&amp;Marges</translation>
    </message>
    <message>
        <source>Narrow</source>
        <translation>Étroites</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyennes</translation>
    </message>
    <message>
        <source>Wide</source>
        <translation>Larges</translation>
    </message>
</context>
<context>
    <name>TextView</name>
    <message>
        <source>Document text</source>
        <translation>Texte du document</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Comme le s&amp;ystème</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Sombre</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>Contraste é&amp;levé</translation>
    </message>
</context>
<context>
    <name>ViewModes</name>
    <message>
        <source>Preparing the text…</source>
        <translation>Préparation du texte…</translation>
    </message>
    <message>
        <source>The text of “{title}” could not be read: {reason}</source>
        <translation>Le texte de «&#xa0;{title}&#xa0;» n’a pas pu être lu&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>“{title}” has no text to show (it may be scanned pages)</source>
        <translation>«&#xa0;{title}&#xa0;» n’a pas de texte à afficher (il s’agit peut-être de pages scannées)</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n occurrence</numerusform>
            <numerusform>%n occurrences</numerusform>
        </translation>
    </message>
    <message>
        <source>No exact match in the text</source>
        <translation>Aucune occurrence exacte dans le texte</translation>
    </message>
</context>
<context>
    <name>_Texts</name>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message>
        <source>p. {number}</source>
        <translation>p.&#xa0;{number}</translation>
    </message>
    <message>
        <source>pp. {first}–{last}</source>
        <translation>p.&#xa0;{first}–{last}</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n page(s) to {name}</source>
        <translation>
            <numerusform>%n page enregistrée dans {name}</numerusform>
            <numerusform>%n pages enregistrées dans {name}</numerusform>
        </translation>
    </message>
</context>
</TS>
