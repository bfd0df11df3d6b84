#!/usr/bin/env python3
"""Regenerate the referat corpus from the five seed texts.

Reads corpus/seeds/*.txt, writes the sources LibreOffice converts
(corpus/sources/*.fodt, flat ODF text documents) and the two municipal web
pages (000 and 001, written straight to corpus/<municipality>/), then runs LibreOffice headless to produce every
DOCX and PDF, and the HTML of the three office documents (002, 003, 004);
each DOCX is also saved as a Word 97-2003 .doc in tests/fixtures/doc/.
Also writes corpus/expected/<stem>.content.txt: the minutes text put into the
DOCX/PDF (without page furniture, site chrome or template placeholders).

Usage:  python3 corpus/make.py            # everything
        python3 corpus/make.py --sources  # only sources + content.txt, no LibreOffice

Needs: LibreOffice (soffice) with Danish hyphenation patterns (Debian packages
libreoffice-writer-nogui, hyphen-da). Python standard library only.

The structure of each seed (which line is a heading, a label, a list item, a
table cell) is decided here, per seed, with assertions that the text used is
exactly the seed's text: the documents say nothing the seeds do not say.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "seeds"
SOURCES = HERE / "sources"
EXPECTED = HERE / "expected"
LEGACY = HERE.parent / "tests" / "fixtures" / "doc"

NBSP = "\u00a0"
BULLET = "\u2022"  # •
MIDDOT = "\u00b7"  # · (Word's Symbol bullet as extracted in seed 003)


# --------------------------------------------------------------------------
# Block model shared by all writers
#
#   ("h", level, text)                 heading
#   ("title", text) / ("subtitle", text)
#   ("p", text, style)                 style: "body" | "label" | "indent"
#                                      text may hold "\n" (line break) and
#                                      "**...**" once at its start (bold lead)
#   ("ul", items)                      items: [{"text", "paras", "children", "marker"}]
#   ("table", rows, widths)            rows: [[cell]], cell: [run], run: str | ("ph", prompt) | ("bm", name)
#   ("blank",)                         an empty CMS paragraph (HTML only)
# --------------------------------------------------------------------------


def seed_text(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def clean(line: str) -> str:
    """A seed line without its surrounding spaces and no-break spaces."""
    return line.strip(" \t" + NBSP)


def is_blankish(line: str) -> bool:
    return clean(line) == ""


def is_nbsp_only(line: str) -> bool:
    return line.strip(" \t") != "" and clean(line) == ""


def bullet_of(line: str):
    """(indent, marker, text) if the line is a bullet item, else None."""
    m = re.match(r"^([ \t" + NBSP + r"]*)([" + BULLET + MIDDOT + r"]|-)\s+(.*)$", line)
    if not m:
        return None
    return len(m.group(1).replace("\t", "    ")), m.group(2), clean(m.group(3))


def nest_bullets(entries):
    """entries: [(indent, marker, text)] -> nested items by indentation."""
    indents = sorted({e[0] for e in entries})
    root: list = []
    stack: list = [(-1, root)]
    for indent, marker, text in entries:
        level = indents.index(indent)
        while stack and stack[-1][0] >= level:
            stack.pop()
        parent_list = stack[-1][1]
        item = {"text": text, "paras": [], "children": [], "marker": marker}
        parent_list.append(item)
        stack.append((level, item["children"]))
    return root


def rich_blocks(lines, bold_leads=()):
    """CMS rich text from seed lines: groups split by blank lines.

    Bullet lines make lists (a list survives blank lines between its nested
    items); other lines of a group form one paragraph with line breaks; a
    no-break-space-only line is an empty CMS paragraph.
    """
    blocks = []
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if is_nbsp_only(line):
            blocks.append(("blank",))
            i += 1
            continue
        if is_blankish(line):
            i += 1
            continue
        if bullet_of(line):
            entries = []
            while i < n:
                b = bullet_of(lines[i])
                if b:
                    entries.append(b)
                    i += 1
                    continue
                # a blank line inside a nested list does not end it
                j = i
                while j < n and lines[j].strip(" \t") == "":
                    j += 1
                nested = entries and (
                    j < n
                    and bullet_of(lines[j])
                    and (bullet_of(lines[j])[0] > entries[0][0] or entries[-1][0] > entries[0][0])
                )
                if j > i and nested:
                    i = j
                    continue
                break
            blocks.append(("ul", nest_bullets(entries)))
            continue
        group = []
        while i < n and not is_blankish(lines[i]) and not bullet_of(lines[i]):
            group.append(clean(lines[i]))
            i += 1
        text = "\n".join(group)
        if any(group[0].startswith(b) for b in bold_leads):
            text = "**" + group[0] + "**" + ("\n" + "\n".join(group[1:]) if len(group) > 1 else "")
        blocks.append(("p", text, "body"))
    return blocks


# --------------------------------------------------------------------------
# Plain text of the blocks (expected/<stem>.content.txt)
# --------------------------------------------------------------------------


def plain(text: str) -> str:
    return text.replace("**", "")


def content_text(blocks) -> str:
    out = []

    def items_text(items):
        for it in items:
            out_lines.append(it["text"])
            out_lines.extend(plain(p) for p in it["paras"])
            items_text(it["children"])

    for b in blocks:
        kind = b[0]
        if kind == "blank":
            continue
        if kind == "h":
            out.append(b[2])
        elif kind in ("title", "subtitle"):
            out.append(b[1])
        elif kind == "p":
            out.append(plain(b[1]))
        elif kind == "ul":
            out_lines: list = []
            items_text(b[1])
            out.append("\n".join(out_lines))
        elif kind == "table":
            rows = []
            for row in b[1]:
                cells = ["".join(r for r in cell if isinstance(r, str)).strip() for cell in row]
                rows.append("\t".join(cells).rstrip("\t"))
            out.append("\n".join(r for r in rows if r.strip()))
    return "\n\n".join(out) + "\n"


# --------------------------------------------------------------------------
# Flat ODF writer (LibreOffice converts these to DOCX, PDF and HTML)
# --------------------------------------------------------------------------

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta>
 <meta:generator>referat corpus/make.py</meta:generator>
{title} <dc:language>da-DK</dc:language>
</office:meta>
<office:font-face-decls>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
 <style:font-face style:name="OpenSymbol" svg:font-family="OpenSymbol" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="{font_size}" fo:language="da" fo:country="DK"
   fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>
 </style:default-style>
 <style:default-style style:family="table-cell"/>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="{para_gap}" fo:line-height="115%"/>
  <style:text-properties fo:hyphenate="true" fo:language="da" fo:country="DK"/>
 </style:style>
 <style:style style:name="Label" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
  <style:paragraph-properties fo:margin-bottom="0.1cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Indented" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
  <style:paragraph-properties fo:margin-left="0.6cm"/>
 </style:style>
 <style:style style:name="List_20_Paragraph" style:display-name="List Paragraph" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list">
  <style:paragraph-properties fo:margin-bottom="0.1cm"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
  <style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text">
  <style:text-properties fo:font-size="150%"/>
 </style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text">
  <style:text-properties fo:font-size="125%"/>
 </style:style>
 <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="3" style:class="text">
  <style:text-properties fo:font-size="110%"/>
 </style:style>
 <style:style style:name="Heading_20_4" style:display-name="Heading 4" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="4" style:class="text">
  <style:text-properties fo:font-size="100%" fo:font-style="italic"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.4cm"/>
  <style:text-properties fo:font-size="200%"/>
 </style:style>
 <style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter">
  <style:text-properties fo:font-size="125%" fo:font-weight="normal"/>
 </style:style>
 <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:margin-top="0.05cm" fo:margin-bottom="0.05cm"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:text-align="end"/>
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <text:list-style style:name="Bullets">
  <text:list-level-style-bullet text:level="1" text:bullet-char="{b1}">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.63cm" fo:text-indent="-0.63cm" fo:margin-left="0.63cm"/>
   </style:list-level-properties>
   <style:text-properties style:font-name="OpenSymbol"/>
  </text:list-level-style-bullet>
  <text:list-level-style-bullet text:level="2" text:bullet-char="{b2}">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.27cm" fo:text-indent="-0.63cm" fo:margin-left="1.27cm"/>
   </style:list-level-properties>
   <style:text-properties style:font-name="OpenSymbol"/>
  </text:list-level-style-bullet>
  <text:list-level-style-bullet text:level="3" text:bullet-char="{b3}">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.9cm" fo:text-indent="-0.63cm" fo:margin-left="1.9cm"/>
   </style:list-level-properties>
   <style:text-properties style:font-name="OpenSymbol"/>
  </text:list-level-style-bullet>
 </text:list-style>
 <text:list-style style:name="Dashes">
  <text:list-level-style-bullet text:level="1" text:bullet-char="-">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.63cm" fo:text-indent="-0.63cm" fo:margin-left="0.63cm"/>
   </style:list-level-properties>
  </text:list-level-style-bullet>
 </text:list-style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="{page_w}" fo:page-height="{page_h}" style:print-orientation="portrait"
   fo:margin-top="{margin_tb}" fo:margin-bottom="{margin_tb}" fo:margin-left="{margin_lr}" fo:margin-right="{margin_lr}"/>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Tbl" style:family="table">
  <style:table-properties style:width="{text_w}" table:align="left" fo:margin-bottom="0.4cm"/>
 </style:style>
{column_styles}
 <style:style style:name="Tbl.cell" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.05cm" fo:border="none"/>
 </style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">{furniture}</style:master-page>
</office:master-styles>
<office:body>
<office:text>
"""

