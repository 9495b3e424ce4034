"""HTML job ads: the visible text only, without scripts, styles, navigation or cookie banners."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from pipeline.readers.text import decode_text

INVISIBLE = ["script", "style", "noscript", "template", "head", "nav", "footer", "svg", "iframe", "form"]
BOILERPLATE = re.compile(r"cookie|consent|gdpr-banner|newsletter", re.I)


def read_html(data: bytes) -> str:
    """Visible text of an HTML page, one block element per line."""
    soup = BeautifulSoup(decode_text(data), "html.parser")
    for tag in soup(INVISIBLE):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        attrs = tag.attrs or {}
        marker = " ".join([str(attrs.get("id", "")), " ".join(attrs.get("class", []) or [])])
        style = str(attrs.get("style", "")).replace(" ", "").lower()
        if ("hidden" in attrs or attrs.get("aria-hidden") == "true" or "display:none" in style
                or BOILERPLATE.search(marker)):
            tag.decompose()
    text = soup.get_text("\n")
    lines = (" ".join(line.split()) for line in text.splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
