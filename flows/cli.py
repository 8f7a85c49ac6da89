"""The `newsflow` command: ingest, sql, relink, and the service commands.

Library errors stop here as one actionable sentence on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path

from newsflow.flows.temporary_server import ServerDidNotStart, TemporaryServer, temporary_server_unless_configured
from newsflow.tasks.core.settings import BATCH_SIZE, EXTRACT_TIMEOUT_SECONDS

DATA_ENV = "NEWSFLOW_DATA"


class UsageError(Exception):
    """A problem the user can fix; its message is the one sentence the CLI prints."""


def default_data_dir() -> str:
    return os.environ.get(DATA_ENV, "data")


def quiet_prefect_defaults() -> None:
    """Defaults set before Prefect is imported; the user's environment wins."""
    # Without this every run logs a telemetry ERROR on a network that allows only package
    # registries, as the project's machine's does (docs/STACK.md).
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    # The temporary server took 10-20 s to start on the 2-core benchmark machine (docs/STACK.md), longer
    # when another run starts one at the same time; Prefect gives up after 20 s by default.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


@contextmanager
def reporting_to(server: TemporaryServer | None) -> Iterator[None]:
    """The flow run reports to `server` once it answers, with heartbeats off: nothing outlives the
    run to read them, and the end of a run waits for the heartbeat thread's one-second sleep
    (Prefect 3.8: on the example inbox, 0.9 s between the run's summary and its end, a tenth of
    the run); the user's heartbeat setting wins. With no server, Prefect's settings are left as
    they are: they name the API to report to."""
    if server is None:
        yield
        return
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
        temporary_settings,
    )

    try:
        server.wait_until_healthy(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value())
    except ServerDidNotStart as error:
        raise UsageError(f"{error}; set PREFECT_API_URL to a running Prefect server instead") from error
    # The URL here too, for this thread whatever settings context it is in (the server's own
    # block put it in the global settings, which the other threads read).
    updates: dict = {PREFECT_API_URL: server.api_url}
    if "PREFECT_FLOWS_HEARTBEAT_FREQUENCY" not in os.environ:
        updates[PREFECT_FLOWS_HEARTBEAT_FREQUENCY] = None
    with temporary_settings(updates=updates):
        yield


def check_sources(sources: Sequence[str]) -> list[str]:
    missing = [source for source in sources if not Path(source).exists()]
    if missing:
        raise UsageError(f"no such source: {missing[0]} (give existing files or folders)")
    return [str(Path(source)) for source in sources]


def check_list_file(path: str) -> str:
    """A URL or feed list: it must be a regular file (a FIFO would block the run's reading)."""
    check_sources([path])
    if not Path(path).is_file():
        raise UsageError(f"{path} is not a regular file; give a text file of URLs, one a line")
    return str(Path(path))


def check_data_dir(data_dir: str) -> str:
    """The data folder, created if needed; a UsageError when it cannot be written."""
    path = Path(data_dir)
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path, prefix=".write-check-"):
            pass
    except OSError as error:
        raise UsageError(f"the data folder {data_dir} is not writable ({error.strerror or error}); "
                         f"choose another with --data or {DATA_ENV}") from error
    return str(path)


def run_ingest(args: argparse.Namespace) -> int:
    if not (args.sources or args.urls or args.feeds):
        raise UsageError("nothing to ingest: give a SOURCE, --urls FILE or --feeds FILE")
    sources = check_sources(args.sources)
    web_files = {key: check_list_file(path) for key, path in (("urls_file", args.urls), ("feeds_file", args.feeds)) if path}
    data_dir = check_data_dir(args.data)
    quiet_prefect_defaults()
    with temporary_server_unless_configured() as server:  # it starts while this process imports the flow
        default_runner = args.workers is None and not args.dask_address
        with (stages_loaded_while_prefect_starts(sources, bool(web_files), args.batch_size) if default_runner
              else nullcontext()):
            from newsflow.flows.ingest import ingest_flow

            with reporting_to(server), progress_bar(enabled=sys.stderr.isatty()):
                state = ingest_flow(sources=sources, data_dir=data_dir, batch_size=args.batch_size,
                                    link=not args.no_link, compact=not args.no_compact, workers=args.workers,
                                    dask_address=args.dask_address, extract_timeout=args.extract_timeout,
                                    retry_quarantined=args.retry_quarantined, deadline_minutes=args.deadline,
                                    fetch=fetch_options(args), **web_files, return_state=True)
    summary = state.result(raise_on_failure=False)
    if isinstance(summary, BaseException):
        raise UsageError(f"the run failed before it could count its work: {summary}") from summary
    print(summary.as_text())
    return 1 if state.is_failed() else 0