FODT_TAIL = """</office:text>
</office:body>
</office:document>
"""

FURNITURE = (
    '<style:header><text:p text:style-name="Header">{header}</text:p></style:header>'
    '<style:footer><text:p text:style-name="Footer">Side <text:page-number text:select-page="current">1</text:page-number>'
    ' af <text:page-count>1</text:page-count></text:p></style:footer>'
)


def odf_inline(text: str) -> str:
    """Text to ODF paragraph content: spaces, tabs, line breaks, bold lead."""
    out = []
    bold = None
    if text.startswith("**"):
        end = text.find("**", 2)
        if end > 0:
            bold = text[2:end]
            text = text[end + 2 :]
    if bold is not None:
        out.append('<text:span text:style-name="Strong_20_Emphasis">' + odf_chars(bold) + "</text:span>")
    out.append(odf_chars(text))
    return "".join(out)


def odf_chars(text: str) -> str:
    parts = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<text:line-break/>")
        esc = html.escape(line, quote=False).replace("\t", "<text:tab/>")
        # runs of 2+ spaces must be <text:s/> in ODF, or they collapse
        esc = re.sub(r"  +", lambda m: " " + f'<text:s text:c="{len(m.group(0)) - 1}"/>', esc)
        parts.append(esc)
    return "".join(parts)


def odf_list(items, depth=0) -> str:
    style = "Dashes" if items and items[0]["marker"] == "-" else "Bullets"
    out = [f'<text:list text:style-name="{style}">' if depth == 0 else "<text:list>"]
    for it in items:
        out.append("<text:list-item>")
        out.append(f'<text:p text:style-name="List_20_Paragraph">{odf_inline(it["text"])}</text:p>')
        for p in it["paras"]:
            out.append(f'<text:p text:style-name="List_20_Paragraph">{odf_inline(p)}</text:p>')
        if it["children"]:
            out.append(odf_list(it["children"], depth + 1))
        out.append("</text:list-item>")
    out.append("</text:list>")
    return "".join(out)


