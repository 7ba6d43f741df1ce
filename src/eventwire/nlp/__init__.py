"""NLP: loading the spaCy pipeline and parsing documents.

Public surface: :func:`load_model` (load any installed spaCy pipeline by name, checked
against what the configuration expects) and the ``parse`` stage.
"""

from eventwire.nlp.model import load_model, model_info

__all__ = ["load_model", "model_info"]