@contextmanager
def stages_loaded_while_prefect_starts(sources: list[str], from_web: bool, batch_size: int) -> Iterator[None]:
    """The default runner's stages loaded while Prefect's temporary server starts, a process on
    one core for seconds in which this one only waits: by the default runner, started now, in its
    fork server (or in each spawned worker where there is none: flows/runners.py
    `workers_started_early`), before this process imports the flow, which the fork server, a
    process of its own, does not wait for (the flow's imports: 0.4-0.7 s); for a small run, which
    runs here, on a thread here, once this process has imported the flow: imports hold the
    interpreter's lock, and a thread importing spaCy beside them delayed the run by as much as
    it saved (the example inbox: 8.7-9.7 s with the thread started first, 7.3-7.5 s after)."""
    from newsflow.flows.runners import workers_started_early
    from newsflow.tasks.pipeline.warmup import known_small_run, warm_up_on_a_thread

    if known_small_run(sources, from_web, batch_size):
        import newsflow.flows.ingest  # noqa: F401  (first: see above)

        warm_up_on_a_thread(None)
        yield
    else:
        with workers_started_early():
            yield


def fetch_options(args: argparse.Namespace):
    """The fetch limits the user set; the others keep tasks/sources/web.py's defaults."""
    from newsflow.tasks.sources.web import FetchOptions

    given = {name: getattr(args, f"fetch_{name}") for name in FETCH_OPTIONS if getattr(args, f"fetch_{name}") is not None}
    try:
        return FetchOptions(**given)
    except ValueError as error:
        raise UsageError(str(error)) from error


@contextmanager
def progress_bar(enabled: bool) -> Iterator[None]:
    """A progress bar on stderr fed by the flow's progress records (a terminal only): inputs done,
    their rate, and the time left when the total is known. Nothing else is printed over it: the
    progress records go to the bar alone, not on to the log's console handler too."""
    if not enabled:
        yield
        return
    from rich.progress import BarColumn, Progress, TextColumn

    with Progress(TextColumn("ingesting"), BarColumn(), TextColumn("{task.fields[counts]}"), transient=True) as bar:
        task_id = bar.add_task("ingesting", total=None, counts="")
        handler = _ProgressHandler(lambda done, total, counts: bar.update(task_id, completed=done, total=total,
                                                                          counts=counts))
        logger = logging.getLogger("newsflow.progress")
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
        try:
            yield
        finally:
            logger.removeHandler(handler)
            logger.propagate = True


class _ProgressHandler(logging.Handler):
    """Turns the flow's progress records into the bar's counts: "40 of 120 inputs, 3.1/s, 0:00:26 left"."""

    def __init__(self, update, clock=time.monotonic) -> None:
        super().__init__()
        self.update, self.clock = update, clock
        self.started: float | None = None  # the run's first record: the rate leaves out Prefect's start-up

    def emit(self, record: logging.LogRecord) -> None:
        done, total = getattr(record, "done", None), getattr(record, "total", None)
        if done is not None:
            now = self.clock()
            self.started = now if self.started is None else self.started
            self.update(done, total, progress_counts(done, total, now - self.started))


def progress_counts(done: int, total: int | None, seconds: float) -> str:
    rate = done / seconds if seconds > 0 else 0.0
    counts = f"{done} of {total} inputs" if total is not None else f"{done} inputs"
    counts += f", {rate:.1f}/s"
    if total is not None and rate > 0 and done < total:
        left = round((total - done) / rate)
        counts += f", {left // 3600}:{left // 60 % 60:02d}:{left % 60:02d} left"
    return counts