def odf_cell(runs) -> str:
    out = []
    for r in runs:
        if isinstance(r, str):
            out.append(odf_chars(r))
        elif r[0] == "ph":
            # an unfilled template field, as Word templates leave them
            out.append(
                '<text:placeholder text:placeholder-type="text" '
                f'text:description="{html.escape(r[1])}">{html.escape(r[1])}</text:placeholder>'
            )
        elif r[0] == "bm":
            out.append(f'<text:bookmark text:name="{r[1]}"/>')
    return "".join(out)


def fodt(blocks, *, title, header, layout, furniture=True) -> str:
    widths = None
    body = []
    tcount = 0
    for b in blocks:
        kind = b[0]
        if kind == "blank":
            continue
        if kind == "h":
            lvl = b[1]
            body.append(
                f'<text:h text:style-name="Heading_20_{lvl}" text:outline-level="{lvl}">{odf_inline(b[2])}</text:h>'
            )
        elif kind == "title":
            body.append(f'<text:p text:style-name="Title">{odf_inline(b[1])}</text:p>')
        elif kind == "subtitle":
            body.append(f'<text:p text:style-name="Subtitle">{odf_inline(b[1])}</text:p>')
        elif kind == "p":
            style = {"body": "Text_20_body", "label": "Label", "indent": "Indented"}[b[2]]
            body.append(f'<text:p text:style-name="{style}">{odf_inline(b[1])}</text:p>')
        elif kind == "ul":
            body.append(odf_list(b[1]))
        elif kind == "table":
            tcount += 1
            rows, widths = b[1], b[2]
            t = [f'<table:table table:name="Tabel{tcount}" table:style-name="Tbl">']
            for ci in range(len(widths)):
                t.append(f'<table:table-column table:style-name="Tbl.{chr(65 + ci)}"/>')
            for row in rows:
                t.append("<table:table-row>")
                for cell in row:
                    t.append(
                        '<table:table-cell table:style-name="Tbl.cell" office:value-type="string">'
                        f'<text:p text:style-name="Table_20_Contents">{odf_cell(cell)}</text:p></table:table-cell>'
                    )
                t.append("</table:table-row>")
            t.append("</table:table>")
            body.append("".join(t))
    col_styles = ""
    if widths:
        col_styles = "\n".join(
            f' <style:style style:name="Tbl.{chr(65 + i)}" style:family="table-column">'
            f'<style:table-column-properties style:rel-column-width="{w}*"/></style:style>'
            for i, w in enumerate(widths)
        )
    head = FODT_HEAD.format(
        title=f" <dc:title>{html.escape(title)}</dc:title>\n" if title else "",
        column_styles=col_styles,
        furniture=FURNITURE.format(header=html.escape(header)) if furniture else "",
        b1=BULLET,
        b2="\u2013",
        b3="\u25aa",
        **layout,
    )
    return head + "\n".join(body) + "\n" + FODT_TAIL


A4_WORD = dict(
    page_w="21cm", page_h="29.7cm", margin_tb="2cm", margin_lr="2.5cm", text_w="16cm", font_size="11pt", para_gap="0.21cm"
)
# 004: a larger type on a narrower measure, so the minutes run to six pages
# and Danish hyphenation has many line ends to work on, as in the original.
A4_004 = dict(
    page_w="21cm", page_h="29.7cm", margin_tb="2cm", margin_lr="2.75cm", text_w="15.5cm", font_size="11pt", para_gap="0.25cm"
)


# --------------------------------------------------------------------------
# HTML writers
# --------------------------------------------------------------------------


def h(text: str) -> str:
    return html.escape(text, quote=False)


def html_inline(text: str) -> str:
    bold = None
    if text.startswith("**"):
        end = text.find("**", 2)
        if end > 0:
            bold, text = text[2:end], text[end + 2 :]
    parts = [h(x) for x in text.split("\n")]
    s = "<br>\n".join(parts)
    if bold is not None:
        s = f"<strong>{h(bold)}</strong>" + s
    return s


def html_list(items, indent) -> str:
    pad = " " * indent
    out = [f"{pad}<ul>"]
    for it in items:
        inner = html_inline(it["text"])
        for p in it["paras"]:
            inner += f"<br>\n{html_inline(p)}"
        if it["children"]:
            out.append(f"{pad}  <li>{inner}\n{html_list(it['children'], indent + 4)}\n{pad}  </li>")
        else:
            out.append(f"{pad}  <li>{inner}</li>")
    out.append(f"{pad}</ul>")
    return "\n".join(out)


def html_blocks(blocks, indent) -> str:
    pad = " " * indent
    out = []
    for b in blocks:
        kind = b[0]
        if kind == "blank":
            out.append(f"{pad}<p>&nbsp;</p>")
        elif kind == "h":
            out.append(f"{pad}<h{b[1]}>{html_inline(b[2])}</h{b[1]}>")
        elif kind == "p":
            text = b[1]
            if b[2] == "strong":
                out.append(f"{pad}<p><strong>{h(text)}</strong></p>")
            else:
                out.append(f"{pad}<p>{html_inline(text)}</p>")
        elif kind == "ul":
            out.append(html_list(b[1], indent))
    return "\n".join(out)


def html_page(*, title, asset_root, body_class, header, breadcrumb, main, footer) -> str:
    return f"""<!DOCTYPE html>
<html lang="da" dir="ltr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>{h(title)}</title>
  <link rel="stylesheet" href="/{asset_root}/css/styles.min.css">
</head>
<body class="{body_class}">
  <a href="#main-content" class="skip-link visually-hidden-focusable">Skip til hoved indholdet</a>
{header}
{breadcrumb}
{main}
{footer}
  <script src="/{asset_root}/js/main.min.js" defer></script>
</body>
</html>
"""


