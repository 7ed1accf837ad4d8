"""The subcommands besides check: rewrite, gate, lsp, rules, rule, config show, dictionaries check."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kanclint.cli.common import _base_config, _collect, _echo_diff, _fail, _read, voice_options, voice_overrides
from kanclint.cli.help import RussianCommand, RussianGroup
from kanclint.dictionaries import DictionaryError, builtin_files, read_dictionary
from kanclint.docs import rule_markdown
from kanclint.engine import config as config_mod
from kanclint.engine.config import Config, ConfigError
from kanclint.engine.registry import PluginError, all_rules, rule_by_code
from kanclint.engine.fixes import FixResult
from kanclint.engine.linter import Linter
from kanclint.engine.running import InternalError
from kanclint.files.inputs import (
    InputError,
)
from kanclint.gate import gate
from kanclint.model import Severity
from kanclint.output import use_color
from kanclint.output.rewrite import format_rewrite, rewrite_json
from kanclint.rules.phrases import example_problems
from kanclint.text.morphology import parse
from kanclint.text.russian import plural


@click.command("rewrite", cls=RussianCommand)
@click.argument("path", metavar="ПУТЬ")
@click.option("--safe-only", is_flag=True, help="Только безопасные исправления, без тех, что нужно проверить.")
@click.option("--diff", "show_diff", is_flag=True, help="Показать только diff исправлений.")
@click.option("--no-marks", is_flag=True, help="Текст без пометок ⟦…⟧ на местах изменений.")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text",
              help="Формат вывода (по умолчанию text).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, metavar="ФАЙЛ",
              help="Файл настроек (kanclint.toml или pyproject.toml) вместо найденного рядом.")
@click.option("--isolated", is_flag=True, help="Не читать файлы настроек и .kanclint-ignore.toml.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              help="Цвет пометок (auto, по умолчанию: только в терминале и без NO_COLOR).")
@voice_options
def rewrite_cmd(path: str, safe_only: bool, show_diff: bool, no_marks: bool, output_format: str,
                config_file: str | None, isolated: bool, color: str, author: str | None, we: bool | None) -> None:
    """Переписать черновик: все исправления сразу, с пометками ⟦безопасно⟧ и ⟦?проверьте⟧,
    оценкой до и после и советами, которые нельзя применить автоматически. Файл не меняется."""
    try:
        _, decoded = _read(path, path)
    except InputError as exc:
        _fail(str(exc))
    where = None if path == "-" else path
    try:
        cfg = config_mod.with_overrides(_base_config(path, config_file, isolated), **voice_overrides(author, we))
        linter = Linter(cfg)
        before_score = linter.lint(decoded.text, path=where).score
        result = linter.fix(decoded.text, unsafe=not safe_only, path=where)
        after = linter.lint(result.text, path=where)
        voice = (None, 0) if safe_only else more_in_own_voice(linter, cfg, decoded.text, result, where)
    except (ConfigError, PluginError, InternalError) as exc:
        _fail(str(exc))
    if show_diff:
        _echo_diff("-" if path == "-" else path, decoded.text, result.text)
        return
    if output_format == "json":
        more = {"author": voice[0], "we": voice[0] is None, "changes": voice[1]} if voice[1] else None
        report = rewrite_json(path, result, before_score, after, safe_only) | {"more_in_own_voice": more}
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    click.echo(format_rewrite(result, before_score, after, color=use_color(color), marks=not no_marks,
                              own_voice=voice))


def more_in_own_voice(linter: Linter, cfg: Config, text: str, result: FixResult,
                      where: str | None) -> tuple[str | None, int]:
    """Who may be writing (an ``--author`` to try, or None for ``--we``) and how many more changes
    the rewrite would make in that voice.

    Without ``author`` or ``we`` kanclint cannot tell whose page it is, so «Администрацией района
    закуплены скамейки» stays; instead of guessing, the rewrite names the body the post speaks of
    in the third person (KC304) and says how much ``--author`` would add.  Only worth the extra
    passes when some advice is about the organisation's own voice.
    """
    if cfg.author or cfg.we or not any(d.code in _VOICE_CODES for d in result.remaining):
        return None, 0
    named = [_subject_name(d.match) for d in result.remaining if d.code == "KC304"]
    best: tuple[str | None, int] = (None, 0)
    for author in [*dict.fromkeys(n for n in named if n)][:2] + [None]:
        voice = {"author": author} if author else {"we": True}
        ours = linter.fix(text, unsafe=True, config=config_mod.with_overrides(cfg, **voice), path=where)
        more = len(ours.changes) - len(result.changes)
        if more > best[1]:
            best = (author, more)
    return best


def _subject_name(match: str) -> str | None:
    """«Администрация Кемского района провела» (KC304's span: the name, then its verb) → the name.

    The span may run on past the verb («Администрация района доводит до вашего сведения, что
    запись»), so the name ends before the first word read as a verb, not before the last word.
    """
    words = match.split()
    if len(match) > 200:
        return None
    for i, word in enumerate(words[1:], start=1):
        readings = parse(word.strip(",.;:!?"))
        if readings and readings[0].pos in _VERB_POS:
            return " ".join(words[:i])
    return None


_VERB_POS = frozenset({"VERB", "INFN", "PRTS"})


_VOICE_CODES = frozenset({"KC201", "KC304"})  # their advice says «if the organisation writes, write «мы»»


@click.command("gate", cls=RussianCommand)
@click.argument("paths", nargs=-1, required=True, metavar="ПУТЬ...")
@click.option("--min-score", type=click.FloatRange(0, 10), default=None, metavar="ОЦЕНКА",
              help="Порог оценки от 0 до 10 (по умолчанию fail-under из настроек или 7.0).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, metavar="ФАЙЛ",
              help="Файл настроек (kanclint.toml или pyproject.toml) вместо найденного рядом.")
@click.option("--isolated", is_flag=True, help="Не читать файлы настроек и .kanclint-ignore.toml.")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text",
              help="Формат вывода: text — вердикт по строке на файл, json — для CMS и ботов.")
@voice_options
def gate_cmd(paths: tuple[str, ...], min_score: float | None, config_file: str | None, isolated: bool,
             output_format: str, author: str | None, we: bool | None) -> None:
    """Проверка перед публикацией: код 1, если оценка ниже порога или есть ошибки."""


    files, errors = _collect(paths)
    if not files and not errors:
        sys.exit(2)  # a gate that checked nothing must not look passed
    failed = False
    verdicts = []
    for f in files:
        try:
            _, decoded = _read(f, f)
            cfg = config_mod.with_overrides(_base_config(f, config_file, isolated), **voice_overrides(author, we))
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


@click.command("lsp", cls=RussianCommand)
def lsp_cmd() -> None:
    """Языковой сервер для редакторов (LSP через stdio)."""
    try:
        from kanclint.lsp import serve
    except ImportError as exc:  # pygls is an optional extra
        _fail(f"для режима LSP нужен pygls ({exc}); установите его из папки с исходниками kanclint: "
              'pip install -e ".[lsp]"')
    serve()


@click.command("rules", cls=RussianCommand)
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text",
              help="Формат вывода (по умолчанию text).")
def rules_cmd(output_format: str) -> None:
    """Список правил."""


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
        extra = f" ({plural(n, 'запись', 'записи', 'записей')})" if n else ""
        click.echo(f"{r.code}  {r.name:<24} {Severity.parse(r.severity).value:<8} {r.title}{extra}")


@click.command("rule", cls=RussianCommand)
@click.argument("code", metavar="КОД")
def rule_cmd(code: str) -> None:
    """Объяснить правило: что ищет, чем вредит, пример и как лучше."""

    try:
        rule = rule_by_code(code)
    except PluginError as exc:
        _fail(str(exc))
    if rule is None:
        _fail(f"правило «{code}» не найдено; список: kanclint rules")
    click.echo(rule_markdown(rule, max_entries=15))


@click.group("config", cls=RussianGroup)
def config_group() -> None:
    """Настройки."""


@config_group.command("show")
@click.argument("path", required=False, metavar="[ПУТЬ]")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, metavar="ФАЙЛ",
              help="Файл настроек (kanclint.toml или pyproject.toml) вместо найденного рядом.")
@click.option("--isolated", is_flag=True, help="Не читать файлы настроек и .kanclint-ignore.toml.")
def config_show(path: str | None, config_file: str | None, isolated: bool) -> None:
    """Показать итоговые настройки для файла или текущей папки."""

    try:
        cfg = _base_config(path, config_file, isolated)
    except (ConfigError, PluginError) as exc:
        _fail(str(exc))
    click.echo(json.dumps(cfg.to_dict(), ensure_ascii=False, indent=2))


@click.group("dictionaries", cls=RussianGroup)
def dictionaries_group() -> None:
    """Словари: проверка записей и примеров."""


@dictionaries_group.command("check")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False), metavar="[ФАЙЛ]...")
def dictionaries_check(files: tuple[str, ...]) -> None:
    """Проверить словари: схему, шаблоны и все примеры каждой записи."""

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
        click.echo(f"{path}: {d.spec.code} {d.spec.name}: {plural(len(d.entries), 'запись', 'записи', 'записей')}, "
                   f"с заменой {with_repl}, ошибок {len(problems)}")
    sys.exit(1 if failed else 0)
