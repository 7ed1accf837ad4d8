"""The command line: a thin shell that turns options into a Config and prints Reports.

``kanclint draft.txt`` is ``kanclint check draft.txt``; other subcommands list
and explain rules, show the resolved configuration and check dictionaries.
Exit codes: 0 clean, 1 findings at or above ``--fail-on`` (or a score under
``--fail-under``), 2 usage, configuration, input or internal errors.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from . import config as config_mod
from .config import Config, ConfigError
from .engine import InternalError, fix as fix_text, lint
from .inputs import Decoded, InputError, decode
from .model import Report, Severity
from .output import FORMATS, format_concise, format_full, format_json, statistics, use_color
from .output.machine import format_github, format_json_lines, format_junit, format_sarif
from .registry import PluginError
from .writer import write_atomic

MACHINE_FORMATS = {
    "json": format_json, "json-lines": format_json_lines, "github": format_github,
    "sarif": format_sarif, "junit": format_junit,
}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


class DefaultGroup(click.Group):
    """Route ``kanclint PATH…`` to ``kanclint check PATH…``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kanclint")
def main() -> None:
    """kanclint — проверка постов госпабликов на канцелярит и стиль пресс-релиза."""


def _fail(message: str) -> None:
    click.echo(f"kanclint: {message}", err=True)
    sys.exit(2)


def _collect(paths: tuple[str, ...]) -> tuple[list[str], list[tuple[str, str]]]:
    files: list[str] = []
    errors: list[tuple[str, str]] = []
    for raw in paths:
        if raw == "-":
            files.append("-")
            continue
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            files.extend(str(f) for f in found)
        elif p.exists():
            files.append(str(p))
        else:
            errors.append((raw, f"{raw}: файл не найден"))
    return files, errors


def _read(f: str, name: str) -> tuple[bytes, "Decoded"]:
    """Raw bytes and decoded text of a path or of stdin («-»); every failure is an InputError."""
    try:
        raw = sys.stdin.buffer.read() if f == "-" else Path(f).read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: не удалось прочитать: {exc.strerror or exc}") from None
    return raw, decode(raw, name)


def _base_config(path: str | None, config_file: str | None, isolated: bool) -> Config:
    if config_file:
        return config_mod.load_config(config_file)
    if isolated:
        return Config(use_ignore_file=False)
    found = config_mod.find_config_file(path if path and path != "-" else Path.cwd())
    return config_mod.load_config(found) if found else Config()


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--output-format", type=click.Choice(FORMATS), default="full", show_default=True,
              help="Формат вывода.")
