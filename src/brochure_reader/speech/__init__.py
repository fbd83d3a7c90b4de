"""Read aloud (plain Python, no Qt): a speech engine and the reading of a text sentence by
sentence.

:mod:`.sentences` cuts a text into sentences (character offsets), :mod:`.engine` speaks one
sentence at a time through a speech engine (espeak-ng's command line; :func:`.engine.find_engine`
returns None when none is installed) and :mod:`.session` reads a text from a position, sentence
after sentence, with pause, resume, stop and speed.  Nothing here blocks: the owner calls
:meth:`.session.ReadAloud.poll` a few times a second (the GUI from a timer).
"""
