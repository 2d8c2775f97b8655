"""The parts of scripts/build_cameo_lexicon.py: reading the CAMEO dictionary (reading), the crosswalk to
PLOVER (crosswalk), event nouns (nouns), the rows of the files (rows), writing them (writing) and --report's
coverage of the trigger lexicon (coverage)."""