@click.option("--select", multiple=True, help="Включить только эти правила (код, префикс, имя или ALL).")
@click.option("--extend-select", multiple=True, help="Включить правила дополнительно.")
@click.option("--ignore", multiple=True, help="Выключить правила.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="С какого уровня замечаний код выхода 1 (по умолчанию warning).")
@click.option("--fail-under", type=click.FloatRange(0, 10), default=None,
              help="Код выхода 1, если оценка ниже порога.")
@click.option("--exit-zero", is_flag=True, help="Всегда код выхода 0, если не было ошибок.")
@click.option("--statistics", "show_statistics", is_flag=True, help="Сводка: сколько раз сработало каждое правило.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help="Файл настроек.")
@click.option("--isolated", is_flag=True, help="Не читать файлы настроек.")
@click.option("--platform", type=click.Choice(config_mod.PLATFORMS), default=None, help="Площадка поста.")
@click.option("--stdin-filename", default=None, help="Имя файла для текста из stdin (для настроек).")
@click.option("--fix", "apply_fixes", is_flag=True, help="Применить безопасные исправления.")
@click.option("--unsafe-fixes", is_flag=True, help="С --fix или --diff: применять и исправления, требующие проверки.")
@click.option("--diff", "show_diff", is_flag=True, help="Показать исправления как diff, ничего не записывая.")
@click.option("--show-fixes", is_flag=True, help="Перечислить применённые исправления.")
@click.option("--add-ignore", is_flag=True,
              help="Принять все текущие замечания: записать их в .kanclint-ignore.toml.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Цвет в формате full (auto: только в терминале и без NO_COLOR).")
def check(paths: tuple[str, ...], output_format: str, select: tuple[str, ...], extend_select: tuple[str, ...],
          ignore: tuple[str, ...], fail_on: str | None, fail_under: float | None, exit_zero: bool,
          show_statistics: bool, config_file: str | None, isolated: bool, platform: str | None,
          stdin_filename: str | None, apply_fixes: bool, unsafe_fixes: bool, show_diff: bool,
          show_fixes: bool, add_ignore: bool, color: str) -> None:
    """Проверить тексты: файлы, папки или «-» для stdin."""
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            _fail("укажите файл, папку или «-» для чтения из stdin (kanclint --help)")
        paths = ("-",)
    files, errors = _collect(paths)
    reports: list[Report] = []
    configs: list[Config] = []
    overrides: dict[str, Any] = dict(
        select=config_mod.codes(select) or None, extend_select=config_mod.codes(extend_select) or None,
        ignore=config_mod.codes(ignore) or None, fail_on=fail_on, fail_under=fail_under, platform=platform,
    )
    try:
        for f in files:
            name = stdin_filename or "<stdin>" if f == "-" else f
            try:
                raw, decoded = _read(f, name)
            except InputError as exc:
                errors.append((name, str(exc)))
                continue
            cfg = config_mod.with_overrides(
                _base_config(stdin_filename if f == "-" else f, config_file, isolated), **overrides
            )
            report_path = None if name == "<stdin>" else name
            if apply_fixes or show_diff:
                result = fix_text(decoded.text, unsafe=unsafe_fixes, config=cfg, path=report_path)
                if show_diff:
                    _echo_diff(name, decoded.text, result.text)
                elif result.changed:
                    if f == "-":
                        sys.stdout.write(result.text)
                    else:
                        try:
                            write_atomic(Path(f), result.text, decoded, raw)
                        except InputError as exc:
                            errors.append((name, str(exc)))
                            continue
                if show_fixes and result.applied:
                    click.echo(_fixes_summary(name, decoded.text, result.applied), err=f == "-")
                reports.append(lint(result.text if not show_diff else decoded.text, config=cfg, path=report_path))
            else:
                reports.append(lint(decoded.text, config=cfg, path=report_path))
            configs.append(cfg)
    except (ConfigError, PluginError, InternalError) as exc:
        _fail(str(exc))
    if add_ignore:
        added = _add_ignores(reports)
        click.echo(f"kanclint: в .kanclint-ignore.toml записано замечаний: {added}", err=True)
        sys.exit(2 if errors else 0)
    _print(reports, errors, output_format, show_statistics, use_color(color))
    sys.exit(_exit_code(reports, configs, errors, exit_zero))


def _add_ignores(reports: list[Report]) -> int:
    """Baseline: accept every current finding of the checked files."""
    from . import suppression

    by_file: dict[Path, list[suppression.IgnoreEntry]] = {}
    for r in reports:
        if r.path is None:
            continue
        found = suppression.find_ignore_file(r.path)
        if found is None:
            cfg_file = config_mod.find_config_file(r.path)
            found = (cfg_file.parent if cfg_file else Path.cwd()) / suppression.IGNORE_FILE
        entries = by_file.setdefault(found, suppression.read_ignore_file(found) if found.exists() else [])
        key = suppression.relative_key(found, r.path)
        for d in r.diagnostics:
            if d.code != "KC001":
                entries.append(suppression.IgnoreEntry(key, d.code, d.match,
                                                       suppression.fingerprint(r.text, d.start, d.end)))
    total = 0
    for file, entries in by_file.items():
        suppression.write_ignore_file(file, entries)
        total += len(set(entries))
    return total


def _echo_diff(name: str, before: str, after: str) -> None:
    import difflib

    if before == after:
        return
    diff = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{name}", f"b/{name}"
    )
    click.echo("".join(line if line.endswith("\n") else line + "\n" for line in diff), nl=False)


def _fixes_summary(name: str, text: str, applied) -> str:
    from collections import Counter

    counts = Counter((d.code, d.name) for d in applied)
    lines = [f"{name}: применено исправлений: {len(applied)}"]
    lines += [f"  {n} × {code} ({rule})" for (code, rule), n in sorted(counts.items())]
    return "\n".join(lines)


def _print(reports: list[Report], errors: list[tuple[str, str]], output_format: str, show_statistics: bool,
           color: bool = False) -> None:
    if output_format in MACHINE_FORMATS:
        text = MACHINE_FORMATS[output_format](reports, errors)
        if text:
            click.echo(text)
        if output_format in ("json-lines", "github"):
            for _, message in errors:
                click.echo(f"kanclint: {message}", err=True)
    else:
        for r in reports:
            if output_format == "full":
                click.echo(format_full(r, color=color), color=color)
            else:
                click.echo(format_concise(r))
            if output_format == "full" and len(reports) > 1:
                click.echo()
        for _, message in errors:
            click.echo(f"kanclint: {message}", err=True)
    if show_statistics and output_format not in MACHINE_FORMATS:
        click.echo(statistics(reports))


def _exit_code(reports: list[Report], configs: list[Config], errors: list[tuple[str, str]], exit_zero: bool) -> int:
    if errors:
        return 2
    if exit_zero:
        return 0
    for r, cfg in zip(reports, configs):
        if any(d.severity.rank >= cfg.fail_on.rank for d in r.diagnostics):
            return 1
        if cfg.fail_under is not None and r.score < cfg.fail_under:
            return 1
    return 0


@main.command("rewrite")
@click.argument("path")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None)
@click.option("--isolated", is_flag=True)
def rewrite_cmd(path: str, output_format: str, config_file: str | None, isolated: bool) -> None:
    """Переписать черновик: все исправления сразу и советы, которые нельзя применить автоматически."""
    import json

    from .model import line_column

    try:
        _, decoded = _read(path, path)
    except InputError as exc:
        _fail(str(exc))
    try:
        cfg = _base_config(path, config_file, isolated)
        result = fix_text(decoded.text, unsafe=True, config=cfg, path=None if path == "-" else path)
        after = lint(result.text, config=cfg, path=None if path == "-" else path)
        before_score = lint(decoded.text, config=cfg, path=None if path == "-" else path).score
    except (ConfigError, PluginError, InternalError) as exc:
        _fail(str(exc))
    advice = [d for d in after.diagnostics]
    if output_format == "json":
        click.echo(json.dumps({
            "schema": "kanclint-rewrite/1", "path": path, "text": result.text,
            "score_before": before_score, "score_after": after.score,
            "applied": [{"code": d.code, "match": d.match, "fix": d.fix.to_dict() if d.fix else None}
                        for d in result.applied],
            "advice": [d.to_dict(result.text) for d in advice],
        }, ensure_ascii=False, indent=2))
        return
    click.echo(result.text.rstrip("\n"))
    click.echo()
    click.echo(f"— оценка: {before_score:.1f} → {after.score:.1f}; исправлений: {len(result.applied)}")
    if advice:
        click.echo("— что ещё поправить вручную:")
        for d in advice:
            line, col = line_column(result.text, d.start)
            where = f"{line}:{col}" + (f" «{d.match}»" if d.match and len(d.match) < 60 else "")
            click.echo(f"  {where}: {d.code} {d.message}")


