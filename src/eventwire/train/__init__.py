"""Training eventwire's models from data in the repository (``eventwire train``)."""
