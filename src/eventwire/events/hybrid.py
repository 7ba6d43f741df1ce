"""The hybrid coder: the lexicon rules first, the trained model where no rule fires.

Why this order: a rule fires on a word and construction a codebook names, and what it codes
is right about as often as the model's most confident events; the model, for its part,
reads every verb and event noun, so it finds acts the lexicon has no entry for ("troops
evacuated the diplomats"). Each decides where it is strongest: at a word a rule codes, the
rule's reading stands; at any other word, the model's event is added when its confidence
is at least ``stages.events.learned_min``. The threshold keeps what the model adds about as
precise as the rules themselves (docs/model-card-events.md, "The hybrid coder").

Provenance tells the two apart: the model's events carry a ``learned:...`` rule and its
probability as confidence, the rules' their lexicon entry.
"""

from __future__ import annotations

from eventwire.events.coder import (
    EventCandidate,
    Found,
    confidence_of,
    one_violent_act,
    protest_demands,
)

__all__ = ["merge"]


def merge(rules: Found, learned: Found, learned_min: float) -> Found:
    """Each sentence's rule candidates, plus the model's candidates of at least
    ``learned_min`` confidence at words no rule reads. The dead of an attack stay its toll
    when one coder reads the attack and the other the killing, and protesters' demands
    the protest's aim."""
    added = {index: cands for _, index, cands in learned}
    out: Found = []
    for sent, index, cands in rules:
        taken = _read_by_rules(cands)
        more = [c for c in added.get(index, [])
                if not _same_act(c, taken) and confidence_of(c) >= learned_min]
        out.append((sent, index,
                    one_violent_act(protest_demands(cands + more)) if more else cands))
    return out


def _read_by_rules(cands: list[EventCandidate]) -> set[int]:
    """The tokens of the acts the rules code: each trigger, its clause ("held talks":
    the verb), and the verb whose open complement it is ("agreed to cooperate": the
    agreeing is the intent the rule codes, one act)."""
    taken = set()
    for c in cands:
        taken |= {c.trigger.i, c.clause.i}
        if c.trigger.dep_ == "xcomp":
            taken.add(c.trigger.head.i)
    return taken


def _same_act(cand: EventCandidate, taken: set[int]) -> bool:
    """Whether the model's candidate is an act the rules already code: at one of their
    tokens, or the open complement of one ("pledged to rebuild", the pledge coded)."""
    trigger = cand.trigger
    return trigger.i in taken or trigger.dep_ == "xcomp" and trigger.head.i in taken