def slug(text: str) -> str:
    """A CMS-style URL segment: "Byråd og udvalg" -> "byraad-og-udvalg"."""
    t = text.lower().replace("å", "aa").replace("æ", "ae").replace("ø", "oe")
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def breadcrumb_html(crumbs, line: str) -> str:
    assert " ".join(crumbs) == clean(line), (crumbs, line)
    items = []
    for i, c in enumerate(crumbs):
        if i == len(crumbs) - 1:
            items.append(f'      <li class="breadcrumb__item breadcrumb__item--active" aria-current="page"><span>{h(c)}</span></li>')
        else:
            href = "/" + "/".join(slug(x) for x in crumbs[1 : i + 1])
            items.append(f'      <li class="breadcrumb__item"><a href="{href}">{h(c)}</a></li>')
    return (
        '  <nav class="breadcrumb" aria-label="Brødkrumme">\n    <ol class="breadcrumb__list">\n'
        + "\n".join(items)
        + "\n    </ol>\n  </nav>"
    )


# --------------------------------------------------------------------------
# Seed 000: Aalborg, Udsatterådet 27. maj 2024 (a municipal web page)
# --------------------------------------------------------------------------


def index_of(lines, text, start=0):
    for i in range(start, len(lines)):
        if clean(lines[i]) == text:
            return i
    raise ValueError(f"seed line not found: {text!r}")


def build_000(seed):
    lines = seed.split("\n")
    assert clean(lines[0]) == "Skip til hoved indholdet"
    crumbs = ["Hjem", "Råd", "Dagsorden eller referat - Udsatterådet"]
    page_title = "27. maj 2024 - referat fra Udsatterådet"
    i_title = index_of(lines, page_title)
    lead = clean(lines[i_title + 2])
    card = clean(lines[i_title + 4])
    assert card.startswith(page_title + " "), card
    card_desc = card[len(page_title) + 1 :]
    agenda_title = clean(lines[i_title + 6])
    assert agenda_title == "Udsatterådet 27. maj 2024"
    i_footer = index_of(lines, "Kontakt")
    body = lines[i_title + 7 : i_footer]

    # items: each "Åben" opens one agenda item whose title the page lost
    bold_leads = (
        "Opfølgning på fællesmøde",
        "Talspersons deltagelse",
        "Brug af fotos:",
        "Mails og dagsordener til",
        "Fællesmøde med Lederforum:",
    )
    items = []
    cur = None
    sec = None
    for line in body:
        c = clean(line)
        if c == "Åben":
            cur = {"sections": []}
            items.append(cur)
            sec = None
            continue
        if c in ("Indstilling", "Beslutning") and cur is not None:
            sec = {"kind": c, "lines": []}
            cur["sections"].append(sec)
            continue
        if sec is None:
            assert is_blankish(line), f"text outside a section: {line!r}"
            continue
        sec["lines"].append(line)
    for it in items:
        for s in it["sections"]:
            s["blocks"] = rich_blocks(s["lines"], bold_leads)

    # DOCX/PDF: the minutes themselves, without the page around them
    blocks = [("h", 1, page_title), ("subtitle", agenda_title)]
    for it in items:
        blocks.append(("h", 2, "Åben"))
        for s in it["sections"]:
            blocks.append(("h", 3, s["kind"]))
            blocks.extend(b for b in s["blocks"] if b[0] != "blank")

    # the web page
    acc = []
    for n, it in enumerate(items, 1):
        secs = []
        for s in it["sections"]:
            kind = s["kind"].lower()
            secs.append(
                f'            <div class="agenda-item__section agenda-item__section--{kind}">\n'
                f'              <h4 class="agenda-item__section-title">{h(s["kind"])}</h4>\n'
                f'              <div class="rich-text">\n{html_blocks(s["blocks"], 16)}\n              </div>\n'
                "            </div>"
            )
        acc.append(
            f'        <div class="accordion__item agenda-item" id="punkt-{n}">\n'
            f'          <h3 class="accordion__heading">\n'
            f'            <button class="accordion__button collapsed" type="button" data-bs-toggle="collapse" '
            f'data-bs-target="#punkt-{n}-indhold" aria-expanded="false" aria-controls="punkt-{n}-indhold">\n'
            f'              <span class="agenda-item__status agenda-item__status--open">Åben</span>\n'
            "            </button>\n"
            "          </h3>\n"
            f'          <div id="punkt-{n}-indhold" class="accordion__collapse collapse" aria-labelledby="punkt-{n}">\n'
            + "\n".join(secs)
            + "\n          </div>\n        </div>"
        )
    main = f"""  <main id="main-content" class="main-content" role="main">
    <article class="node node--type-meeting-agenda node--view-mode-full">
      <h1 class="page-title">{h(page_title)}</h1>
      <div class="field field--name-field-teaser field--type-text-long">
        <p class="lead">{h(lead)}</p>
      </div>
      <ul class="document-list">
        <li class="document-list__item">
          <a class="document-list__link" href="#dagsorden-2024-05-27"><span class="document-list__title">{h(page_title)}</span> <span class="document-list__description">{h(card_desc)}</span></a>
        </li>
      </ul>
      <section class="agenda" id="dagsorden-2024-05-27">
        <h2 class="agenda__title">{h(agenda_title)}</h2>
        <div class="accordion agenda__items" id="dagsorden-punkter">
{chr(10).join(acc)}
        </div>
      </section>
    </article>
  </main>"""

    f = [clean(x) for x in lines[i_footer:] if not is_blankish(x)]
    expect_footer = [
        "Kontakt", "Center for Sociale Indsatser", "Hjulmagervej 22 9000 Aalborg", "Ring til os", "99 31 77 55",
        "Skriv til os", "Åbningstider", "Aalborg Kommune", "Boulevarden 13", "DK-9000 Aalborg",
        "CVR-nummer: 29189420", "Genveje",
    ]
    assert f == expect_footer, f
    footer = f"""  <footer class="site-footer" role="contentinfo">
    <div class="site-footer__inner container">
      <div class="site-footer__contact">
        <h2 class="site-footer__heading">{h(f[0])}</h2>
        <p class="site-footer__unit">{h(f[1])}</p>
        <address class="site-footer__address">{h(f[2])}</address>
        <ul class="contact-links">
          <li class="contact-links__item contact-links__item--phone"><span class="contact-links__label">{h(f[3])}</span>
            <a href="tel:+4599317755">{h(f[4])}</a></li>
          <li class="contact-links__item contact-links__item--mail"><a href="/kontakt/skriv-til-os?enhed=center-for-sociale-indsatser">{h(f[5])}</a></li>
          <li class="contact-links__item contact-links__item--hours"><a href="/kontakt/center-for-sociale-indsatser#aabningstider">{h(f[6])}</a></li>
        </ul>
      </div>
      <div class="site-footer__municipality">
        <p class="site-footer__name">{h(f[7])}</p>
        <address class="site-footer__address">{h(f[8])}<br>
          {h(f[9])}</address>
        <p class="site-footer__cvr">{h(f[10])}</p>
      </div>
      <nav class="site-footer__shortcuts" aria-labelledby="footer-genveje">
        <h2 class="site-footer__heading" id="footer-genveje">{h(f[11])}</h2>
        <ul class="menu menu--footer"></ul>
      </nav>
    </div>
  </footer>"""
    header = """  <header class="site-header" role="banner">
    <div class="site-header__inner container">
      <a class="site-header__logo" href="/" rel="home" aria-label="Forside"><img src="/themes/custom/aalborg/logo.svg" alt="" width="168" height="40"></a>
      <form class="site-header__search" action="/soeg" method="get" role="search">
        <input type="search" name="q" aria-label="Søg" autocomplete="off">
        <button type="submit" class="btn btn--icon" aria-label="Søg"><svg class="icon" aria-hidden="true"><use href="#icon-search"></use></svg></button>
      </form>
      <button class="site-header__menu-toggle btn btn--icon" type="button" aria-expanded="false" aria-controls="main-menu" aria-label="Menu"><svg class="icon" aria-hidden="true"><use href="#icon-menu"></use></svg></button>
      <nav id="main-menu" class="main-menu" aria-label="Hovedmenu" hidden></nav>
    </div>
  </header>"""
    page = html_page(
        title="Dagsorden eller referat - Udsatterådet",
        asset_root="themes/custom/aalborg",
        body_class="path-node page-node-type-meeting-agenda",
        header=header,
        breadcrumb=breadcrumb_html(crumbs, lines[1]),
        main=main,
        footer=footer,
    )
    return blocks, page, page_title


