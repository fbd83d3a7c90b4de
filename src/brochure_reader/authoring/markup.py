"""Markdown body -> HTML for the typesetter, with the heading list and plain text for checks.

Parsing is markdown-it-py (CommonMark, tables on, raw HTML off) plus the mdit-py-plugins
``container`` plugin for the callout boxes (``::: key-points`` … ``:::``) and the block form of
its ``substitution`` plugin for includes of shared blocks (``{{ shared fever }}``, expanded by
:mod:`brochure_reader.authoring.shared` before rendering).  Emphasis of either kind is printed
bold (clear-print guidance: never italics).
"""

from __future__ import annotations

import html
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.substitution import substitution_plugin

from brochure_reader.library.sections import slugify

#: Callout box kinds, in the order docs/authoring.md describes them.
BOX_KINDS = ("key-points", "urgent", "questions", "note")
#: The container that lists the questions a section answers (not printed; see
#: docs/authoring.md, "Questions a section answers").
ANSWERS = "answers"
#: Longest question or phrase in an ``::: answers`` list (characters).
MAX_ANSWER_CHARS = 160
#: Suffix of the id of the empty marker that closes each box.
END_SUFFIX = "--end"  # slugs never hold "--", so no heading id can end like this


class MarkupError(ValueError):
    """A body the typesetter cannot print (unknown box kind…); message without the file name."""


@dataclass(frozen=True)
class Heading:
    """A heading of the body: Markdown level (2 for ``##``), plain text, unique HTML id."""

    level: int
    text: str
    id: str
    box: str = ""  #: the box kind when the heading is inside a callout box
    box_id: str = ""  #: the HTML id of that box
    first_in_box: bool = False  #: True when nothing comes before it inside its box


@dataclass
class RenderedBody:
    html: str
    headings: list[Heading] = field(default_factory=list)
    #: (kind, id) of every callout box, in order
    boxes: list[tuple[str, str]] = field(default_factory=list)
    #: ids of the header rows of tables (``<tr>`` inside ``<thead>``)
    header_rows: list[str] = field(default_factory=list)
    #: ids of the tables (each followed by an end marker, like the boxes)
    tables: list[str] = field(default_factory=list)
    #: heading id -> the questions and phrases its ``::: answers`` list names (search only)
    answers: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _validate_box(params: str, _markup: str) -> bool:
    return bool(params.strip())


def make_parser() -> MarkdownIt:
    """The one Markdown parser used for sources (CommonMark + tables + callout boxes +
    ``{{ … }}`` includes)."""
    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    container_plugin(md, "box", validate=_validate_box)
    substitution_plugin(md)
    return md


_PARSER = make_parser()


def parse_tokens(body: str) -> list[Token]:
    """Block tokens of *body* (see markdown-it-py's token stream)."""
    return _PARSER.parse(body)


def is_answers(token: Token) -> bool:
    """Whether a ``container_box_open`` token opens an ``::: answers`` list."""
    return token.info.strip().split()[:1] == [ANSWERS]


def read_answers(tokens: Sequence[Token], start: int) -> tuple[list[str], int]:
    """The items of the ``::: answers`` list opening at ``tokens[start]`` and the index of its
    closing token.  Raises :class:`MarkupError` unless it holds only a bullet list of short
    plain lines."""
    where = tokens[start].map
    line = f"line {where[0] + 1}: " if where else ""
    items: list[str] = []
    depth = 0
    i = start + 1
    while i < len(tokens):
        token = tokens[i]
        if token.type == "container_box_close" and depth == 0:
            if not items:
                raise MarkupError(f"{line}'::: answers' is empty: list questions as '- ...'")
            return items, i
        if token.type == "container_box_open":
            raise MarkupError(f"{line}'::: answers' cannot hold another box")
        if token.type in ("bullet_list_open", "bullet_list_close"):
            depth += token.nesting
        elif token.type == "inline":
            text = inline_text(token)
            if depth != 1 or tokens[i - 1].type != "paragraph_open":
                raise MarkupError(f"{line}'::: answers' holds only a '- ' list of questions")
            if len(text) > MAX_ANSWER_CHARS:
                raise MarkupError(f"{line}answer longer than {MAX_ANSWER_CHARS} characters: "
                                  f"{text[:40]}…")
            items.append(text)
        elif token.type not in ("list_item_open", "list_item_close", "paragraph_open",
                                "paragraph_close"):
            raise MarkupError(f"{line}'::: answers' holds only a '- ' list of questions")
        i += 1
    raise MarkupError(f"{line}'::: answers' is not closed with ':::'")  # pragma: no cover


