"""The explorer page in a real browser: Debian's chromium driven by Playwright for Python (never a browser
download), against `newsgraph serve`'s app on a loopback port, over a store of the README's examples plus
one hostile article. With NEWSGRAPH_SCREENSHOTS=DIR the actor page and the document reader are saved there
(docs/screenshots/ in the repository was made that way)."""

from __future__ import annotations

import dataclasses
import os
import shutil
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("playwright")
pytest.importorskip("uvicorn")

pytestmark = [pytest.mark.browser, pytest.mark.model, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE_ID = "hostile-1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _hostile_document() -> Any:
    from test_store_sqlite import visit

    doc = visit(HOSTILE_ID)
    text = doc.text + ' <script>alert("text")</script><img src=x onerror=alert(3)>'
    return dataclasses.replace(
        doc,
        text=text,
        sentences=((0, len(text)),),
        title='<script>alert("title")</script>',
        url="javascript:alert(1)",
        source='<img src=x onerror=alert("source")>',
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from newsgraph import ingest, open_store
    from newsgraph.read import iter_articles
    from newsgraph.serve.app import create_app

    db = tmp_path_factory.mktemp("explorer") / "news.db"
    examples = ROOT / "examples"
    with open_store(db) as store:
        paths = [str(examples / "article.txt"), str(examples / "archive.jsonl"), str(examples / "feeds")]
        stats = ingest(iter_articles(paths, "2024-03-12"), store)
        assert stats.added >= 5, stats
        store.put_document(_hostile_document())
    port = _free_port()
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    for _ in range(200):
        if instance.started:
            break
        time.sleep(0.05)
    assert instance.started, "the app did not start"
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing; .ci/services.sh installs Debian's chromium", pytrace=False)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def _ready(page: Any) -> None:
    page.wait_for_selector("body[data-ready='true']", timeout=15000)


def _not_blank(png: bytes) -> bool:
    """A PNG of more than a few colours: its pixel bytes (after zlib) take many values."""
    chunks, pos = [], 8
    while pos < len(png):
        length = int.from_bytes(png[pos : pos + 4], "big")
        kind = png[pos + 4 : pos + 8]
        if kind == b"IDAT":
            chunks.append(png[pos + 8 : pos + 8 + length])
        pos += 12 + length
    return len(set(zlib.decompress(b"".join(chunks)))) > 20


def _save(page: Any, name: str) -> None:
    folder = os.environ.get("NEWSGRAPH_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / name), full_page=False)


def test_search_then_actor_page_with_network_timeline_and_screenshot(server: str, page: Any) -> None:
    page.goto(f"{server}/")
    _ready(page)
    page.fill("#search-box", "Mensah")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=Mensah")
    _ready(page)
    page.click("main table a:has-text('Mensah')")
    page.wait_for_url("**/actors/**")
    _ready(page)
    assert "Mensah" in page.inner_text("h1")
    circles = page.locator("svg.network circle")
    assert circles.count() >= 2, "the network draws the actor and its neighbours"
    assert page.locator("svg.timeline rect").count() >= 1, "the timeline draws bars"
    assert _not_blank(page.locator("svg.network").screenshot())
    _save(page, "actor-page.png")
    assert page.dialogs == []


def test_clicking_an_event_marks_its_evidence_in_the_document(server: str, page: Any) -> None:
    page.goto(f"{server}/events")
    _ready(page)
    link = page.locator("table.events a[href^='/documents/']").first
    link.click()
    page.wait_for_url("**/documents/**")
    _ready(page)
    assert page.locator(".doc-text .marked").count() == 1, "the event in the link is marked on arrival"
    button = page.locator("#event-list button").last
    event_id = button.get_attribute("data-event")
    button.click()
    marked = page.locator(".doc-text .marked")
    assert marked.count() == 1 and marked.get_attribute("id") == f"event-{event_id}"
    assert marked.is_visible()
    _save(page, "document-reader.png")


def test_map_shows_the_outline_and_place_markers(server: str, page: Any) -> None:
    page.goto(f"{server}/map")
    _ready(page)
    assert page.locator("svg.map path").count() > 50, "the world outline is drawn from the vendored file"
    assert page.locator("svg.map a.marker circle").count() >= 2


def test_a_hostile_article_shows_its_markup_as_text_and_runs_nothing(server: str, page: Any) -> None:
    page.goto(f"{server}/documents/{HOSTILE_ID}")
    _ready(page)
    page.wait_for_timeout(300)  # give any injected handler the chance to fire
    assert page.dialogs == [], "no script from the article ran"
    assert page.title() == "newsgraph explorer"
    assert page.inner_text("h1") == '<script>alert("title")</script>'
    assert '<img src=x onerror=alert("source")>' in page.inner_text("main")
    assert '<script>alert("text")</script>' in page.inner_text("#doc-text")
    assert page.locator("main script, main img").count() == 0
    hrefs = page.eval_on_selector_all("a", "nodes => nodes.map(n => n.getAttribute('href'))")
    assert not any(h and h.lower().startswith("javascript:") for h in hrefs)


def test_claim_check_form_answers_with_a_verdict(server: str, page: Any) -> None:
    page.goto(f"{server}/check")
    _ready(page)
    page.fill("textarea[name=claim]", "Ghana closed its border with Togo.")
    page.click("#check-form button[type=submit]")
    page.wait_for_selector("#check-result [class^='verdict-']", timeout=60000)
    assert page.locator("#check-result li").count() >= 1


def test_chromium_is_debians(browser: Any) -> None:
    assert Path(CHROMIUM).exists() and shutil.which("chromium") == CHROMIUM
    assert browser.version