def run_relink(args: argparse.Namespace) -> int:
    data_dir = check_data_dir(args.data)
    quiet_prefect_defaults()
    with temporary_server_unless_configured() as server:
        from newsflow.flows.link import relink_flow

        with reporting_to(server):
            counts = relink_flow(data_dir=data_dir)
    print("links: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"))
    return 0


def run_serve(args: argparse.Namespace) -> int:
    data_dir = check_data_dir(args.data)
    quiet_prefect_defaults()
    from newsflow.flows.serve import prefect_yaml, serve_deployments

    if prefect_yaml() is None:
        raise UsageError("no prefect.yaml beside the code or in this folder: run `newsflow serve` in the project "
                         "folder that holds the deployments (the repository's prefect.yaml is an example)")
    # Each option is for the deployment that reads it; a folder or file that is not there yet
    # is not an error: the scheduled runs complete with a warning until it is created.
    per_deployment: dict[str, dict[str, object]] = {}
    if args.inbox:
        per_deployment["ingest-inbox"] = {"sources": [str(Path(folder).resolve()) for folder in args.inbox]}
    if args.feeds:
        per_deployment["ingest-feeds"] = {"feeds_file": str(Path(args.feeds).resolve())}
    serve_deployments({"data_dir": str(Path(data_dir).resolve())}, per_deployment, args.only, serve_banner(args.only))
    return 0


def serve_banner(only: Sequence[str] | None) -> str:
    """What `newsflow serve` serves, and where to watch it: the dashboard of the Prefect server
    it registers on, or, with none set, the sentence that says there is none and how to get one."""
    from prefect.settings import PREFECT_API_URL

    names = ", ".join(only or ["ingest-inbox", "ingest-feeds", "relink"])
    api_url = PREFECT_API_URL.value()
    if not api_url:
        return (f"newsflow: serving {names} on a temporary Prefect server that stops with this process: "
                "no dashboard, and no `prefect deployment run`. For both, start a server "
                "(`prefect server start`), set PREFECT_API_URL=http://127.0.0.1:4200/api and start newsflow serve again.")
    return (f"newsflow: serving {names} (runs at {api_url.removesuffix('/api')}/deployments; "
            "start one now with `prefect deployment run ingest/ingest-inbox`). Stop with Ctrl-C or SIGTERM.")


def run_compact(args: argparse.Namespace) -> int:
    from newsflow.tasks.store.compact import merge_part_files

    if not Path(args.data).is_dir():
        raise UsageError(f"no dataset at {args.data}; run `newsflow ingest` first or pass --data")
    merged = merge_part_files(Path(args.data))
    for item in merged:
        print(f"{item.table}/{item.partition}: {item.files_before} files -> 1 ({item.rows} rows)")
    print(f"compacted {len(merged)} partition(s)" if merged else "nothing to compact")
    return 0


def run_rules(args: argparse.Namespace) -> int:
    from newsflow.tasks.segment.rules import rules_table

    print(rules_table(examples=args.examples), end="")
    return 0


def run_sql(args: argparse.Namespace) -> int:
    import duckdb

    from newsflow.tasks.store.dataset import connect, read_lock

    if not Path(args.data).is_dir():
        raise UsageError(f"no dataset at {args.data}; run `newsflow ingest` first or pass --data")
    statements = read_only_statements(read_query(args.query))
    with read_lock(Path(args.data)):  # a run that is writing the folder waits, and is waited for
        db = connect(Path(args.data))
        # No extension is installed or loaded behind a query's back (a URL in read_parquet would
        # install httpfs), and no setting changes after this.
        db.execute("SET autoinstall_known_extensions = false; SET autoload_known_extensions = false; "
                   "SET lock_configuration = true")
        results = []
        for statement in statements:
            try:
                cursor = db.execute(statement.query)
                results.append(([d[0] for d in cursor.description or []], cursor.fetchall()))
            except duckdb.Error as error:
                raise UsageError(f"the query failed: {error}") from error
    for number, (columns, rows) in enumerate(results):
        if number:
            print()
        print_rows(columns, rows, args.format)
    return 0


