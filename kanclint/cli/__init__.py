"""The command line: a thin shell that turns options into a Config and prints Reports.

``kanclint draft.txt`` is ``kanclint check draft.txt``; other subcommands list
and explain rules, show the resolved configuration and check dictionaries.
Exit codes: 0 clean, 1 findings at or above ``--fail-on`` (or a score under
``--fail-under``), 2 usage, configuration, input or internal errors.
"""

from __future__ import annotations

import codecs
import contextlib
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click

from kanclint.cli.commands import (
    config_group,
    dictionaries_group,
    gate_cmd,
    lsp_cmd,
    rewrite_cmd,
    rule_cmd,
    rules_cmd,
)
from kanclint.cli.common import (
    _base_config,
    _collect,
    _echo_diff,
    _fail,
    _read_bytes,
    _safe_console,
    voice_options,
    voice_overrides,
)
from kanclint.cli.help import RussianGroup
from kanclint.engine import config as config_mod
from kanclint.engine import suppression
from kanclint.engine.config import Config, ConfigError
from kanclint.engine.parallel import Job, default_jobs, run
from kanclint.engine.registry import PluginError, rule_by_code
from kanclint.engine.linter import Linter
from kanclint.engine.running import InternalError
from kanclint.files.inputs import (
    Decoded,
    InputError,
    decode,
)
from kanclint.files.writer import char_name, encode_like, unencodable, write_atomic
from kanclint.model import Applicability, Diagnostic, Report
from kanclint.output import (
    FORMATS,
    format_concise,
    format_full,
    format_json,
    statistics,
    use_color,
)
from kanclint.output.machine import (
    format_github,
    format_json_lines,
    format_junit,
    format_sarif,
)
from kanclint.version import __version__

MACHINE_FORMATS = {
    "json": format_json, "json-lines": format_json_lines, "github": format_github,
    "sarif": format_sarif, "junit": format_junit,
}


