"""The service: prefect.yaml stays consistent with the flows, and `newsflow serve` gives each
deployment its own options and says where its dashboard is. (A served deployment's triggered
run, beside the deployments `prefect deploy` registered, and serve's clean stop on SIGTERM:
tests/test_scheduled.py, on the README's scheduled path.)"""

from __future__ import annotations

from pathlib import Path

import yaml
from prefect_server import REPO

EXAMPLES = REPO / "examples" / "inbox"


def test_prefect_yaml_names_real_flows_and_parameters():
    from newsflow.flows.serve import deployment_specs, load_entrypoint

    spec = yaml.safe_load((REPO / "prefect.yaml").read_text())
    assert {d["name"]: d["schedules"][0]["cron"] for d in spec["deployments"]} == {
        "ingest-inbox": "*/15 * * * *", "ingest-feeds": "0 * * * *", "relink": "30 2 * * *"}
    for deployment in spec["deployments"]:
        accepted = set(load_entrypoint(deployment["entrypoint"]).parameters.properties)
        assert set(deployment["parameters"]) <= accepted, deployment["name"]
        assert deployment["work_pool"]["name"] == "newsflow-process"
    overridden = deployment_specs({"data_dir": "/d", "unknown": 1}, {"ingest-inbox": {"sources": ["/in"]}},
                                  ["ingest-inbox"])
    assert overridden[0]["parameters"] == {"sources": ["/in"], "data_dir": "/d", "deadline_minutes": 12}


def test_every_deployment_runs_one_at_a_time_and_serve_says_so_too():
    from prefect.client.schemas.objects import ConcurrencyLimitStrategy

    from newsflow.flows.serve import concurrency_limit, deployment_specs, load_entrypoint

    for spec in deployment_specs({}):
        limit = concurrency_limit(spec)
        assert (limit.limit, limit.collision_strategy) == (1, ConcurrencyLimitStrategy.CANCEL_NEW), spec["name"]
        served = load_entrypoint(spec["entrypoint"]).to_deployment(name=spec["name"], concurrency_limit=limit)
        assert served.concurrency_limit == 1
        assert served.concurrency_options.collision_strategy == ConcurrencyLimitStrategy.CANCEL_NEW


def served_parameters(monkeypatch, tmp_path, *options: str) -> dict[str, dict]:
    """The parameters `newsflow serve OPTIONS` would serve each deployment with."""
    from newsflow.flows import serve
    from newsflow.flows.cli import main

    given = {}
    monkeypatch.setattr(serve, "serve_deployments",
                        lambda common, per, only, banner: given.update(common=common, per=per, banner=banner))
    assert main(["serve", *options, "--data", str(tmp_path / "data")]) == 0
    served = {spec["name"]: spec["parameters"] for spec in serve.deployment_specs(given["common"], given["per"])}
    return {**served, "banner": given["banner"]}


def test_serve_gives_the_inbox_to_ingest_inbox_and_the_feeds_to_ingest_feeds_only(monkeypatch, tmp_path):
    (tmp_path / "inbox").mkdir()
    served = served_parameters(monkeypatch, tmp_path, "--inbox", str(tmp_path / "inbox"),
                               "--feeds", str(tmp_path / "feeds.txt"))  # no feeds file yet: not an error
    data = str(tmp_path / "data")
    assert served.pop("banner").startswith("newsflow: serving ingest-inbox, ingest-feeds, relink")
    assert served == {
        "ingest-inbox": {"sources": [str(tmp_path / "inbox")], "data_dir": data, "deadline_minutes": 12},
        "ingest-feeds": {"sources": [], "feeds_file": str(tmp_path / "feeds.txt"), "data_dir": data,
                         "deadline_minutes": 50},
        "relink": {"data_dir": data},
    }
    only_feeds = served_parameters(monkeypatch, tmp_path, "--feeds", "feeds.txt")
    assert only_feeds["ingest-inbox"]["sources"] == ["inbox"]  # prefect.yaml's own
    assert only_feeds["ingest-feeds"]["feeds_file"] == str(Path("feeds.txt").resolve())


def test_serve_without_a_server_says_there_is_no_dashboard_and_how_to_get_one(monkeypatch, tmp_path):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        banner = served_parameters(monkeypatch, tmp_path)["banner"]
    assert "temporary Prefect server" in banner and "no dashboard" in banner
    assert "prefect server start" in banner and "PREFECT_API_URL=http://127.0.0.1:4200/api" in banner
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:4200/api"}):
        banner = served_parameters(monkeypatch, tmp_path)["banner"]
    assert "http://127.0.0.1:4200/deployments" in banner and "no dashboard" not in banner
