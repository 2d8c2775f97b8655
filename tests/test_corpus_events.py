"""Event deduplication rules: same type, actors and day; vague dates match within a day."""

from __future__ import annotations

from newsgraph.corpus import EventSlot, event_day, event_key, pick_event, same_day
from newsgraph.corpus.events import day_window, event_id


def test_event_day_uses_the_event_date_else_publication_as_vague():
    assert event_day("2023-08-02", "2023-08-03") == ("2023-08-02", False)
    assert event_day("2023-08-02T14:00", None) == ("2023-08-02", False)
    assert event_day("2023-W31", "2023-08-03") == ("2023-08-03", True)
    assert event_day(None, "2023-08-03") == ("2023-08-03", True)
    assert event_day(None, None) == (None, True)


def test_key_ignores_actor_order_and_repeats():
    assert event_key("CONSULT", ["A2", "A1", "A1"], ["A3"]) == event_key("CONSULT", ["A1", "A2"], ["A3"])
    assert event_key("CONSULT", ["A1"], ["A3"]) != event_key("CONSULT", ["A3"], ["A1"])
    assert event_key("CONSULT", ["A1"], ["A3"]) != event_key("ASSAULT", ["A1"], ["A3"])


def test_same_day_rules():
    assert same_day("2023-08-02", False, "2023-08-02", False)
    assert not same_day("2023-08-02", False, "2023-08-03", False)
    assert same_day("2023-08-02", False, "2023-08-03", True)
    assert not same_day("2023-08-01", False, "2023-08-03", True)
    assert same_day(None, True, None, True)
    assert not same_day(None, True, "2023-08-03", True)


def test_pick_prefers_the_exact_day():
    slots = [EventSlot("V1", "2023-08-02", True), EventSlot("V2", "2023-08-03", False)]
    assert pick_event(slots, "2023-08-03", True) == slots[1]
    assert pick_event(slots, "2023-08-05", False) is None


def test_window_and_ids():
    assert day_window("2023-08-01") == ("2023-07-31", "2023-08-02")
    assert day_window(None) is None
    first = event_id("K", "2023-08-01", lambda _: False)
    assert first == event_id("K", "2023-08-01", lambda _: False)
    assert event_id("K", "2023-08-01", lambda c: c == first) != first


def test_cluster_days_depends_on_the_set_of_reports_only():
    from newsgraph.corpus.events import cluster_days

    v = [("2024-03-05", True), ("2024-03-06", True), ("2024-03-08", True), ("2024-03-09", True)]
    p = [("2024-03-04", False), ("2024-03-06", False)]
    got = cluster_days([*v, *p, (None, True)])
    assert got == cluster_days(reversed([*v, *p, (None, True)]))
    # A vague report joins the precise event of its own day, else the day before, else the day after.
    assert got[("2024-03-05", True)] == ("2024-03-04", False)
    assert got[("2024-03-06", True)] == ("2024-03-06", False)
    # Vague reports with no precise event near make one event per run of neighbouring days.
    assert got[("2024-03-08", True)] == got[("2024-03-09", True)] == ("2024-03-08", True)
    assert got[(None, True)] == (None, True)
    assert cluster_days([("2024-03-05", True)]) == {("2024-03-05", True): ("2024-03-05", True)}
