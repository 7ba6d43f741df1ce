"""Actors: who is acting, coded as CAMEO actors (country code then role codes).

The ``actors`` stage fills ``doc.actors``; the event coder asks :func:`actor_for_token`
and :func:`expand_conjuncts` for the actors of a trigger's arguments.
"""

from eventwire.actors.lookup import actor_for_token, expand_conjuncts

__all__ = ["actor_for_token", "expand_conjuncts"]
