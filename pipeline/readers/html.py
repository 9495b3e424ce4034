"""HTML job ads: the visible text only, without scripts, styles, navigation, side bars or cookie banners."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from pipeline.readers.text import decode_text

# Not the ad: page furniture, and <aside> (a job board's "Similar jobs" or "Share" side bar, another job's skills)
INVISIBLE = ["script", "style", "noscript", "template", "head", "nav", "footer", "svg", "iframe", "form", "aside"]
NOT_CONTENT_ROLES = {"navigation", "complementary", "contentinfo"}  # the ARIA roles of nav, aside and footer
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
BLOCKS = ["p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "table",
          "section", "article", "main", "header", "dd", "dt", "dl", "blockquote", "pre", "hr", "title"]
# Page furniture by its id, class or label: cookie banners (cookieconsent's "cc-window"), newsletters, breadcrumbs
# ("Home > Vacatures > Finance > Financieel Controller" is no job title)
BOILERPLATE = re.compile(r"cookie|consent|gdpr-banner|newsletter|breadcrumb|\bcc-(?:window|banner)\b", re.I)
HIDING_CLASSES = {"hidden", "d-none", "is-hidden", "invisible"}  # Bootstrap's, Tailwind's, Bulma's hidden elements
# ... unless shown on wider screens: Tailwind's "hidden md:block", Bootstrap's "d-none d-md-block"
SHOWN_AT_WIDTH = re.compile(r"^(?:(?!print:)\w+:(?:block|flex|inline|inline-block|inline-flex|grid|table|contents|"
                            r"visible)|d-(?!print-)\w+-(?:block|flex|inline|inline-block|inline-flex|grid|table)|"
                            r"is-(?!print)\w*-?(?:block|flex))$")  # not print-only content
LINK_SHARE = 0.5  # a <header> that is mostly links is the site's menu, not the ad's heading
META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([\w.:-]{1,40})", re.I)


# Markup in a text that arrives as a string (a JSONL record's "text", Extractor.extract(str)): a vacancy copied from
# a website's source (see looks_like_html); a CV that writes "<br>" or "<Python>" is not.
MARKUP_TAG = re.compile(r"</?(?:html|body|head|div|p|br|ul|ol|li|h[1-6]|strong|b|em|i|span|table|tr|td|section|article|"
                        r"main|header|footer|nav|a|script|style)\b[^<>]{0,500}>|<!doctype html", re.I)


TAG_NAME = re.compile(r"</?!?(\w*)")
ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|#\d{2,5}|#x[0-9a-f]{2,4});", re.I)


def looks_like_html(text: str) -> bool:
    """Whether a text is HTML markup rather than plain text (see MARKUP_TAG): it opens with a tag and holds a few,
    holds a few of two kinds or more, or tags and an entity ("&nbsp;"); a Markdown CV's "<br>" line breaks alone
    are no page."""
    tags, kinds = 0, set()
    for tags, tag in enumerate(MARKUP_TAG.finditer(text, 0, 200_000), start=1):
        kinds.add(TAG_NAME.match(tag.group()).group(1).lower())  # type: ignore[union-attr]
        if tags >= 4 and len(kinds) >= 2:
            return True
    return (tags >= 3 and text.lstrip("\ufeff \t\r\n")[:1] == "<") \
        or (tags >= 2 and ENTITY.search(text, 0, 200_000) is not None)


def read_html(data: bytes) -> str:
    """Visible text of an HTML page, one block element per line; a `<meta charset>` is honoured when the page
    is not UTF-8."""
    declared = META_CHARSET.search(data[:4096])
    soup = BeautifulSoup(decode_text(data, declared.group(1).decode("ascii") if declared else None), "html.parser")
    for tag in soup(INVISIBLE):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        attrs = tag.attrs or {}
        marker = " ".join([str(attrs.get("id", "")), " ".join(attrs.get("class", []) or [])])
        style = str(attrs.get("style", "")).replace(" ", "").lower()
        classes = set(attrs.get("class", []) or [])
        if ("hidden" in attrs or attrs.get("aria-hidden") == "true" or "display:none" in style
                or "visibility:hidden" in style
                or (classes & HIDING_CLASSES and not any(SHOWN_AT_WIDTH.match(c) for c in classes))
                or attrs.get("role") in NOT_CONTENT_ROLES or BOILERPLATE.search(marker)):
            tag.decompose()
    for tag in soup.find_all("header"):  # a site's menu; not one holding the ad's own heading (a linked title)
        words = len(tag.get_text(" ").split())
        if words and not tag.find(HEADINGS) \
                and sum(len(a.get_text(" ").split()) for a in tag.find_all("a")) > LINK_SHARE * words:
            tag.decompose()
    for tag in soup.find_all("br"):  # a line break within a block: one line each, no blank line between
        tag.replace_with("\n")
    for tag in soup.find_all("li"):  # a list item stays one, as in Markdown: "Good Excel skills" is no heading
        first = tag
        while True:
            while first.contents and isinstance(first.contents[0], str) and not first.contents[0].strip():
                first.contents[0].extract()  # "<li>\n  <b>Docker</b>": the mark stays on the item's line
            child = first.contents[0] if first.contents else None
            if not (isinstance(child, Tag) and child.name in BLOCKS):
                break
            first = child  # "<li><p>…</p></li>": the mark goes on the paragraph's line
        first.insert(0, "- ")
    for tag in soup.find_all(BLOCKS):  # one block per line; inline tags (b, a, span) stay in their line
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = soup.get_text()
    lines = (" ".join(line.split()) for line in text.splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
