"""``eventwire serve``: the JSON API and the web explorer over a store."""

from __future__ import annotations

import click

from eventwire.api import make_config
from eventwire.cli.common import config_options, fail_on_error, main

DEFAULT_DB = "eventwire.duckdb"


@main.command("serve", epilog="""\b
Examples:
  eventwire serve --db events.duckdb             # then open http://127.0.0.1:8000/
  eventwire serve --db new.duckdb --create --port 8080
  EVENTWIRE_TOKEN=s3cret eventwire serve --host 0.0.0.0 --allowed-host events.lan
  curl -H 'Authorization: Bearer s3cret' -H 'content-type: text/plain' \\
       --data-binary @story.txt http://127.0.0.1:8000/api/documents
""")
@click.option("--db", "db_path", default=None, type=click.Path(dir_okay=False),
              help="The DuckDB store to serve (default store.path: eventwire.duckdb).")
@click.option("--host", default=None,
              help="Address to bind (default serve.host: 127.0.0.1, this machine only).")
@click.option("--port", default=None, type=click.IntRange(1, 65535),
              help="Port to listen on (default serve.port: 8000).")
@click.option("--token", default=None, metavar="TOKEN",
              help="Token required by writes (default: the EVENTWIRE_TOKEN variable).")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="A Host name to answer besides loopback and the bound address "
                   "(serve.allowed_hosts; '.example.org' for its subdomains); repeatable.")
@click.option("--create", is_flag=True,
              help="Create the store when the file does not exist (otherwise an error).")
@config_options
@fail_on_error
def serve_cmd(
    db_path: str | None,
    host: str | None,
    port: int | None,
    token: str | None,
    allowed_hosts: tuple[str, ...],
    create: bool,
    config_files: tuple[str, ...],
    overrides: tuple[str, ...],
    model: str | None,
    dictionaries: tuple[str, ...],
) -> None:
    """Serve the store as a JSON API (/api, /openapi.json) and a web explorer (/)."""
    from eventwire.serve import run_server

    config = make_config(config_files, overrides, model=model, dictionaries=dictionaries)
    db = db_path or (config.get("store") or {}).get("path") or DEFAULT_DB
    run_server(db, host=host, port=port, token=token, config=config,
               allowed_hosts=allowed_hosts, create=create)
