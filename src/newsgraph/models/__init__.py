"""Learned models shipped with newsgraph (weights as NumPy arrays, read without pickle, loaded on first use).

- `events`: the event candidate classifier of issue 13 (type, modality, negation); see `events/CARD.md`.
"""