# --------------------------------------------------------------------------
# Seed 001: Gladsaxe, Udsatterådet 21. november 2023 (a municipal web page)
# --------------------------------------------------------------------------


def build_001(seed):
    lines = seed.split("\n")
    assert clean(lines[0]) == "Skip til hoved indholdet"
    crumbs = ["Hjem", "Politik", "Byråd og udvalg", "Andre udvalg, råd og nævn", "Referat fra møde i Udsatterådet 21. november 2023"]
    page_title = "Referat fra møde i Udsatterådet 21. november 2023"
    i_title = index_of(lines, page_title)
    i_place = index_of(lines, "Mødested", i_title)
    place = clean(lines[i_place + 2])
    i_att = index_of(lines, "Deltagere", i_place)
    i_abs = index_of(lines, "Afbud fra", i_att)
    attendees = [bullet_of(x)[2] for x in lines[i_att + 1 : i_abs] if bullet_of(x)]
    i_text = i_abs + 1
    while is_blankish(lines[i_text]) or bullet_of(lines[i_text]):
        i_text += 1
    absent = [bullet_of(x)[2] for x in lines[i_abs + 1 : i_text] if bullet_of(x)]
    i_footer = index_of(lines, "Gladsaxe Kommune", i_text)
    topics = [
        "Opfølgning på dialogmøde med Psykiatri- og Handicapudvalget 01.11.2023",
        "Opfølgning på fleksibel støtte",
        "Opfølgning på sammenhængende borgerforløb",
    ]
    questions = [
        "Hvordan oplever I at møderne fungerer?",
        "Får vi drøftet de relevante emner på møderne?",
        "Mødes vi de rigtige steder og det rigtige tidspunkt?",
    ]
    rich = rich_blocks(lines[i_text:i_footer])
    content = []
    for b in rich:
        if b[0] == "p" and b[1] in topics:
            content.append(("h", 2, b[1]))
        elif b[0] == "p" and b[1] in questions:
            content.append(("p", b[1], "strong"))
        else:
            content.append(b)
    assert sum(1 for b in content if b[0] == "h") == len(topics)
    assert sum(1 for b in content if b[0] == "p" and b[2] == "strong") == len(questions)

    def as_items(names):
        return [{"text": n, "paras": [], "children": [], "marker": BULLET} for n in names]

    blocks = [
        ("h", 1, page_title),
        ("p", "Mødested", "label"),
        ("p", place, "body"),
        ("p", "Deltagere", "label"),
        ("ul", as_items(attendees)),
        ("p", "Afbud fra", "label"),
        ("ul", as_items(absent)),
    ]
    for b in content:
        if b[0] == "blank":
            continue
        if b[0] == "p" and b[2] == "strong":
            blocks.append(("p", b[1], "label"))
        else:
            blocks.append(b)

    def li(names, pad):
        return "\n".join(f"{pad}<li>{h(n)}</li>" for n in names)

    main = f"""  <main id="main-content" class="main" role="main">
    <div class="container">
      <article class="content-page content-page--meeting">
        <h1 class="content-page__title">{h(page_title)}</h1>
        <dl class="meeting-facts">
          <dt class="meeting-facts__label">Mødested</dt>
          <dd class="meeting-facts__value">{h(place)}</dd>
          <dt class="meeting-facts__label">Deltagere</dt>
          <dd class="meeting-facts__value">
            <ul class="meeting-facts__list">
{li(attendees, " " * 14)}
            </ul>
          </dd>
          <dt class="meeting-facts__label">Afbud fra</dt>
          <dd class="meeting-facts__value">
            <ul class="meeting-facts__list">
{li(absent, " " * 14)}
            </ul>
          </dd>
        </dl>
        <div class="rich-text">
{html_blocks(content, 10)}
        </div>
      </article>
    </div>
  </main>"""
    f = [clean(x) for x in lines[i_footer:] if not is_blankish(x)]
    expect_footer = [
        "Gladsaxe Kommune", "Rådhus Allé 7", "2860 Søborg", "CVR: 62761113", "Telefon: 39 57 50 00",
        "kommunen@gladsaxe.dk", "Borgerservice", "Telefontid", "Mandag-fredag: 9-14", "Personlig henvendelse",
        "Kun med tidsbestilling. Bestil tid på gladsaxe.dk/bestiltid", "Åbningstid", "Mandag-onsdag og fredag 10-14",
        "Torsdag 10-18", "Få teksten læst op Tilgængelighedserklæring Giv os feedback",
    ]
    assert f == expect_footer, f
    booking = f[10].split("gladsaxe.dk/bestiltid")[0]
    footer = f"""  <footer class="footer" role="contentinfo">
    <div class="container footer__columns">
      <section class="footer__column footer__column--contact">
        <address class="footer__address">
          <strong>{h(f[0])}</strong><br>
          {h(f[1])}<br>
          {h(f[2])}
        </address>
        <p>{h(f[3])}</p>
        <p>{h(f[4])}<br>
          <a href="mailto:kommunen@gladsaxe.dk">{h(f[5])}</a></p>
      </section>
      <section class="footer__column footer__column--service">
        <h2 class="footer__heading">{h(f[6])}</h2>
        <h3 class="footer__subheading">{h(f[7])}</h3>
        <p>{h(f[8])}</p>
        <h3 class="footer__subheading">{h(f[9])}</h3>
        <p>{h(booking)}<a href="https://gladsaxe.dk/bestiltid">gladsaxe.dk/bestiltid</a></p>
        <h3 class="footer__subheading">{h(f[11])}</h3>
        <p>{h(f[12])}<br>
          {h(f[13])}</p>
      </section>
    </div>
    <div class="footer__bottom container">
      <button type="button" class="footer__link footer__link--readspeaker rs_skip" data-readspeaker="read">Få teksten læst op</button> <a class="footer__link" href="/tilgaengelighedserklaering">Tilgængelighedserklæring</a> <a class="footer__link" href="/feedback">Giv os feedback</a>
    </div>
  </footer>"""
    assert "Få teksten læst op Tilgængelighedserklæring Giv os feedback" == f[14]
    header = """  <header class="header" role="banner">
    <div class="container header__inner">
      <a class="header__logo" href="/" title="Forside"><img src="/static/img/gladsaxe-logo.svg" alt="" width="150" height="46"></a>
      <button type="button" class="header__search-toggle" aria-label="Søg" aria-controls="header-search" aria-expanded="false"><span class="icon icon--search" aria-hidden="true"></span></button>
      <button type="button" class="header__menu-toggle" aria-label="Menu" aria-controls="header-menu" aria-expanded="false"><span class="icon icon--burger" aria-hidden="true"></span></button>
      <form id="header-search" class="header__search" action="/soeg" role="search" hidden><input type="search" name="q" aria-label="Søg"></form>
      <nav id="header-menu" class="header__menu" aria-label="Hovedmenu" hidden></nav>
    </div>
  </header>"""
    bc = breadcrumb_html(crumbs, lines[1])
    page = html_page(
        title=page_title,
        asset_root="static",
        body_class="page page--content",
        header=header,
        breadcrumb=bc,
        main=main,
        footer=footer,
    )
    return blocks, page, page_title, attendees, absent


