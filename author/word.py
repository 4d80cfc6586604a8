"""The page as a Word document (`author render --format docx`), built with python-docx.

It lays out the renderer's page data (`author.render.page_context`), not the text page,
so it shows whatever the page shows. Every value from the readout goes into a run's text:
python-docx escapes it, and a line break or tab inside a value stays inside its paragraph,
so no value can add a paragraph, a list item or a style.

python-docx is an optional extra (`pip install 'author[docx]'`); this module imports it
at the top, so import this module only when a Word document is asked for.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, time
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from author.config import Config
from author.model import Readout
from author.render import page_context

LATIN_FONT = "Times New Roman"
EAST_ASIAN_FONT = "Yu Mincho"  # 游明朝: Word's own Japanese serif; Japanese text picks it
LANGUAGES = {"en": "en-GB", "ja": "ja-JP"}
# The sub-point label of each language's page: (1) on the English page, （1） on the Japanese.
SUB_POINT_LABEL = {"en": "(%2)", "ja": "（%2）"}

# Twentieths of a point. The point's number hangs at 360, its text starts at 720; a
# sub-point's label starts where the point's text does, as on the text page.
POINT_TEXT_INDENT, POINT_HANGING = 720, 360
SUB_POINT_TEXT_INDENT, SUB_POINT_HANGING = 1300, 580

# Paragraph styles: name → (size in points, bold, italic, space after in points).
STYLES = {
    "Readout Section": (10.5, False, False, 6),
    "Readout Heading": (14, True, False, 12),
    "Readout Notice": (10.5, False, False, 6),
    "Readout Date": (10.5, False, False, 6),
    "Readout Caption": (10, False, True, 0),
    "Readout Lead": (10.5, False, False, 12),
    "Readout Point": (10.5, False, False, 8),
    "Readout Point Heading": (10.5, True, False, 4),
    "Readout Point Text": (10.5, False, False, 8),
    "Readout Sub-point": (10.5, False, False, 4),
    "Readout Footnote": (10, False, False, 4),
    "Readout Back": (10.5, False, False, 0),
}

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def readout_docx(readout: Readout, config: Config | None = None, lang: str = "en") -> bytes:
    """The Word document of a readout's page."""
    return docx_bytes(page_context(readout, config), lang=lang)


def docx_bytes(context: dict[str, Any], *, lang: str = "en") -> bytes:
    """The Word document (.docx) of a page, from `page_context`'s values."""
    document = Document()
    _page_setup(document)
    _define_styles(document, lang)
    list_id = _define_numbering(document, lang)
    body = _Body(document, list_id)

    if context.get("section_line"):  # with a title, the section line comes first
        body.paragraph(context["section_line"], "Readout Section")
    body.paragraph(context["heading"], "Readout Heading")
    body.paragraph(context["date_line"], "Readout Date")
    if context.get("notice"):  # under the date line (readout-format.md, "The page")
        body.paragraph(context["notice"], "Readout Notice")
    for caption in context["captions"]:
        body.paragraph(caption, "Readout Caption")
    body.paragraph(context["lead"], "Readout Lead")
    for point in context["points"]:
        body.point(point)
    for note in context["footnotes"]:
        body.paragraph(note, "Readout Footnote")
    body.paragraph(context["back_to"], "Readout Back")

    published = date.fromisoformat(context["published_iso"])
    _properties(document, context["heading"], lang, published)
    return _reproducible(document)


class _Body:
    """Adds the page's paragraphs; the points as items of one Word numbered list."""

    def __init__(self, document: Any, list_id: int) -> None:
        self.document = document
        self.list_id = list_id

    def paragraph(self, text: str, style: str, level: int | None = None) -> Any:
        paragraph = self.document.add_paragraph(style=style)
        paragraph.add_run(text)
        if level is not None:
            paragraph._p.get_or_add_pPr().append(
                parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                    f'<w:numId w:val="{self.list_id}"/></w:numPr>'
                )
            )
        return paragraph

    def point(self, point: Any) -> None:
        paragraphs = [p for p in _PARAGRAPH_BREAK.split(point.text) if p] if point.text else []
        if point.heading:
            self.paragraph(point.heading, "Readout Point Heading", level=0)
        elif paragraphs:
            self.paragraph(paragraphs.pop(0), "Readout Point", level=0)
        for text in paragraphs:  # the rest of the point's text, inside its item
            self.paragraph(text, "Readout Point Text")
        for sub in point.points:
            self.paragraph(sub, "Readout Sub-point", level=1)


def _page_setup(document: Any) -> None:
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin = section.bottom_margin = Mm(25)


def _fonts(rpr: Any) -> None:
    """Name the fonts outright: no theme fonts (Calibri), a serif for Latin text and a
    Japanese serif for East Asian text."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(slot), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)


def _define_styles(document: Any, lang: str) -> None:
    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(defaults)
    language = defaults.find(qn("w:lang"))
    language.set(qn("w:val"), LANGUAGES["en"])  # Latin text is English on both pages
    language.set(qn("w:eastAsia"), LANGUAGES["ja"])
    normal = styles["Normal"]
    _fonts(normal.element.get_or_add_rPr())
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, (size, bold, italic, after) in STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        style.paragraph_format.space_after = Pt(after)
    styles["Readout Heading"].paragraph_format.keep_with_next = True
    styles["Readout Point Heading"].paragraph_format.keep_with_next = True
    text = styles["Readout Point Text"].paragraph_format
    text.left_indent = Pt(POINT_TEXT_INDENT / 20)
    styles["Readout Lead"].paragraph_format.space_before = Pt(6)
    styles["Readout Back"].paragraph_format.space_before = Pt(12)


def _define_numbering(document: Any, lang: str) -> int:
    """One multilevel list: level 0 `1.`, `2.`, …; level 1 `(1)`, `(2)`, …, restarting at
    every point. Returns its numbering id."""
    numbering = document.part.numbering_part.element
    abstract_id = 1 + max(
        (int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))),
        default=-1,
    )
    list_id = 1 + max(
        (int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))), default=0
    )
    levels = [
        (0, "%1.", POINT_TEXT_INDENT, POINT_HANGING),
        (1, SUB_POINT_LABEL[lang], SUB_POINT_TEXT_INDENT, SUB_POINT_HANGING),
    ]
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="multilevel"/>'
        + "".join(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            f'<w:lvlText w:val="{label}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{indent}" w:hanging="{hanging}"/></w:pPr></w:lvl>'
            for level, label, indent, hanging in levels
        )
        + "</w:abstractNum>"
    )
    # The schema puts every w:abstractNum before the first w:num.
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{list_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
    )
    return list_id


def _properties(document: Any, title: str, lang: str, published: date) -> None:
    """Title and language; no author or dates from the machine that rendered it."""
    properties = document.core_properties
    properties.title = title[:255]  # the property holds at most 255; the page has it all
    properties.language = LANGUAGES[lang]
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = ""
    properties.revision = 1
    stamp = datetime.combine(published, time())
    properties.created = properties.modified = stamp


def _reproducible(document: Any) -> bytes:
    """The document's bytes, with fixed timestamps inside the archive: the same readout
    gives the same file, so a committed .docx changes only when the page does."""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info))
    return out.getvalue()
