#!/usr/bin/env python3
"""Renders Markdown with a real GFM renderer (cmarkgfm) and checks what GitHub would show.

Usage: check_markdown.py FILE [LITERAL...]
Checks that every table row has as many cells as its header, that every internal link
(#anchor) points at a heading anchor computed as GitHub does (github-slugger), that no raw
HTML element from the text survives (only the comment trackplan writes), and that each LITERAL
appears verbatim in the rendered text. Prints one problem per line; prints "ok" when none.
"""
import html.parser
import sys
import unicodedata

import cmarkgfm
from cmarkgfm.cmark import Options

path = sys.argv[1]
literals = sys.argv[2:]
source = open(path, encoding="utf-8").read()
# UNSAFE keeps raw HTML in the output, so that any HTML that escaped our escaping shows up.
rendered = cmarkgfm.github_flavored_markdown_to_html(source, options=Options.CMARK_OPT_VALIDATE_UTF8 | Options.CMARK_OPT_UNSAFE)


def source_cells(line):
    """Cells of a table line as GFM splits them: at pipes not escaped with a backslash."""
    count, escaped = 0, False
    for c in line.strip():
        if c == "|" and not escaped:
            count += 1
        escaped = c == "\\" and not escaped
    return count - 1


source_problems = []
header = None
in_fence = False
for number, line in enumerate(source.split("\n"), 1):
    if line.startswith("```"):
        in_fence = not in_fence
    if in_fence or not line.startswith("|"):
        header = None
        continue
    cells = source_cells(line)
    if header is None:
        header = cells
    elif cells != header:
        source_problems.append(f"line {number}: a table row has {cells} cells, its header {header}")


def slug(text, seen):
    base = "".join(c for c in text.lower() if c in "-_ " or unicodedata.category(c)[0] in "LNM").replace(" ", "-")
    result = base
    if base in seen:
        n = seen[base]
        while True:
            n += 1
            result = f"{base}-{n}"
            if result not in seen:
                break
        seen[base] = n
        seen[result] = 0
    else:
        seen[base] = 0
    return result


class Checker(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.anchors = set()
        self.links = []
        self.seen = {}
        self.heading = None
        self.text = []
        self.row = None
        self.header_cells = None
        self.in_cell = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading = []
        elif tag == "a" and attrs.get("href", "").startswith("#"):
            self.links.append(attrs["href"][1:])
        elif tag == "table":
            self.header_cells = None
        elif tag == "tr":
            self.row = 0
        elif tag in ("td", "th"):
            self.row += 1
        elif tag in ("script", "style", "iframe", "img", "b", "i", "div", "span"):
            self.problems.append(f"raw HTML element <{tag}> in the rendered document")

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self.heading is not None:
            self.anchors.add(slug("".join(self.heading), self.seen))
            self.heading = None
        elif tag == "tr":
            if self.header_cells is None:
                self.header_cells = self.row
            elif self.row != self.header_cells:
                self.problems.append(f"a table row has {self.row} cells, its header {self.header_cells}")

    def handle_data(self, data):
        if self.heading is not None:
            self.heading.append(data)
        self.text.append(data)


checker = Checker()
checker.problems += source_problems
checker.feed(rendered)
for link in checker.links:
    if link not in checker.anchors:
        checker.problems.append(f"link to #{link}, which is no heading anchor")
text = "".join(checker.text)
for literal in literals:
    if literal not in text:
        checker.problems.append(f"literal text missing from the rendered document: {literal!r}")
for problem in checker.problems:
    print(problem)
if not checker.problems:
    print("ok")