# --------------------------------------------------------------------------
# Seed 002: Aalborg, notat 26. februar 2021 (a Word memo)
# --------------------------------------------------------------------------


def build_002(seed):
    lines = [x for x in seed.split("\n")]
    nonblank = [x for x in lines if not is_blankish(x)]
    assert clean(nonblank[0]) == "Notat"
    rows = []
    k = 1
    while "\t" in nonblank[k]:
        rows.append(nonblank[k].split("\t"))
        k += 1
    assert [r[0] for r in rows] == ["Til", "Kopi til", "Fra", "Sagsnr."], rows
    placeholders = {"Indtast Kopi til", "Indtast sagsnr."}
    table = []
    for r in rows:
        cells = [[c] if c not in placeholders else [("ph", c)] for c in r]
        while len(cells) < 3:
            cells.append([""])
        table.append(cells)
    date = clean(nonblank[k])
    title = clean(nonblank[k + 1])
    blocks = [("title", "Notat"), ("table", table, [18, 37, 45]), ("p", date, "body"), ("h", 1, title)]
    rest = nonblank[k + 2 :]
    i = 0
    while i < len(rest):
        if rest[i].startswith("- "):
            items = []
            while i < len(rest) and rest[i].startswith("- "):
                items.append({"text": clean(rest[i][2:]), "paras": [], "children": [], "marker": "-"})
                i += 1
            blocks.append(("ul", items))
            continue
        blocks.append(("p", clean(rest[i]), "body"))
        i += 1
    return blocks, title


# --------------------------------------------------------------------------
# Seed 003: Albertslund, Udsatterådet 1. april 2019 (a Word document)
# --------------------------------------------------------------------------


