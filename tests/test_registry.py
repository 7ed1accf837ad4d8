"""Rules are found through entry points; a separate distribution's rule is discovered and runs."""

from __future__ import annotations

import textwrap

import pytest
from click.testing import CliRunner

import kanclint
from kanclint.engine import registry
from kanclint.cli import main
from kanclint.engine.config import Config

RULE_MODULE = '''
from kanclint.rules.base import Rule
from kanclint.model import Severity


class Ura(Rule):
    code = "{code}"
    name = "ura-word"
    category = "evaluation"
    severity = Severity.WARNING
    title = "Ура"
    what = "Слово «ура»."
    why = "Тест."
    example = "Ура!"
    instead = "Здорово!"

    def check(self, document):
        for t in document.words:
            if t.key == "ура":
                yield self.diagnostic(document, t.start, t.end, "Лучше «здорово».")


RULES = [Ura]
'''


def make_distribution(tmp_path, name, entry_points, modules):
    """An installed distribution on sys.path: a dist-info folder plus its modules."""
    info = tmp_path / f"{name}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(textwrap.dedent(entry_points), encoding="utf-8")
    for module, source in modules.items():
        (tmp_path / f"{module}.py").write_text(source, encoding="utf-8")


@pytest.fixture
def plugin_path(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    registry.all_rules.cache_clear()
    yield tmp_path
    registry.all_rules.cache_clear()


def test_builtin_rules_come_through_entry_points():
    prefixes = {p.prefix for p in registry.find_plugins() if p.distribution == "kanclint"}
    assert {"KC1", "KC2", "KC3", "KC4"} <= prefixes
    codes = [r.code for r in registry.all_rules()]
    assert codes == sorted(codes) and len(codes) == len(set(codes))


def test_third_party_rule_is_discovered_and_runs(plugin_path):
    make_distribution(
        plugin_path, "kanclint-ura", "[kanclint.rules]\nUR = ura_rules\n",
        {"ura_rules": RULE_MODULE.replace("{code}", "UR101")},
    )
    report = kanclint.lint("Ура, мы открыли каток!", config=Config(select=("UR101",)))
    assert [(d.code, d.match) for d in report.diagnostics] == [("UR101", "Ура")]
    result = CliRunner().invoke(main, ["rules"])
    assert "UR101" in result.output


def test_prefix_collision_names_both_plugins(plugin_path):
    make_distribution(
        plugin_path, "kanclint-evil", "[kanclint.rules]\nKC1 = ura_rules_evil\n",
        {"ura_rules_evil": RULE_MODULE.replace("{code}", "KC150")},
    )
    with pytest.raises(registry.PluginError, match="kanclint-evil.*пересекаются|пересекаются.*kanclint-evil"):
        registry.all_rules()


def test_broken_plugin_is_a_clear_error_not_a_traceback(plugin_path):
    make_distribution(
        plugin_path, "kanclint-broken", "[kanclint.rules]\nBR = broken_rules\n",
        {"broken_rules": "raise ImportError('no module named nlp_magic')\n"},
    )
    result = CliRunner().invoke(main, ["--isolated", "-"], input="Текст поста.")
    assert result.exit_code == 2
    assert "kanclint-broken" in result.output and "nlp_magic" in result.output
    assert "Traceback" not in result.output


def test_rule_code_must_use_the_plugin_prefix(plugin_path):
    make_distribution(
        plugin_path, "kanclint-wrong", "[kanclint.rules]\nWR = ura_rules_wrong\n",
        {"ura_rules_wrong": RULE_MODULE.replace("{code}", "UR101")},
    )
    with pytest.raises(registry.PluginError, match="kanclint-wrong.*UR101.*WR"):
        registry.all_rules()


def test_invalid_rule_attributes_are_reported(plugin_path):
    make_distribution(
        plugin_path, "kanclint-bad", "[kanclint.rules]\nBD = ura_rules_bad\n",
        {"ura_rules_bad": RULE_MODULE.replace("{code}", "BD1").replace("ura-word", "Ura Word")},
    )
    with pytest.raises(registry.PluginError, match="kanclint-bad.*не похож на KC101.*не в kebab-case"):
        registry.all_rules()


def test_third_party_dictionary_pack(plugin_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(plugin_path / "cache"))
    pack = plugin_path / "sport_pack"
    pack.mkdir()
    (pack / "__init__.py").write_text("", encoding="utf-8")
    (pack / "sport.toml").write_text(textwrap.dedent('''
        [rule]
        code = "SP101"
        name = "sport-jargon"
        category = "bureaucratese"
        severity = "info"
        title = "Спортивный канцелярит"
        what = "w"
        why = "y"
        example = "e"
        instead = "i"

        [[entry]]
        id = "fizkult"
        pattern = "{физкультурно-оздоровительный} {комплекс}"
        replacements = ["{спорткомплекс@2}"]
        examples = [
          { bad = "Открыли [физкультурно-оздоровительный комплекс].", fix = "Открыли спорткомплекс." },
          { good = "Открыли спорткомплекс." },
        ]
        '''), encoding="utf-8")
    make_distribution(plugin_path, "kanclint-sport", "[kanclint.dictionaries]\nSP = sport_pack\n", {})
    report = kanclint.lint("Открыли физкультурно-оздоровительный комплекс.", config=Config(select=("SP",)))
    assert [d.code for d in report.diagnostics] == ["SP101"]