class DefaultGroup(RussianGroup):
    """Route ``kanclint PATH…`` to ``kanclint check PATH…``; any crash is exit 2, never 1 (findings)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        _safe_console()
        return super().main(*args, **kwargs)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except (ConfigError, InputError, PluginError, InternalError) as exc:  # known, with a message for the user
            _fail(str(exc))
        except Exception as exc:
            detail = str(exc)[:200]
            click.echo(f"kanclint: внутренняя ошибка ({type(exc).__name__}{': ' + detail if detail else ''}); "
                       "пожалуйста, сообщите о ней разработчикам", err=True)
            sys.exit(2)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kanclint", help="Показать версию и выйти.",
                      message="%(prog)s, версия %(version)s")
def main() -> None:
    """kanclint — проверка постов госпабликов на канцелярит и стиль пресс-релиза.

    Без команды работает как «kanclint check»: kanclint пост.txt
    """


@main.command()
@click.argument("paths", nargs=-1, metavar="[ПУТЬ]...")
@click.option("--output-format", type=click.Choice(FORMATS), default="full",
              help="Формат вывода (по умолчанию full).")
@click.option("--select", multiple=True, metavar="КОДЫ",
              help="Включить только эти правила (код, префикс, имя или ALL).")
@click.option("--extend-select", multiple=True, metavar="КОДЫ", help="Включить правила дополнительно.")
@click.option("--ignore", multiple=True, metavar="КОДЫ", help="Выключить правила.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="С какого уровня замечаний код выхода 1 (по умолчанию warning).")
@click.option("--fail-under", type=click.FloatRange(0, 10), default=None, metavar="ОЦЕНКА",
              help="Код выхода 1, если оценка ниже порога (от 0 до 10).")
@click.option("--exit-zero", is_flag=True, help="Всегда код выхода 0, если не было ошибок.")
@click.option("--statistics", "show_statistics", is_flag=True, help="Сводка: сколько раз сработало каждое правило.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, metavar="ФАЙЛ",
              help="Файл настроек (kanclint.toml или pyproject.toml) вместо найденного рядом.")
@click.option("--isolated", is_flag=True, help="Не читать файлы настроек и .kanclint-ignore.toml.")
@click.option("--platform", type=click.Choice(config_mod.PLATFORMS), default=None,
              help="Площадка поста (по умолчанию vk).")
@click.option("--stdin-filename", default=None, metavar="ИМЯ",
              help="Имя файла для текста из stdin (по нему ищутся настройки).")
@click.option("--fix", "apply_fixes", is_flag=True, help="Применить безопасные исправления.")
@click.option("--unsafe-fixes", is_flag=True, help="С --fix или --diff: применять и исправления, требующие проверки.")
@click.option("--diff", "show_diff", is_flag=True, help="Показать исправления как diff, ничего не записывая.")
@click.option("--show-fixes", is_flag=True, help="Перечислить применённые исправления.")
@click.option("--add-ignore", is_flag=True,
              help="Принять все текущие замечания: записать их в .kanclint-ignore.toml.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              help="Цвет в формате full (auto, по умолчанию: только в терминале и без NO_COLOR).")
@click.option("--jobs", "-j", type=int, default=None, metavar="N", callback=lambda ctx, param, value: _jobs(value),
              help="Сколько файлов проверять одновременно (по умолчанию — по числу ядер; 1 — в этом процессе).")
@voice_options
def check(paths: tuple[str, ...], output_format: str, select: tuple[str, ...], extend_select: tuple[str, ...],
          ignore: tuple[str, ...], fail_on: str | None, fail_under: float | None, exit_zero: bool,
          show_statistics: bool, config_file: str | None, isolated: bool, platform: str | None,
          stdin_filename: str | None, apply_fixes: bool, unsafe_fixes: bool, show_diff: bool,
          show_fixes: bool, add_ignore: bool, color: str, jobs: int | None, author: str | None,
          we: bool | None) -> None:
    """Проверить тексты: файлы, папки или «-» для stdin."""
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            _fail("укажите файл, папку или «-» для чтения из stdin (kanclint --help)")
        paths = ("-",)
    files, errors = _collect(paths)
    reports: list[Report] = []
    configs: list[Config] = []
    overrides = _overrides(select, extend_select, ignore, fail_on, fail_under, platform) | voice_overrides(author, we)
    if not (apply_fixes or show_diff or add_ignore or "-" in files):
        # Plain checking streams: each report is printed as soon as it and those before it are ready.
        # Fixing stays serial in this process: it writes files, and its messages interleave with reports.
        _check_streamed(files, errors, overrides, config_file, isolated, output_format, show_statistics,
                        exit_zero, jobs, use_color(color))
    linter = Linter()  # this run's kanclint: the configuration comes per file
    try:
        for f in files:
            name = stdin_filename or "<stdin>" if f == "-" else f
            raw = b""
            try:
                raw = _read_bytes(f, name)
                decoded = decode(raw, name)
            except InputError as exc:
                errors.append((name, str(exc)))
                if f == "-" and apply_fixes and not show_diff and output_format != "json":
                    _echo_fixed(None, None, raw)  # a filter gives back what it cannot check, unchanged
                continue
            cfg = config_mod.with_overrides(
                _base_config(stdin_filename if f == "-" else f, config_file, isolated), **overrides
            )
            report_path = None if name == "<stdin>" else name
            if apply_fixes or show_diff:
                fixed = _fix_one(linter, f, name, decoded, raw, cfg, unsafe_fixes=unsafe_fixes, show_diff=show_diff,
                                 show_fixes=show_fixes, output_format=output_format, errors=errors)
                if fixed is None:
                    continue
                reports.append(fixed)
            else:
                reports.append(linter.lint(decoded.text, config=cfg, path=report_path))
            configs.append(cfg)
    except (ConfigError, PluginError, InternalError) as exc:
        _fail(str(exc))
    if add_ignore:
        _finish_add_ignore(reports, errors)
    if show_diff:  # the diff is the whole output; the report of the unfixed text would only repeat it
        for _, message in errors:
            click.echo(f"kanclint: {message}", err=True)
    else:
        # ``--fix -`` is a filter: stdout carries the fixed text alone (or, with json, the report alone)
        to_stderr = apply_fixes and "-" in files and output_format != "json"
        _print(reports, errors, output_format, show_statistics, err=to_stderr,
               color=use_color(color) and not to_stderr)
    sys.exit(_exit_code(reports, configs, errors, exit_zero))


def _overrides(select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...],
               fail_on: str | None, fail_under: float | None, platform: str | None) -> dict[str, Any]:
    """The options given on the command line, which win over every configuration file."""
    return dict(
        select=config_mod.codes(select) or None, extend_select=config_mod.codes(extend_select) or None,
        ignore=config_mod.codes(ignore) or None, fail_on=fail_on, fail_under=fail_under, platform=platform,
    )


def _fix_one(linter: Linter, f: str, name: str, decoded: Decoded, raw: bytes, cfg: Config, *, unsafe_fixes: bool, show_diff: bool,
             show_fixes: bool, output_format: str, errors: list[tuple[str, str]]) -> Report | None:
    """Fix one input (write it, print it as a filter or as a diff) and lint the result; None if it could not be written."""
    report_path = None if name == "<stdin>" else name
    skipped: dict[tuple[str, str], None] = {}
    result = linter.fix(decoded.text, unsafe=unsafe_fixes, config=cfg, path=report_path,
                        accept=_storable_fixes(decoded.encoding, unsafe_fixes, skipped))
    for code, char in skipped:
        click.echo(f"kanclint: {name}: исправление {code} пропущено: символ {char_name(char)} "
                   f"нельзя записать в кодировке {decoded.encoding}", err=True)
    if show_diff:
        _echo_diff(name, decoded.text, result.text)
    elif f == "-":
        if output_format != "json":
            _echo_fixed(result.text if result.changed else None, decoded, raw)
    elif result.changed:
        try:
            write_atomic(Path(f), result.text, decoded, raw)
        except InputError as exc:
            errors.append((name, str(exc)))
            return None
    if show_fixes and result.applied:
        click.echo(_fixes_summary(name, decoded.text, result.applied), err=f == "-" or show_diff)
    return linter.lint(result.text if not show_diff else decoded.text, config=cfg, path=report_path)


def _finish_add_ignore(reports: list[Report], errors: list[tuple[str, str]]) -> None:
    """``--add-ignore``: write the baseline, report errors, exit 2 on any, else 0."""
    try:
        added = _add_ignores(reports)
    except ConfigError as exc:
        errors.append(("", str(exc)))
    else:
        click.echo(f"kanclint: в .kanclint-ignore.toml записано замечаний: {added}", err=True)
    for _, message in errors:
        click.echo(f"kanclint: {message}", err=True)
    sys.exit(2 if errors else 0)


def _jobs(value: int | None) -> int | None:
    if value is not None and value < 1:
        raise click.BadParameter("нужно целое число не меньше 1")
    return value


def _check_streamed(files: list[str], errors: list[tuple[str, str]], overrides: dict[str, Any],
                    config_file: str | None, isolated: bool, output_format: str, show_statistics: bool,
                    exit_zero: bool, jobs: int | None, color: bool) -> None:
    """Check ``files`` on ``jobs`` processes and print each report in input order as it is ready; exits.

    Configurations are resolved first, here and in order, so a broken config file stops
    the run before any output, as it always did; only reading and linting run in workers.
    """

    configs: list[Config] = []
    reports: list[Report] = []
    loaded: dict[str | None, Config] = {}
    todo: list[Job] = []
    try:
        for f in files:
            cfg = config_mod.with_overrides(_base_config_cached(f, config_file, isolated, loaded), **overrides)
            todo.append(Job(f, f, cfg, f))
        printer = _Printer(output_format, color)
        outcomes = run(todo, default_jobs() if jobs is None else jobs, Linter().lint)  # pickled into workers
        with contextlib.closing(outcomes), _progress(len(todo)) as bar:  # closing: a failure stops the workers
            for job, outcome in zip(todo, outcomes):
                if outcome.report is None:
                    errors.append((outcome.name, outcome.error or ""))
                else:
                    reports.append(outcome.report)
                    configs.append(job.config)
                    with bar.external_write_mode(file=sys.stdout):
                        printer.add(outcome.report)
                bar.update()
    except (ConfigError, PluginError, InternalError) as exc:
        _fail(str(exc))
    printer.finish(reports, errors, show_statistics)
    sys.exit(_exit_code(reports, configs, errors, exit_zero))


def _base_config_cached(path: str, config_file: str | None, isolated: bool,
                        loaded: dict[str | None, Config]) -> Config:
    """:func:`_base_config` with each config file parsed once per run (a folder shares one file)."""
    if config_file or isolated:
        key: str | None = "" if isolated and not config_file else config_file
    else:
        found = config_mod.find_config_file(path)
        key = str(found) if found else None
    if key not in loaded:
        loaded[key] = _base_config(path, config_file, isolated)
    return loaded[key]


def _progress(total: int):
    """A progress bar on stderr for a run of several files, only on a terminal and after a second.

    Nothing is drawn when stderr is a pipe or a file, so logs and CI output stay clean;
    the bar never touches stdout, and it disappears when the run ends.
    """
    if total <= 1 or sys.stderr is None or not sys.stderr.isatty():
        return _NoProgress()  # tqdm is not even imported: one file or a pipe is the common case
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: the worker pool may fork after this
    return tqdm(total=total, file=sys.stderr, delay=1.0, leave=False, unit=" файл",
                desc="kanclint", dynamic_ncols=True)


class _NoProgress(contextlib.AbstractContextManager):
    """What :func:`_progress` gives when nothing is drawn: the calls a bar takes, doing nothing."""

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int = 1) -> None:
        return None

    def external_write_mode(self, file: object = None) -> contextlib.AbstractContextManager:
        return contextlib.nullcontext()


class _Printer:
    """Prints reports one by one exactly as :func:`_print` prints them all at the end.

    ``full`` separates reports by a blank line only when there are several, so the first
    report waits until a second one arrives (or the run ends).  Formats that describe
    the whole run at once (json, sarif, junit) are printed at the end.
    """

    STREAMED = {"json-lines": format_json_lines, "github": format_github}

    def __init__(self, output_format: str, color: bool = False) -> None:
        self.output_format = output_format
        self.color = color
        self.held: Report | None = None
        self.count = 0

    def add(self, report: Report) -> None:
        self.count += 1
        fmt = self.output_format
        if fmt in self.STREAMED:
            text = self.STREAMED[fmt]([report], [])
            if text:
                click.echo(text)
        elif fmt not in MACHINE_FORMATS:
            if fmt == "concise":
                click.echo(format_concise(report))
            elif self.count == 1:
                self.held = report
            else:
                if self.held is not None:
                    self._full(self.held)
                    click.echo()
                    self.held = None
                self._full(report)
                click.echo()

    def _full(self, report: Report) -> None:
        click.echo(format_full(report, color=self.color), color=self.color)

    def finish(self, reports: list[Report], errors: list[tuple[str, str]], show_statistics: bool) -> None:
        fmt = self.output_format
        if fmt in self.STREAMED:
            text = self.STREAMED[fmt]([], errors)
            if text:
                click.echo(text)
            for _, message in errors:
                click.echo(f"kanclint: {message}", err=True)
        elif fmt in MACHINE_FORMATS:
            _print(reports, errors, fmt, show_statistics)
        else:
            if self.held is not None:
                self._full(self.held)
            for _, message in errors:
                click.echo(f"kanclint: {message}", err=True)
            if show_statistics:
                click.echo(statistics(reports))


def _storable_fixes(encoding: str, unsafe: bool, skipped: dict[tuple[str, str], None]):
    """A veto for fixes whose replacement the file's encoding cannot store (``None`` for Unicode files).

    A cp1251 draft cannot hold «−» or emoji: that fix is skipped and noted in
    ``skipped`` as (code, character); the other fixes are still applied.
    """

    if codecs.lookup(encoding).name.startswith("utf-"):
        return None

    def accept(d: Diagnostic) -> bool:
        if d.fix is None or (d.fix.applicability is not Applicability.SAFE and not unsafe):
            return True
        for edit in d.fix.edits:
            char = unencodable(edit.replacement, encoding)
            if char is not None:
                skipped.setdefault((d.code, char))
                return False
        return True

    return accept


def _echo_fixed(text: str | None, decoded: Decoded | None, raw: bytes) -> None:
    """Write the fixed stdin text to stdout in the encoding it came in; unchanged input comes back byte for byte."""
    data = raw if text is None or decoded is None else encode_like(text, decoded.encoding, raw)
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stdout (embedding): best effort
        sys.stdout.write(data.decode(decoded.encoding if decoded else "utf-8", "replace"))
    else:
        buffer.write(data)
        buffer.flush()


def _add_ignores(reports: list[Report]) -> int:
    """Baseline: accept every current finding of the checked files."""

    by_file: dict[Path, list[suppression.IgnoreEntry]] = {}
    for r in reports:
        if r.path is None:
            continue
        found = suppression.ignore_file_location(r.path, Path.cwd())
        entries = by_file.setdefault(found, suppression.read_ignore_file(found) if found.exists() else [])
        key = suppression.relative_key(found, r.path)
        for d in r.diagnostics:
            if getattr(rule_by_code(d.code), "suppressible", True):
                entries.append(suppression.IgnoreEntry(key, d.code, d.match,
                                                       suppression.fingerprint(r.text, d.start, d.end)))
    total = 0
    for file, entries in by_file.items():
        suppression.write_ignore_file(file, entries)
        total += len(set(entries))
    return total


def _fixes_summary(name: str, text: str, applied) -> str:
    counts = Counter((d.code, d.name) for d in applied)
    lines = [f"{name}: применено исправлений: {len(applied)}"]
    lines += [f"  {n} × {code} ({rule})" for (code, rule), n in sorted(counts.items())]
    return "\n".join(lines)


def _print(reports: list[Report], errors: list[tuple[str, str]], output_format: str, show_statistics: bool,
           err: bool = False, color: bool = False) -> None:
    if output_format in MACHINE_FORMATS:
        text = MACHINE_FORMATS[output_format](reports, errors)
        if text:
            click.echo(text, err=err)
        for _, message in errors:  # every file not checked is named on stderr, whatever the format
            click.echo(f"kanclint: {message}", err=True)
    else:
        for r in reports:
            if output_format == "full":
                click.echo(format_full(r, color=color), color=color, err=err)
            else:
                click.echo(format_concise(r), err=err)
            if output_format == "full" and len(reports) > 1:
                click.echo(err=err)
        for _, message in errors:
            click.echo(f"kanclint: {message}", err=True)
    if show_statistics and output_format not in MACHINE_FORMATS:
        click.echo(statistics(reports), err=err)


def _exit_code(reports: list[Report], configs: list[Config], errors: list[tuple[str, str]], exit_zero: bool) -> int:
    if errors:
        return 2
    if exit_zero:
        return 0
    for r, cfg in zip(reports, configs):
        if any(d.severity.rank >= cfg.fail_on.rank for d in r.diagnostics):
            return 1
        if cfg.fail_under is not None and (r.score is None or r.score < cfg.fail_under):
            return 1
    return 0


for _command in (rewrite_cmd, gate_cmd, lsp_cmd, rules_cmd, rule_cmd, config_group, dictionaries_group):
    main.add_command(_command)




if __name__ == "__main__":  # pragma: no cover
    main()