def build_003(seed):
    lines = seed.split("\n")
    # header table: "Label:" lines, values on tab-indented lines
    i_body = index_of(lines, "Velkommen til Lisbeth Andersen.")
    head = lines[:i_body]
    # rows are pairs of lines (label, value) separated by empty lines
    rows = []
    pair: list = []
    for line in head + [""]:
        if line == "":
            if len(pair) == 2:
                rows.append([clean(pair[0].replace("[bookmark: _GoBack]", "")), clean(pair[1])])
            else:
                assert not pair, pair
            pair = []
            continue
        pair.append(line)
    assert [r[0] for r in rows] == ["Forum:", "Tid:", "Sted:", "Deltagere:", "Afbud:", "", "Referent:"], rows
    table = []
    for n, (label, value) in enumerate(rows):
        first = [("bm", "_GoBack"), label] if n == 0 else [label]
        table.append([first, [value]])
    blocks = [("table", table, [22, 78])]

    body = lines[i_body:]
    labels = {"Sagsfremstilling:", "Beslutning:", "Orientering:"}
    group_headings = {"Beslutningspunkter"}
    i = 0
    n = len(body)

    def blanks_before(j):
        c = 0
        j -= 1
        while j >= 0 and body[j].strip() == "":
            c += 1
            j -= 1
        return c

    while i < n:
        line = body[i]
        c = clean(line)
        if c == "":
            i += 1
            continue
        if c in group_headings:
            blocks.append(("h", 1, c))
            i += 1
            continue
        nxt_blank = i + 1 < n and body[i + 1].strip() == ""
        if (
            blanks_before(i) >= 2
            and nxt_blank
            and not c.endswith((".", ":", "?", ";"))
            and len(c) < 80
            and i > 0
        ):
            blocks.append(("h", 2, c))
            i += 1
            continue
        if c in labels:
            blocks.append(("p", c, "label"))
            i += 1
            continue
        if line.startswith(MIDDOT):
            items = []
            while i < n and body[i].strip() != "":
                cur = body[i]
                if cur.startswith(MIDDOT):
                    items.append({"text": clean(cur[1:]), "paras": [], "children": [], "marker": MIDDOT})
                elif cur.startswith("- "):
                    items[-1]["children"].append({"text": clean(cur[2:]), "paras": [], "children": [], "marker": "-"})
                else:
                    items[-1]["paras"].append(clean(cur))
                i += 1
            blocks.append(("ul", items))
            continue
        blocks.append(("p", c, "body"))
        i += 1
    return blocks


# --------------------------------------------------------------------------
# Seed 004: Albertslund, Udsatterådet 14. oktober 2021 (a PDF from Word)
# --------------------------------------------------------------------------


def dehyphenate_join(a: str, b: str) -> str:
    """Join two wrapped lines; undo a line-break hyphenation ("po-" + "sten")."""
    if re.search(r"\w-$", a) and re.match(r"[a-zæøå]", b):
        return a[:-1] + b
    return a + " " + b


JOINED_WORDS: list = []  # for the report: every line-break hyphenation undone


def reflow(lines):
    """PDF lines -> paragraphs: a line continues the paragraph unless it ends a sentence."""
    paras = []
    cur = None
    for raw in lines:
        c = clean(raw)
        if cur is None:
            cur = c
        else:
            joined = dehyphenate_join(cur, c)
            if joined != cur + " " + c:
                JOINED_WORDS.append(cur.split()[-1] + "|" + c.split()[0])
            cur = joined
        if re.search(r"[.?!:]$", c):
            paras.append(cur)
            cur = None
    if cur is not None:
        paras.append(cur)
    return paras


def build_004(seed):
    lines = seed.split("\n")
    # drop the original's page furniture (running header and page footer)
    furniture = {"Referat", "Side 4 af 6"}
    lines = [x for x in lines if clean(x) not in furniture]

    def field(label):
        for x in lines:
            c = clean(x)
            if c.startswith(label + ":"):
                return clean(c[len(label) + 1 :])
        raise ValueError(label)

    forum, tid, sted, deltagere, referent = (field(x) for x in ("Forum", "Tid", "Sted", "Deltagere", "Referent"))
    # the PDF extraction displaced the Afbud and U/afbud values below both labels
    i_uafbud = next(i for i, x in enumerate(lines) if clean(x) == "U/afbud:")
    displaced = [clean(x) for x in lines[i_uafbud + 1 : i_uafbud + 6] if not is_blankish(x)][:2]
    assert field("Afbud") == "" and displaced == ["Søren Mogensen, Allan Høyer og Ulla Bektas", "Diana Vang og Helge Bo Jensen"]
    rows = [
        ("Forum:", forum), ("Tid:", tid), ("Sted:", sted), ("Deltagere:", deltagere),
        ("Afbud:", displaced[0]), ("U/afbud:", displaced[1]), ("Referent:", referent),
    ]
    blocks = [("table", [[[a], [b]] for a, b in rows], [22, 78])]
    i_body = next(i for i, x in enumerate(lines) if clean(x).startswith("Referent:")) + 1
    body = lines[i_body:]

    group_headings = {"Beslutningspunkter", "Orienteringspunkter", "Arbejdsmøde"}
    labels = {"Beslutning:", "Orientering:", "Orientering fra tovholderne:"}
    item_re = re.compile(r"^(\d{1,2})\.\s+([A-ZÆØÅ].*)$")
    # paragraphs: runs of non-blank lines, split further at headings, labels, bullets
    runs: list = []
    cur: list = []
    for x in body:
        if is_blankish(x):
            if cur:
                runs.append(cur)
                cur = []
            continue
        c = clean(x)
        if item_re.match(c) or c in labels or c in group_headings or c.startswith(BULLET):
            if cur:
                runs.append(cur)
            cur = [x]
            if c in labels or c in group_headings:
                runs.append(cur)
                cur = []
            continue
        cur.append(x)
    if cur:
        runs.append(cur)

    pending_list: list = []

    def flush_list():
        if pending_list:
            blocks.append(("ul", list(pending_list)))
            pending_list.clear()

    for run in runs:
        first = clean(run[0])
        if first in group_headings:
            flush_list()
            blocks.append(("h", 1, first))
            continue
        if first in labels:
            flush_list()
            blocks.append(("p", first, "label"))
            continue
        m = item_re.match(first)
        if m:
            flush_list()
            # an item title may wrap onto a second line (item 8)
            title = first
            rest = run[1:]
            while rest and not re.search(r"[.?!:]$", clean(rest[0])) and len(title) > 60:
                title = dehyphenate_join(title, clean(rest[0]))
                rest = rest[1:]
            num, text = item_re.match(title).groups()
            blocks.append(("h", 2, f"{num}. {text}"))
            for p in reflow(rest):
                blocks.append(("p", p, "body"))
            continue
        if first.startswith(BULLET):
            text_lines = [clean(run[0])[1:]] + [clean(x) for x in run[1:]]
            text = text_lines[0].strip()
            for t in text_lines[1:]:
                joined = dehyphenate_join(text, t)
                if joined != text + " " + t:
                    JOINED_WORDS.append(text.split()[-1] + "|" + t.split()[0])
                text = joined
            pending_list.append({"text": clean(text), "paras": [], "children": [], "marker": BULLET})
            continue
        flush_list()
        for p in reflow(run):
            # a one-line run of a few words without closing punctuation (or a
            # lone question) is a bold sub-heading in the original ("VALG 2021")
            subheading = len(run) == 1 and len(p.split()) <= 10 and not re.search(r"[.,;:]$", p)
            blocks.append(("p", p, "label" if subheading else "body"))
    flush_list()
    return blocks


