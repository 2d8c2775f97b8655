"""The parts of scripts/build_actor_kb.py: names (Phoenix capitals to names), codes (CAMEO actor codes and
their dates), actors and agents (the two dictionaries read into rows), writing (TSVs and the compact JSON)."""