# What `newsflow sql` runs: queries. Everything else (COPY ... TO, ATTACH, INSTALL, LOAD, CREATE,
# INSERT, SET, PRAGMA, CALL, EXPORT, ...) could write files or change the session, and the
# dataset must not be changed by a query: a COPY onto a part file once replaced 200 documents.
READ_ONLY_STATEMENTS = ("SELECT",)


def read_only_statements(query: str) -> list:
    """The statements of `query`, as DuckDB's own parser splits and classifies them; a
    UsageError names the first one that is not a query."""
    import duckdb

    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as error:
        raise UsageError(f"the query failed: {error}") from error
    if not statements:
        raise UsageError("the query is empty")
    for statement in statements:
        if statement.type.name not in READ_ONLY_STATEMENTS:
            raise UsageError(f"`newsflow sql` runs queries only (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE), "
                             f"and this is a {statement.type.name} statement: {statement.query.strip()[:80]}")
    return statements


def read_query(query: str) -> str:
    """The query itself, or the text of a .sql file it names (e.g. sql/queries/*.sql). A name
    that is no file here may be one of the ready-made queries installed with newsflow: from a
    wheel, `sql/queries/story_clusters.sql` works in any folder, as the README shows it."""
    if not query.strip().lower().endswith(".sql"):
        return query
    path = Path(query.strip())
    if path.is_file():
        return path.read_text(encoding="utf-8")
    from newsflow.tasks.store.dataset import SQL_DIR

    installed = SQL_DIR / "queries" / path.name
    if installed.is_file():
        return installed.read_text(encoding="utf-8")
    ready_made = sorted(entry.name for entry in (SQL_DIR / "queries").iterdir() if entry.name.endswith(".sql"))
    raise UsageError(f"no such query file: {path} (ready-made queries: {', '.join(ready_made)})")


