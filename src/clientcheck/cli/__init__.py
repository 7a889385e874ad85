"""The command line: the Typer app (cli.app) and one module per command group."""
