"""Executors without the model: addresses, lazy start, errors crossing processes, order of failed inputs."""

from __future__ import annotations

import multiprocessing
import pickle
import socket

import pytest

from newsgraph.article import Article
from newsgraph.cli import main
from newsgraph.errors import ConfigError, ExtractionError, InputError, ModelError
from newsgraph.execute import DaskExecutor, InProcess, ProcessPool, check_address, make_executor
from newsgraph.execute.base import ChunkFailed, unpack_chunk


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("local", "local"),
        ("tcp://10.0.0.5:8786", "tcp://10.0.0.5:8786"),
        ("scheduler.lan:8786", "tcp://scheduler.lan:8786"),
        (" tls://[::1]:8786/ ", "tls://[::1]:8786"),
    ],
)
def test_addresses_dask_writes_are_taken(given: str, expected: str) -> None:
    assert check_address(given) == expected


@pytest.mark.parametrize(
    "address",
    ["", "Local", "tcp://host", "http://host:8786", "host:port", "tcp://:8786", "tcp://a b:1", "h:1/x"],
)
def test_a_malformed_address_is_refused_with_what_was_expected(address: str) -> None:
    with pytest.raises(ConfigError, match=r"not valid; expected \"local\".*tcp://"):
        check_address(address)


def test_building_an_executor_starts_nothing() -> None:
    before = set(multiprocessing.active_children())
    executors = [ProcessPool(2), DaskExecutor("local", workers=2), DaskExecutor("tcp://127.0.0.1:9")]
    assert set(multiprocessing.active_children()) == before
    for executor in executors:
        executor.close()  # closing what never started is a no-op
        executor.close()


def test_bad_sizes_are_config_errors() -> None:
    for bad in (0, -1, True):
        with pytest.raises(ConfigError, match="workers"):
            ProcessPool(bad)
    with pytest.raises(ConfigError, match="chunk_size"):
        ProcessPool(2, chunk_size=0)
    with pytest.raises(ConfigError, match="local Dask cluster only"):
        DaskExecutor("tcp://10.0.0.5:8786", workers=2)


def test_make_executor_follows_the_command_line_options() -> None:
    assert isinstance(make_executor(), InProcess)
    assert isinstance(make_executor(workers=1), InProcess)
    pool = make_executor(workers=3)
    assert isinstance(pool, ProcessPool) and pool.workers == 3
    dask = make_executor(workers=2, dask="local")
    assert isinstance(dask, DaskExecutor) and dask.workers == 2 and dask.address == "local"


def test_an_input_error_crosses_a_process_boundary_intact() -> None:
    for error in (
        ExtractionError("feed.xml:7", "stage 'events' failed"),
        InputError("in.jsonl:3", "not JSON"),
    ):
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error)
        assert (back.origin, back.reason, str(back)) == (error.origin, error.reason, str(error))


def test_a_chunk_wide_failure_is_raised_in_the_caller() -> None:
    failed = pickle.loads(pickle.dumps(ChunkFailed(ModelError("no model 'xx'"))))
    with pytest.raises(ModelError, match="no model 'xx'"):
        unpack_chunk(failed)


def test_inputs_that_failed_to_read_keep_their_place_without_starting_workers() -> None:
    errors = [InputError(f"in.jsonl:{n}", "not JSON") for n in range(1, 20)]
    with ProcessPool(2, chunk_size=3) as pool:
        assert list(pool.map(errors)) == errors
        assert pool._pool is not None and not multiprocessing.active_children()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_scheduler_is_a_config_error_naming_it() -> None:
    address = f"tcp://127.0.0.1:{free_port()}"
    with (
        DaskExecutor(address, connect_timeout=1) as executor,
        pytest.raises(ConfigError, match=f"cannot reach a Dask scheduler at {address}"),
    ):
        list(executor.map([Article.make("Nobody is listening.")]))


def test_cli_refuses_a_bad_address_with_status_2(tmp_path, capsys) -> None:
    src = tmp_path / "a.txt"
    src.write_text("A short article.", encoding="utf-8")
    db = tmp_path / "c.db"
    assert main(["ingest", str(src), "--db", str(db), "--dask", "tcp://nowhere"]) == 2
    assert "Dask address 'tcp://nowhere' is not valid" in capsys.readouterr().err
    assert not db.exists()  # refused before the store was created
    assert main(["extract", str(src), "--dask", "tcp://10.0.0.5:8786", "--workers", "2"]) == 2
    assert "local Dask cluster only" in capsys.readouterr().err


def test_help_explains_the_options(capsys) -> None:
    for command in ("ingest", "extract"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = " ".join(capsys.readouterr().out.split())
        assert "--workers N extract in N processes" in out
        assert "--dask ADDRESS|local extract on a Dask cluster" in out