@main.command("gate")
@click.argument("paths", nargs=-1, required=True)
@click.option("--min-score", type=click.FloatRange(0, 10), default=None,
              help="Порог оценки (по умолчанию fail-under из настроек или 7.0).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None)
@click.option("--isolated", is_flag=True)
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text")
def gate_cmd(paths: tuple[str, ...], min_score: float | None, config_file: str | None, isolated: bool,
             output_format: str) -> None:
    """Проверка перед публикацией: код 1, если оценка ниже порога или есть ошибки."""
    import json

    from .gate import gate

    files, errors = _collect(paths)
    failed = False
    verdicts = []
    for f in files:
        try:
            _, decoded = _read(f, f)
            cfg = _base_config(f, config_file, isolated)
            verdict = gate(decoded.text, min_score=min_score, config=cfg, path=None if f == "-" else f)
        except InputError as exc:
            errors.append((f, str(exc)))
            continue
        except (ConfigError, PluginError, InternalError) as exc:
            _fail(str(exc))
        failed |= not verdict.passed
        verdicts.append({"path": f, **verdict.to_dict()})
        if output_format == "text":
            mark = "✓" if verdict.passed else "✗"
            click.echo(f"{mark} {f}: {verdict.explanation}")
    if output_format == "json":
        click.echo(json.dumps({"schema": "kanclint-gate/1", "files": verdicts}, ensure_ascii=False, indent=2))
    for _, message in errors:
        click.echo(f"kanclint: {message}", err=True)
    sys.exit(2 if errors else (1 if failed else 0))


@main.command("lsp")
def lsp_cmd() -> None:
    """Языковой сервер для редакторов (LSP через stdio)."""
    try:
        from .lsp import serve
    except ImportError as exc:  # pygls is an optional extra
        _fail(f"для режима LSP установите pygls: pip install 'kanclint[lsp]' ({exc})")
    serve()


@main.command("rules")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text")
def rules_cmd(output_format: str) -> None:
    """Список правил."""
    import json

    from .registry import all_rules

    try:
        rules = all_rules()
    except PluginError as exc:
        _fail(str(exc))
    if output_format == "json":
        click.echo(json.dumps([
            {"code": r.code, "name": r.name, "category": r.category, "severity": Severity.parse(r.severity).value,
             "title": r.title} for r in rules], ensure_ascii=False, indent=2))
        return
    for r in rules:
        n = len(getattr(r, "entries", ()))
        extra = f" ({n} записей)" if n else ""
        click.echo(f"{r.code}  {r.name:<24} {Severity.parse(r.severity).value:<8} {r.title}{extra}")


@main.command("rule")
@click.argument("code")
def rule_cmd(code: str) -> None:
    """Объяснить правило: что ищет, чем вредит, пример и как лучше."""
    from .docs import rule_markdown
    from .registry import rule_by_code

    try:
        rule = rule_by_code(code)
    except PluginError as exc:
        _fail(str(exc))
    if rule is None:
        _fail(f"правило «{code}» не найдено; список: kanclint rules")
    click.echo(rule_markdown(rule, max_entries=15))


@main.group("config")
def config_group() -> None:
    """Настройки."""


@config_group.command("show")
@click.argument("path", required=False)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None)
@click.option("--isolated", is_flag=True)
def config_show(path: str | None, config_file: str | None, isolated: bool) -> None:
    """Показать итоговые настройки для файла или текущей папки."""
    import json

    try:
        cfg = _base_config(path, config_file, isolated)
    except (ConfigError, PluginError) as exc:
        _fail(str(exc))
    click.echo(json.dumps(cfg.to_dict(), ensure_ascii=False, indent=2))


@main.group("dictionaries")
def dictionaries_group() -> None:
    """Словари: проверка записей и примеров."""


@dictionaries_group.command("check")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
def dictionaries_check(files: tuple[str, ...]) -> None:
    """Проверить словари: схему, шаблоны и все примеры каждой записи."""
    from .dictionaries import DictionaryError, builtin_files, example_problems, read_dictionary

    paths = [Path(f) for f in files] or builtin_files()
    total = 0
    failed = 0
    for path in paths:
        try:
            d = read_dictionary(path)
        except DictionaryError as exc:
            click.echo(str(exc), err=True)
            failed += 1
            continue
        problems = list(d.problems)
        for entry in d.entries:
            problems.extend(example_problems(d.spec, entry))
        total += len(d.entries)
        for p in problems:
            click.echo(p)
        failed += len(problems)
        with_repl = sum(1 for e in d.entries if e.replacements)
        click.echo(f"{path}: {d.spec.code} {d.spec.name}: записей {len(d.entries)}, с заменой {with_repl}, ошибок {len(problems)}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
