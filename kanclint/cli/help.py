"""click in Russian: help headings, metavars, the help option and usage errors of every command and group."""

from __future__ import annotations

from typing import Any

import click

from kanclint.cli.errors import show_usage_error

HELP_OPTION = "Показать эту справку и выйти."


class RussianHelpFormatter(click.HelpFormatter):
    """click's help layout with Russian headings (click's own strings are English)."""

    SECTIONS = {"Options": "Параметры", "Commands": "Команды", "Positional arguments": "Аргументы"}

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Использование: " if prefix is None else prefix)

    def section(self, name: str):  # type: ignore[override]
        return super().section(self.SECTIONS.get(name, name))


class RussianContext(click.Context):
    formatter_class = RussianHelpFormatter


class RussianHelp:
    """Mixin: Russian help option and metavars for every command and group."""

    context_class = RussianContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[ПАРАМЕТРЫ]")
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION
        return option


class RussianCommand(RussianHelp, click.Command):
    pass


class RussianGroup(RussianHelp, click.Group):
    command_class = RussianCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("subcommand_metavar", "КОМАНДА [АРГУМЕНТЫ]...")
        super().__init__(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:  # a mistyped command line: click's own words are English
            show_usage_error(exc)


RussianGroup.group_class = RussianGroup
