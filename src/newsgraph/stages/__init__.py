"""The extraction stages, one package each: entities, timex, places, relations, quotes, events.

Each package exposes `STAGE` (a `base.Stage`: name, version, what it requires and provides) and `run`;
`common` holds the few helpers several stages share, `base` what every stage sees.
"""
