"""The ``events`` stage: CAMEO/PLOVER events with provenance, from the parse.

Which lexicons code is a setting: the built-in lexicon, PETRARCH dictionaries named in
``config["dictionaries"]`` as ``petrarch:DIR``, or both (``stages.events.petrarch``:
"replace" or "add"). Lexicons are read once, when the stage is built. Who decides is
``stages.events.coder``: ``rules`` (the lexicons), ``learned`` (the trained model of
:mod:`eventwire.events.learned`), ``hybrid`` (both: :mod:`eventwire.events.hybrid`) or
``petrarch`` (PETRARCH dictionaries alone).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from eventwire.config import Config
from eventwire.errors import Errors
from eventwire.events.actorlink import ActorLink
from eventwire.events.coder import (
    STATEMENT,
    LexiconMatcher,
    Matcher,
    Settings,
    code_document,
    finish_events,
    rule_candidates,
)
from eventwire.events.hybrid import merge
from eventwire.events.lexicon import builtin_lexicon, user_lexicon
from eventwire.events.ontology import load_ontology
from eventwire.model import Document
from eventwire.pipeline import register_stage
from eventwire.settings import from_mapping

if TYPE_CHECKING:
    from eventwire.events.learned import LearnedCoder


def _matchers(settings: Settings, config: Config) -> list[Matcher]:
    """The built-in lexicon, user YAML lexicons and PETRARCH verb dictionaries."""
    petrarch: list[Matcher] = []
    lexicon = builtin_lexicon(statements=settings.statements)
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
    if not settings.statements and lexicon is not builtin_lexicon(statements=False):
        lexicon = lexicon.without(frozenset({STATEMENT}))  # a user lexicon's statements
    own: list[Matcher] = [LexiconMatcher(lexicon)]
    if petrarch and settings.petrarch == "replace":
        return petrarch
    return petrarch + own


def _petrarch_only(settings: Settings, config: Config) -> bool:
    """Coding with PETRARCH dictionaries alone follows PETRARCH's require_dyad default."""
    petrarch = any(str(d).startswith("petrarch:") for d in config.get("dictionaries") or [])
    return petrarch and settings.petrarch == "replace"


def _learned(settings: Settings) -> LearnedCoder:
    """The trained coder; a missing or damaged model is an error (E241, E242), never a
    silent fall back to the rules."""
    from eventwire.events.learned import LearnedCoder
    from eventwire.events.weights import load_event_model

    model = load_event_model(settings.model)
    return LearnedCoder(model, builtin_lexicon(statements=False), load_ontology(), settings)


def _check_coder(settings: Settings, config: Config) -> None:
    petrarch = any(str(d).startswith("petrarch:") for d in config.get("dictionaries") or [])
    if settings.coder == "petrarch" and not petrarch:
        raise Errors.E240.error()


class EventsStage:
    """Codes the events of each sentence of ``doc.spacy`` with the configured coder."""

    name = "events"

    def __init__(self, settings: Settings | Mapping[str, Any], config: Config) -> None:
        settings = from_mapping(Settings, settings, "stages.events")
        _check_coder(settings, config)
        if settings.coder == "petrarch":
            settings = replace(settings, petrarch="replace")
        self.matchers = _matchers(settings, config)
        if settings.require_actor == "auto":
            both = _petrarch_only(settings, config)
            settings = replace(settings, require_actor="both" if both else "any")
        self.settings = settings
        self.ontology = load_ontology()
        self.learned = _learned(settings) if settings.coder in ("learned", "hybrid") else None

    def __call__(self, doc: Document) -> Document:
        if doc.spacy is None:
            return doc
        if self.learned is None:
            doc.events = code_document(doc, self.matchers, self.settings, self.ontology)
        elif self.settings.coder == "hybrid":
            link = ActorLink(doc)  # one per document: the lexicon matches are shared
            found = merge(rule_candidates(doc, self.matchers, self.settings, link),
                          self.learned.sentence_candidates(doc, with_actors=True,
                                                          floor=self.settings.learned_min,
                                                          link=link),
                          self.settings.learned_min)
            doc.events = finish_events(doc, found, self.settings, self.ontology)
        else:
            doc.events = self.learned.code(doc)
        return doc


@register_stage("events", requires=["doc.spacy", "doc.actors"], assigns=["doc.events"],
                settings=Settings)
def make(settings: Settings, config: Config) -> EventsStage:
    return EventsStage(settings, config)
