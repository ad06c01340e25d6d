"""An Atom feed with one entry per edition: the statuses written in it.

Built with ElementTree, so every text from the data is escaped as XML.
Links are relative to the feed unless the site's address is known, which
Atom allows (RFC 4287 §2, xml:base).
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable

from generator import words
from generator.data.model import Dataset
from generator.site.edition_changes import EditionChanges
from generator.site.escape import html, paragraphs
from generator.site.selections import state_label
from generator.words import Words

ATOM = "http://www.w3.org/2005/Atom"


def _timestamp(day: dt.date) -> str:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC).isoformat()


def _entry_html(w: Words, changes: EditionChanges, point_link: Callable[[str], str]) -> str:
    items = []
    for change in changes.updates:
        point, after, before = change.point, change.after, change.before
        moved = ""
        if before is None:
            moved = w("feed.new")
        elif before.state != after.state:
            moved = w("feed.before", state=html(state_label(w, before.state)))
        items.append(
            f'<li><a href="{html(point_link(point.id))}">{point.number}. {html(point.title)}</a>: '
            f"<strong>{html(state_label(w, after.state))}</strong>{moved}{paragraphs(after.text)}</li>"
        )
    return f"<ul>{''.join(items)}</ul>" if items else f"<p>{html(w('feed.none'))}</p>"


def atom(
    data: Dataset,
    history: tuple[EditionChanges, ...],
    base_url: str,
    changes_link: Callable[[str], str],
    point_link: Callable[[str], str],
) -> bytes:
    """The feed document; ``history`` newest first, as ``changes.edition_changes`` gives it."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    if base_url:
        feed.set("{http://www.w3.org/XML/1998/namespace}base", base_url)
    w = words.of(data.council.language)
    ET.SubElement(feed, f"{{{ATOM}}}title").text = w("feed.title", council=data.council.name)
    # Named after the council, not the address: each edition's feed and the
    # one at the site's root are the same feed to a reader, whose entries
    # keep their ids when the feed moves or the site gets an address.
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, data.council.name)
    ET.SubElement(feed, f"{{{ATOM}}}id").text = namespace.urn
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _timestamp(data.latest_edition.date)
    ET.SubElement(
        ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name"
    ).text = data.council.name
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=changes_link(""))
    for changes in history:
        edition = changes.edition
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = edition.title
        ET.SubElement(entry, f"{{{ATOM}}}id").text = uuid.uuid5(namespace, edition.id).urn
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _timestamp(edition.date)
        ET.SubElement(
            entry,
            f"{{{ATOM}}}link",
            rel="alternate",
            type="text/html",
            href=changes_link(edition.id),
        )
        content = ET.SubElement(entry, f"{{{ATOM}}}content", type="html")
        content.text = _entry_html(w, changes, point_link)
    ET.indent(feed)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document + b"\n"
