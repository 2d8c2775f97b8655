"""One module per pipeline stage; each exposes `run(parsed, results) -> results`."""