def box_kind(token: Token) -> str:
    """The kind of a ``container_box_open`` token, checked against :data:`BOX_KINDS`."""
    kind = token.info.strip().split()[0] if token.info.strip() else ""
    if kind not in BOX_KINDS:
        line = f"line {token.map[0] + 1}: " if token.map else ""
        raise MarkupError(f"{line}unknown box '::: {kind}' (use one of: {', '.join(BOX_KINDS)})")
    return kind


def inline_text(token: Token) -> str:
    """Plain text of an ``inline`` token (emphasis dropped, breaks as spaces)."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return " ".join("".join(parts).split())


class BodyRenderer:
    """Walks the block tokens and writes the HTML the Story engine understands; subclasses
    change the shape of boxes, tables, headings, links and text runs (see ``box_open`` …)."""

    def __init__(self, breaks: Collection[str] = ()) -> None:
        self.breaks = frozenset(breaks)
        self.out: list[str] = []
        self.headings: list[Heading] = []
        self.boxes: list[tuple[str, str]] = []
        self.header_rows: list[str] = []
        self.tables: list[str] = []
        self._in_thead = False
        self._used: set[str] = set()
        self._boxes: list[tuple[str, str, bool]] = []  # (kind, id, anything rendered yet)
        self.answers: dict[str, tuple[str, ...]] = {}

    def unique_id(self, base: str) -> str:
        slug, n = base, 1
        while slug in self._used:
            n += 1
            slug = f"{base}-{n}"
        self._used.add(slug)
        return slug

    def render(self, tokens: Sequence[Token]) -> None:
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.type == "container_box_open" and is_answers(token):
                i = self._answers(tokens, i) + 1
                continue
            if token.type == "container_box_open":
                kind = box_kind(token)
                box_id = self.unique_id(f"box-{kind}")
                self.boxes.append((kind, box_id))
                self._mark_box_content()
                self._boxes.append((kind, box_id, False))
                self.out.append(self.box_open(kind, box_id))
            elif token.type == "container_box_close":
                kind, box_id, _seen = self._boxes.pop()
                self.out.append(self.box_close(kind, box_id))
            elif token.type == "heading_open":
                self._heading(token, tokens[i + 1])
                i += 2  # the inline token was rendered too; heading_close follows
            elif token.type == "inline":
                self._mark_box_content()
                self.out.append(self.inline(token.children or []))
            elif token.type in ("fence", "code_block"):
                self._mark_box_content()
                self.out.append(f'<p class="code">{self.esc(token.content.rstrip())}</p>\n')
            elif token.type == "table_open":
                self._mark_box_content()
                table_id = self.unique_id(f"table-{len(self.tables) + 1}")
                self.tables.append(table_id)
                self.out.append(self.table_open(table_id))
            elif token.type == "table_close":
                self.out.append(self.table_close(self.tables[-1]))
            elif token.type in ("thead_open", "thead_close"):
                self._in_thead = token.nesting == 1
                self.out.append(self.tag(token))
            elif token.type == "tr_open" and self._in_thead:
                row_id = self.unique_id(f"{self.tables[-1]}-head")
                self.header_rows.append(row_id)
                self.out.append(f'<tr id="{row_id}">')
            elif token.type == "hr":
                self.out.append("<hr/>\n")
            elif token.type == "substitution_block":
                line = f"line {token.map[0] + 1}: " if token.map else ""
                raise MarkupError(f"{line}'{{{{ {token.content} }}}}' was not expanded "
                                  "(shared blocks need the pack's shared/ folder)")
            elif token.type == "html_block":  # only with html enabled; print as text
                self.out.append(f"<p>{self.esc(token.content)}</p>\n")
            else:
                self.out.append(self.tag(token))
            i += 1

    def _answers(self, tokens: Sequence[Token], start: int) -> int:
        """Record an ``::: answers`` list for the heading above it; returns its closing index."""
        items, end = read_answers(tokens, start)
        where = tokens[start].map
        line = f"line {where[0] + 1}: " if where else ""
        if not self.headings:
            raise MarkupError(f"{line}'::: answers' must follow the heading it belongs to")
        heading = self.headings[-1].id
        if heading in self.answers:
            raise MarkupError(f"{line}a second '::: answers' list for one heading")
        self.answers[heading] = tuple(items)
        return end

    # --- the element shapes: the typesetter's; the text view's renderer overrides them ------

    def box_open(self, kind: str, box_id: str) -> str:
        extra = " break-before" if box_id in self.breaks else ""
        return f'<div class="box box-{kind}{extra}" id="{box_id}">'

    def box_close(self, kind: str, box_id: str) -> str:
        # An empty marker: its position tells where the box ends (a box split over two pages
        # only reports its first part).
        return f'<div id="{box_id}{END_SUFFIX}"></div></div>\n'

    def table_open(self, table_id: str) -> str:
        # MuPDF ignores page breaks on tables: the break goes on a wrapping div.
        extra = ' class="break-before"' if table_id in self.breaks else ""
        return f'<div{extra}><table id="{table_id}">'

    def table_close(self, table_id: str) -> str:
        return f'</table><div id="{table_id}{END_SUFFIX}"></div></div>\n'

    def heading_html(self, tag: str, heading_id: str, content: str) -> str:
        extra = ' class="break-before"' if heading_id in self.breaks else ""
        return f'<{tag} id="{heading_id}"{extra}>{content}</{tag}>\n'

    def link_open(self, href: str) -> str:
        return ""

    def link_close(self, href: str) -> str:
        """Printed links show their address after the text (``(www.nhs.uk)``)."""
        if href and not href.startswith("#"):
            shown = href.removeprefix("mailto:")
            return f' (<span class="url">{self.esc(shown)}</span>)'
        return ""

    def text(self, text: str) -> str:
        """A run of body text as HTML (escaped)."""
        return self.esc(text)

    def _mark_box_content(self) -> None:
        if self._boxes:
            kind, box_id, _ = self._boxes[-1]
            self._boxes[-1] = (kind, box_id, True)

    def _heading(self, token: Token, inline: Token) -> None:
        text = inline_text(inline)
        heading_id = self.unique_id(slugify(text))
        kind, box_id, seen = self._boxes[-1] if self._boxes else ("", "", True)
        self.headings.append(
            Heading(int(token.tag[1]), text, heading_id, kind, box_id, first_in_box=not seen)
        )
        self._mark_box_content()
        tag = (
            f"h{min(max(int(token.tag[1]), 2), 4)}"  # '#' prints like '##': the cover has the title
        )
        content = self.inline(inline.children or [])
        self.out.append(self.heading_html(tag, heading_id, content))

    @staticmethod
    def esc(text: str) -> str:
        return html.escape(text, quote=True)

    def tag(self, token: Token) -> str:
        if token.hidden:  # paragraphs of tight list items
            return ""
        if token.nesting == -1:
            return f"</{token.tag}>" + ("\n" if token.block else "")
        attrs = ""
        if token.tag in ("th", "td"):
            style = token.attrGet("style")
            if style:
                attrs = f' style="{self.esc(str(style))}"'
        if token.type == "ordered_list_open" and token.attrGet("start"):
            attrs = f' start="{int(token.attrGet("start") or 1)}"'
        return f"<{token.tag}{attrs}>"

    def inline(self, children: Sequence[Token]) -> str:
        parts = []
        link_href: list[str] = []
        for child in children:
            kind = child.type
            if kind == "text":
                parts.append(self.text(child.content))
            elif kind in ("strong_open", "em_open"):
                parts.append("<b>")
            elif kind in ("strong_close", "em_close"):
                parts.append("</b>")
            elif kind == "code_inline":
                parts.append(f'<span class="code">{self.esc(child.content)}</span>')
            elif kind == "softbreak":
                parts.append("\n")
            elif kind == "hardbreak":
                parts.append("<br/>")
            elif kind == "link_open":
                link_href.append(str(child.attrGet("href") or ""))
                parts.append(self.link_open(link_href[-1]))
            elif kind == "link_close":
                parts.append(self.link_close(link_href.pop() if link_href else ""))
            elif kind == "image" or kind in ("html_inline",):
                parts.append(self.esc(child.content))
            elif kind == "substitution_inline":
                raise MarkupError(f"'{{{{ {child.content} }}}}' inside text: an include must "
                                  "stand on a line of its own, after a blank line")
        return "".join(parts)


def render_body(
    body: str | Sequence[Token],
    breaks: Collection[str] = (),
    renderer: type[BodyRenderer] | None = None,
) -> RenderedBody:
    """HTML for *body* (Markdown text or its tokens from :func:`parse_tokens`).

    Headings get unique slug ids (``DOC_ID#slug`` uses the same slugs), boxes ids
    ``box-<kind>[-n]``; elements whose id is in *breaks* start a new page.
    *renderer* is a :class:`BodyRenderer` subclass writing other HTML (the text view's).
    Raises :class:`MarkupError` for an unknown box kind.
    """
    made = (renderer or BodyRenderer)(breaks)
    made.render(parse_tokens(body) if isinstance(body, str) else body)
    return RenderedBody(
        "".join(made.out),
        made.headings,
        made.boxes,
        made.header_rows,
        made.tables,
        made.answers,
    )


@dataclass(frozen=True)
class Block:
    """A piece of body text for checks: the section it sits in and the box kind, if any."""

    text: str
    section: str  #: text of the nearest ``##`` (level ≤ 2) heading above, "" before the first
    box: str  #: box kind or ""
    kind: str  #: "paragraph", "item", "cell" or "heading"


def text_blocks(body: str) -> list[Block]:
    """Every paragraph, list item, table cell and heading of *body* as plain text, in order."""
    blocks: list[Block] = []
    section = ""
    boxes: list[str] = []
    context: list[str] = []  # enclosing block types
    tokens = parse_tokens(body)
    skip_to = -1
    for i, token in enumerate(tokens):
        if i <= skip_to:
            continue  # an ``::: answers`` list: for search, not part of the text
        if token.type == "container_box_open" and is_answers(token):
            skip_to = read_answers(tokens, i)[1]
        elif token.type == "container_box_open":
            boxes.append(box_kind(token))
        elif token.type == "container_box_close":
            boxes.pop()
        elif token.nesting == 1:
            context.append(token.type)
        elif token.nesting == -1 and context:
            context.pop()
        elif token.type == "inline":
            text = inline_text(token)
            box = boxes[-1] if boxes else ""
            if context and context[-1] == "heading_open":
                level = int(tokens[i - 1].tag[1])
                if level <= 2 and not box:
                    section = text
                blocks.append(Block(text, section, box, "heading"))
            elif context and context[-1] in ("th_open", "td_open"):
                blocks.append(Block(text, section, box, "cell"))
            elif "list_item_open" in context:
                blocks.append(Block(text, section, box, "item"))
            else:
                blocks.append(Block(text, section, box, "paragraph"))
    return blocks


#: Sections left out of reading-level checks (boilerplate and reference lists).
NON_BODY_SECTIONS = ("about this information", "sources")


def readability_text(body: str) -> str:
    """The body's running text for reading-level formulas: paragraphs, list items and table
    cells, each ending as a sentence; headings and the "About this information" and "Sources"
    sections are left out."""
    sentences = []
    for block in text_blocks(body):
        if block.kind == "heading" or block.section.casefold() in NON_BODY_SECTIONS:
            continue
        text = block.text.strip()
        if not text:
            continue
        if text[-1] not in ".!?":
            text = text.rstrip(":;,") + "."
        sentences.append(text)
    return " ".join(sentences)
