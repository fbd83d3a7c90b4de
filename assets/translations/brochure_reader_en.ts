<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BookmarkController</name>
    <message numerus="yes">
        <source>Added %n question(s) from “{section}” to My questions</source>
        <translation>
            <numerusform>Added %n question from “{section}” to My questions</numerusform>
            <numerusform>Added %n questions from “{section}” to My questions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BookmarkFiles</name>
    <message numerus="yes">
        <source>Exported %n bookmark(s) to {path}</source>
        <translation>
            <numerusform>Exported %n bookmark to {path}</numerusform>
            <numerusform>Exported %n bookmarks to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message numerus="yes">
        <source>Delete %n bookmark(s)</source>
        <translation>
            <numerusform>Delete %n bookmark</numerusform>
            <numerusform>Delete %n bookmarks</numerusform>
        </translation>
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
    <message numerus="yes">
        <source>%n page(s) in large print.</source>
        <translation>
            <numerusform>%n page in large print.</numerusform>
            <numerusform>%n pages in large print.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s).</source>
        <translation>
            <numerusform>%n page.</numerusform>
            <numerusform>%n pages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved {name} (%n page(s)).</source>
        <translation>
            <numerusform>Saved {name} (%n page).</numerusform>
            <numerusform>Saved {name} (%n pages).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuestionsTab</name>
    <message numerus="yes">
        <source>Added %n question(s) to My questions</source>
        <translation>
            <numerusform>Added %n question to My questions</numerusform>
            <numerusform>Added %n questions to My questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n already there)</source>
        <translation>
            <numerusform>(%n was already there)</numerusform>
            <numerusform>(%n were already there)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReaderController</name>
    <message numerus="yes">
        <source>%n match(es) on this page</source>
        <translation>
            <numerusform>%n match on this page</numerusform>
            <numerusform>%n matches on this page</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>in %n document</numerusform>
            <numerusform>in %n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViewModes</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
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
            <numerusform>Saved %n page to {name}</numerusform>
            <numerusform>Saved %n pages to {name}</numerusform>
        </translation>
    </message>
</context>
</TS>