def print_rows(columns: list[str], rows: list[tuple], form: str) -> None:
    """Rows to stdout as an aligned table, CSV or JSON (one array of objects)."""
    if form == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    elif form == "json":
        print(json.dumps([dict(zip(columns, row)) for row in rows], default=str, ensure_ascii=False, indent=1))
    else:
        cells = [[_cell(value) for value in row] for row in rows]
        widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
        print("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip())
        print("  ".join("-" * w for w in widths))
        for row in cells:
            print("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())
        print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


def _cell(value: object, limit: int = 80) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsflow", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {installed_version()}")
    commands = parser.add_subparsers(dest="command", required=True)

    ingest = commands.add_parser("ingest", help="ingest files and folders into the dataset",
                                 description="Ingest .txt/.md, .html/.htm, .jsonl and .warc(.gz) files, or folders of them.")
    ingest.add_argument("sources", nargs="*", metavar="SOURCE", help="a file or a folder (read recursively)")
    ingest.add_argument("--urls", metavar="FILE", help="a file of page URLs, one a line")
    ingest.add_argument("--feeds", metavar="FILE", help="a file of RSS/Atom feed URLs, one a line")
    _data_option(ingest)
    ingest.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="documents per batch task")
    ingest.add_argument("--no-link", action="store_true", help="skip linking the new articles")
    ingest.add_argument("--no-compact", action="store_true",
                        help="keep a part file a batch (merge them later with `newsflow compact`)")
    ingest.add_argument("--workers", type=int, default=None, metavar="N",
                        help="run the stages on a local Dask cluster of N processes (0: in this process; "
                             "default: a worker process per core)")
    ingest.add_argument("--dask-address", metavar="tcp://HOST:PORT", help="run the stages on this Dask cluster")
    ingest.add_argument("--retry-quarantined", action="store_true",
                        help="process again the inputs quarantined for their content (binary, too large, no text, ...)")
    ingest.add_argument("--deadline", type=float, metavar="MINUTES",
                        help="stop reading new inputs after MINUTES and finish what was started (the next run goes on)")
    ingest.add_argument("--extract-timeout", type=float, default=EXTRACT_TIMEOUT_SECONDS, metavar="SECONDS",
                        help=f"quarantine a page whose extraction takes longer (default {EXTRACT_TIMEOUT_SECONDS:g})")
    _fetch_options(ingest)
    ingest.set_defaults(run=run_ingest)

    sql = commands.add_parser("sql", help="run DuckDB SQL over the dataset's views",
                              description="Run DuckDB SQL with a view per table of the dataset defined.")
    sql.add_argument("query", metavar="QUERY",
                     help='SQL, e.g. "SELECT agency, count(*) FROM articles GROUP BY 1", or a .sql file')
    _data_option(sql)
    sql.add_argument("--format", choices=["table", "csv", "json"], default="table", help="output format")
    sql.set_defaults(run=run_sql)
    relink = commands.add_parser("relink", help="rebuild links and stories from scratch",
                                 description="Rebuild the links and stories tables from all articles.")
    _data_option(relink)
    relink.set_defaults(run=run_relink)

    serve = commands.add_parser("serve", help="serve the deployments of prefect.yaml on their schedules",
                                description="Serve prefect.yaml's deployments (ingest-inbox every 15 minutes, "
                                            "ingest-feeds hourly, relink nightly) in this process.")
    serve.add_argument("--inbox", nargs="+", metavar="FOLDER", help="folders the ingest-inbox deployment reads (default: prefect.yaml's, inbox)")
    serve.add_argument("--feeds", metavar="FILE", help="the feeds file the ingest-feeds deployment reads (default: prefect.yaml's, feeds.txt)")
    serve.add_argument("--only", nargs="+", metavar="NAME", help="serve only these deployments")
    _data_option(serve)
    serve.set_defaults(run=run_serve)

    compact = commands.add_parser("compact", help="merge small part files; no query's result changes",
                                  description="Merge each partition's part files into one file, crash-safely.")
    _data_option(compact)
    compact.set_defaults(run=run_compact)

    rules = commands.add_parser("rules", help="list the cleaning rules: what each removes or moves, and why",
                                description="List every rule that cleans a text: what happens to what it matches, "
                                            "what it keys on, its limits and why.")
    rules.add_argument("--examples", action="store_true", help="also show what each rule fires on and a near miss it spares")
    rules.set_defaults(run=run_rules)
    return parser


# CLI option -> FetchOptions field (tasks/sources/web.py), with its help; unset ones keep the defaults.
FETCH_OPTIONS = {
    "allow_private_hosts": ("--allow-private-hosts", "also fetch from loopback and private addresses "
                            "(internal feeds, tests); refused by default"),
    "timeout": ("--fetch-timeout", "seconds to wait for a connection or a read"),
    "deadline": ("--fetch-deadline", "seconds a whole response may take, body included"),
    "max_bytes": ("--max-page-bytes", "largest page or feed entry fetched, in bytes"),
    "per_host": ("--per-host", "requests at once to one host"),
    "user_agent": ("--user-agent", "the User-Agent header, and the name robots.txt rules are read for"),
}


def _fetch_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("fetching (--urls, --feeds)")
    for name, (flag, help_text) in FETCH_OPTIONS.items():
        if name == "allow_private_hosts":
            group.add_argument(flag, dest=f"fetch_{name}", action="store_true", default=None, help=help_text)
        else:
            kind = str if name == "user_agent" else int if name in ("max_bytes", "per_host") else float
            group.add_argument(flag, dest=f"fetch_{name}", type=kind, default=None, help=help_text)


def installed_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsflow")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "(not installed)"


def _exit_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _data_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", default=default_data_dir(), metavar="DIR",
                        help=f"the dataset folder (default: ${DATA_ENV} or ./data)")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # SIGTERM (a scheduler, systemd, `kill`) unwinds like Ctrl-C instead of ending the process on
    # the spot, so that what the run started stops with it: its temporary Prefect server, a
    # process of its own, was left running without a parent (tests/test_sigterm.py).
    if threading.current_thread() is threading.main_thread():  # only there can Python set a handler
        signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        return args.run(args)
    except UsageError as error:
        print(f"newsflow: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
