"""The ``events`` stage: CAMEO/PLOVER events with provenance, from the parse.

Which lexicons code is a setting: the built-in lexicon, PETRARCH dictionaries named in
``config["dictionaries"]`` as ``petrarch:DIR``, or both (``stages.events.petrarch``:
"replace" or "add"). Lexicons are read once, when the stage is built.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from eventwire.config import Config
from eventwire.events.coder import LexiconMatcher, Matcher, Settings, code_document
from eventwire.events.lexicon import builtin_lexicon, user_lexicon
from eventwire.events.ontology import load_ontology
from eventwire.model import Document
from eventwire.pipeline import register_stage
from eventwire.settings import from_mapping


def _matchers(settings: Settings, config: Config) -> list[Matcher]:
    """The built-in lexicon, user YAML lexicons and PETRARCH verb dictionaries."""
    petrarch: list[Matcher] = []
    lexicon = builtin_lexicon()
    for entry in config.get("dictionaries") or []:
        spec = str(entry)
        if spec.startswith("petrarch:"):
            from eventwire.events.petrarch import PetrarchMatcher, load_petrarch
            from eventwire.events.petrarch_actors import load_actor_book

            folder = spec[len("petrarch:"):]
            book = load_actor_book(folder) if settings.petrarch == "replace" else None
            petrarch.append(PetrarchMatcher(load_petrarch(folder), builtin_lexicon(), book))
        elif spec.endswith((".yaml", ".yml")):
            lexicon = user_lexicon(spec, lexicon) or lexicon
    own: list[Matcher] = [LexiconMatcher(lexicon)]
    if petrarch and settings.petrarch == "replace":
        return petrarch
    return petrarch + own


def _petrarch_only(settings: Settings, config: Config) -> bool:
    """Coding with PETRARCH dictionaries alone follows PETRARCH's require_dyad default."""
    petrarch = any(str(d).startswith("petrarch:") for d in config.get("dictionaries") or [])
    return petrarch and settings.petrarch == "replace"


class EventsStage:
    """Codes the events of each sentence of ``doc.spacy``."""

    name = "events"

    def __init__(self, settings: Settings | Mapping[str, Any], config: Config) -> None:
        settings = from_mapping(Settings, settings, "stages.events")
        self.matchers = _matchers(settings, config)
        if settings.require_actor == "auto":
            both = _petrarch_only(settings, config)
            settings = replace(settings, require_actor="both" if both else "any")
        self.settings = settings
        self.ontology = load_ontology()

    def __call__(self, doc: Document) -> Document:
        if doc.spacy is None:
            return doc
        doc.events = code_document(doc, self.matchers, self.settings, self.ontology)
        return doc


@register_stage("events", requires=["doc.spacy", "doc.actors"], assigns=["doc.events"],
                settings=Settings)
def make(settings: Settings, config: Config) -> EventsStage:
    return EventsStage(settings, config)
