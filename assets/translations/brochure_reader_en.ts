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
    <name>BookmarksPanel</name>
    <message numerus="yes">
        <source>Exported %n bookmark(s) to {path}</source>
        <translation>
            <numerusform>Exported %n bookmark to {path}</numerusform>
            <numerusform>Exported %n bookmarks to {path}</numerusform>
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
</TS>
