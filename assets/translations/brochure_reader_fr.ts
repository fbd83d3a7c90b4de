<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
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
        <translation>&amp;Aperçu avant impression…</translation>
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
        <translation>Aller en avant (Alt+Droite)</translation>
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
        <translation>&amp;Pleine largeur</translation>
    </message>
    <message>
        <source>Page as wide as the window (Ctrl 0)</source>
        <translation>La page aussi large que la fenêtre (Ctrl 0)</translation>
    </message>
    <message>
        <source>Fit &amp;page</source>
        <translation>Page &amp;entière</translation>
    </message>
    <message>
        <source>Whole page in the window</source>
        <translation>Toute la page dans la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>Page &amp;suivante</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>Page &amp;précédente</translation>
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
        <translation>Copier les listes « Questions à poser à votre équipe soignante » dans Mes questions</translation>
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
        <translation>&amp;Texte plus grand</translation>
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
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Theme, page colours, text size</source>
        <translation>Thème, couleurs des pages, taille du texte</translation>
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
        <extracomment>a theme was applied (the :class:`~brochure_reader.ui.theme.Theme`)</extracomment>
        <translation>T&amp;hème</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>Welcome to Brochure Reader</source>
        <extracomment>arrow, Home/End or Page key pressed on the card: (card, key) the card got the keyboard focus (card) the reader picked a document (doc id)</extracomment>
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
        <translation>Reprenez là où vous vous étiez arrêté</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Library</source>
        <extracomment>The Add to library file filter (the patterns stay; the words are translated where shown).</extracomment>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
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
        <source>&amp;Search</source>
        <translation>&amp;Recherche</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller à</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;Language</source>
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
        <source>page {number}</source>
        <translation>page {number}</translation>
    </message>
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
        <source>Settings not saved</source>
        <translation>Réglages non enregistrés</translation>
    </message>
</context>
<context>
    <name>NavigationPanel</name>
    <message>
        <source>Filter the list…</source>
        <extracomment>Custom roles (Qt.UserRole + n) (doc_id, page 0-based, y points) — page -1 means &quot;wherever the reader left it&quot; right-click on an entry: (doc_id, section ref or &quot;&quot; for a document, global position)</extracomment>
        <translation>Filtrer la liste…</translation>
    </message>
    <message>
        <source>Filter the library</source>
        <translation>Filtrer la bibliothèque</translation>
    </message>
    <message>
        <source>Library and sections</source>
        <translation>Bibliothèque et sections</translation>
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
    <name>Theme</name>
    <message>
        <source>Follow the &amp;system</source>
        <extracomment>Theme names (the ``theme`` setting) and their menu labels (English; shown with ``translate(&quot;Theme&quot;, label)``).</extracomment>
        <translation>Comme le &amp;système</translation>
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
</TS>
