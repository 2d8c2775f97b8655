"""Offline gazetteer: GeoNames extracts shipped by PyPI packages plus the project's own region list,
indexed by normalised name and loaded once per process (see gazetteer.py)."""

from .gazetteer import Gazetteer, gazetteer
from .place import Place, name_key

__all__ = ["Gazetteer", "Place", "gazetteer", "name_key"]
