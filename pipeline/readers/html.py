"""HTML job ads: the visible text only, without scripts, styles, navigation, side bars or cookie banners."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from pipeline.readers.text import decode_text

# Not the ad: page furniture, and <aside> (a job board's "Similar jobs" or "Share" side bar, another job's skills)
INVISIBLE = ["script", "style", "noscript", "template", "head", "nav", "footer", "svg", "iframe", "form", "aside"]
NOT_CONTENT_ROLES = {"navigation", "complementary", "contentinfo"}  # the ARIA roles of nav, aside and footer
BLOCKS = ["p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "table",
          "section", "article", "main", "header", "dd", "dt", "dl", "blockquote", "pre", "hr", "title"]
BOILERPLATE = re.compile(r"cookie|consent|gdpr-banner|newsletter", re.I)
META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([\w.:-]{1,40})", re.I)


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
        if ("hidden" in attrs or attrs.get("aria-hidden") == "true" or "display:none" in style
                or attrs.get("role") in NOT_CONTENT_ROLES or BOILERPLATE.search(marker)):
            tag.decompose()
    for tag in soup.find_all(BLOCKS):  # one block per line; inline tags (b, a, span) stay in their line
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = soup.get_text()
    lines = (" ".join(line.split()) for line in text.splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