# --------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------

DOCS = [
    # seed, municipality dir, stem, original format, running header
    ("000_66b9bd45fdbc89d7", "aalborg", "udsatteraadet-2024-05-27", "html", "Referat"),
    ("001_b5ade5adc38b1c9d", "gladsaxe", "udsatteraadet-2023-11-21", "html", "Referat"),
    ("002_c134b964fe974df5", "aalborg", "notat-2021-02-26", "docx", "Notat"),
    ("003_90d4efa46bb9f88c", "albertslund", "udsatteraadet-2019-04-01", "docx", "Referat"),
    ("004_a0da36703ebe2ae9", "albertslund", "udsatteraadet-2021-10-14", "pdf", "Referat"),
]


def build(seed_name: str):
    text = seed_text(seed_name)
    n = seed_name[:3]
    if n == "000":
        blocks, page, title = build_000(text)
        return blocks, page, title
    if n == "001":
        blocks, page, title, _, _ = build_001(text)
        return blocks, page, title
    if n == "002":
        blocks, title = build_002(text)
        return blocks, None, title
    if n == "003":
        # the original has no title: none is invented for the metadata either
        return build_003(text), None, ""
    if n == "004":
        return build_004(text), None, ""
    raise ValueError(seed_name)


def soffice(profile: Path, target: str, src: Path, outdir: Path):
    cmd = [
        "soffice",
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        target,
        "--outdir",
        str(outdir),
        str(src),
    ]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if res.returncode != 0:
        sys.exit(f"soffice failed for {src}: {res.stderr or res.stdout}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", action="store_true", help="write sources and content.txt only (no LibreOffice)")
    args = ap.parse_args()

    SOURCES.mkdir(exist_ok=True)
    EXPECTED.mkdir(exist_ok=True)
    LEGACY.mkdir(parents=True, exist_ok=True)
    jobs = []
    for seed_name, town, stem, original, header in DOCS:
        blocks, page, title = build(seed_name)
        layout = A4_004 if seed_name.startswith("004") else A4_WORD
        src = SOURCES / f"{stem}.fodt"
        src.write_text(fodt(blocks, title=title, header=header, layout=layout), encoding="utf-8")
        (EXPECTED / f"{stem}.content.txt").write_text(content_text(blocks), encoding="utf-8")
        outdir = HERE / town
        outdir.mkdir(exist_ok=True)
        if page is not None:
            # the web page is itself the source of its other renditions' text;
            # written once, where it belongs (a copy under sources/ would be
            # picked up as a sixth document by `referat ingest corpus/`)
            (outdir / f"{stem}.html").write_text(page, encoding="utf-8")
            web = None
        else:
            # a web page has no pages: the HTML export is made without the running header/footer
            web = SOURCES / f"{stem}.web.fodt"
            web.write_text(fodt(blocks, title=title, header=header, layout=layout, furniture=False), encoding="utf-8")
        jobs.append((src, web, outdir, stem))
    if JOINED_WORDS:
        print("004: line-break hyphenations joined:", ", ".join(w.strip(".,;:?)") for w in JOINED_WORDS))
    if args.sources:
        return
    if shutil.which("soffice") is None:
        sys.exit("soffice not found: apt-get install -y libreoffice-writer-nogui hyphen-da")
    with tempfile.TemporaryDirectory(prefix="referat-lo-") as tmp:
        tmp = Path(tmp)
        profile = tmp / "profile"
        for src, web, outdir, stem in jobs:
            work = tmp / stem
            work.mkdir()
            soffice(profile, "docx:MS Word 2007 XML", src, work)
            soffice(profile, "pdf:writer_pdf_Export", src, work)
            shutil.move(str(work / f"{stem}.docx"), outdir / f"{stem}.docx")
            # the legacy Word rendition, made from the DOCX as an archive's
            # .doc would have been: a test fixture, kept out of corpus/ so
            # that `referat ingest corpus/` still sees three renditions
            soffice(profile, "doc:MS Word 97", outdir / f"{stem}.docx", LEGACY)
            shutil.move(str(work / f"{stem}.pdf"), outdir / f"{stem}.pdf")
            if web is not None:
                soffice(profile, "html:HTML (StarWriter)", web, work)
                shutil.move(str(work / f"{stem}.web.html"), outdir / f"{stem}.html")
            print(f"{outdir.name}/{stem}.{{html,docx,pdf}}")


if __name__ == "__main__":
    main()
