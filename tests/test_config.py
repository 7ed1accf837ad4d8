from pathlib import Path

import pytest

import kanclint
from kanclint.engine.config import Config, ConfigError, find_config_file, from_mapping, is_enabled, load_config
from kanclint.engine.registry import all_rules, rule_by_code


def rule(code):
    r = rule_by_code(code)
    assert r is not None
    return r


def test_found_by_walking_up_and_pyproject_needs_tool_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname='x'\n", encoding="utf-8")
    sub = tmp_path / "posts" / "2026"
    sub.mkdir(parents=True)
    draft = sub / "draft.txt"
    draft.write_text("Текст.", encoding="utf-8")
    assert find_config_file(draft) is None or find_config_file(draft).parent != tmp_path
    (tmp_path / "pyproject.toml").write_text("[tool.kanclint]\nignore = ['KC401']\n", encoding="utf-8")
    assert find_config_file(draft) == tmp_path / "pyproject.toml"
    (tmp_path / "posts" / "kanclint.toml").write_text("select = ['KC4']\n", encoding="utf-8")
    assert find_config_file(draft) == tmp_path / "posts" / "kanclint.toml"
    cfg = load_config(tmp_path / "posts" / "kanclint.toml")
    assert cfg.select == ("KC4",) and cfg.source.endswith("kanclint.toml")


@pytest.mark.parametrize(
    "data, message",
    [
        ({"selectt": ["KC1"]}, "неизвестный ключ `selectt`"),
        ({"select": ["ZZ9"]}, "«ZZ9» не совпадает"),
        ({"fail-on": "fatal"}, "fail-on"),
        ({"fail-under": 11}, "fail-under"),
        ({"severity": {"KC401": "loud"}}, "severity"),
        ({"skip": ["comments"]}, "skip"),
        ({"platform": "myspace"}, "platform"),
        ({"author": ""}, "author"),
        ({"author": 5}, "author"),
        ({"we": "yes"}, "we"),
        ({"allow": "данный"}, None),
    ],
)
def test_invalid_values_name_the_key(data, message):
    if message is None:
        assert from_mapping(data, "x.toml").allow == ("данный",)
        return
    with pytest.raises(ConfigError, match=message) as info:
        from_mapping(data, "x.toml")
    assert "x.toml" in str(info.value)


def test_selectors_code_prefix_name_category_all():
    r = rule("KC401")
    for sel in ("ALL", "KC", "KC4", "KC401", "repeated-exclamation", "readability"):
        assert is_enabled(r, Config(select=(sel,))), sel
    assert not is_enabled(r, Config(select=("KC1",)))


def test_most_specific_selector_wins():
    r = rule("KC401")
    assert not is_enabled(r, Config(select=("ALL",), ignore=("KC4",)))
    assert is_enabled(r, Config(select=("KC401",), ignore=("KC4",)))
    assert not is_enabled(r, Config(select=("KC4",), ignore=("KC401",)))
    assert is_enabled(r, Config(select=("KC1",), extend_select=("KC401",)))


def test_per_file_ignores_and_severity_and_allow(tmp_path):
    (tmp_path / "kanclint.toml").write_text(
        "[per-file-ignores]\n'promo/*.txt' = ['KC401']\n[severity]\nKC401 = 'error'\n", encoding="utf-8"
    )
    (tmp_path / "promo").mkdir()
    promo = tmp_path / "promo" / "a.txt"
    plain = tmp_path / "b.txt"
    for p in (promo, plain):
        p.write_text("Ждём всех!!!", encoding="utf-8")
    assert kanclint.lint_file(promo).diagnostics == ()
    d = kanclint.lint_file(plain).diagnostics
    assert [x.code for x in d] == ["KC401"] and d[0].severity.value == "error"


def test_allow_list_accepts_terms():
    cfg = from_mapping({"allow": ["!!!"]})
    assert kanclint.lint("Ждём всех!!!", config=cfg).diagnostics == ()


def test_load_config_errors(tmp_path):
    with pytest.raises(ConfigError, match="не найден"):
        load_config(tmp_path / "nope.toml")
    bad = tmp_path / "kanclint.toml"
    bad.write_text("select = [", encoding="utf-8")
    with pytest.raises(ConfigError, match="kanclint.toml"):
        load_config(bad)


def test_every_rule_is_selectable_by_its_code():
    for r in all_rules():
        assert is_enabled(r, Config(select=(r.code,)))


# -- rule options ------------------------------------------------------------------------------

LONG = " ".join(["слово"] * 22) + "."  # 22 words: over the default 20


def codes(text: str, cfg: Config) -> list[tuple[str, str]]:
    return [(d.code, d.severity.value) for d in kanclint.lint(text, config=cfg).diagnostics]


def test_rule_options_change_thresholds_by_name_or_code(tmp_path):
    default = Config(select=("KC403",), use_ignore_file=False)
    assert codes(LONG, default) == [("KC403", "warning")]
    looser = from_mapping({"select": ["KC403"], "rule-options": {"long-sentence": {"warning-words": 25}}})
    assert codes(LONG, looser) == []
    stricter = from_mapping({"select": ["KC403"], "rule-options": {"KC403": {"error-words": 21}}})
    assert codes(LONG, stricter) == [("KC403", "error")]
    # from a file, and shown by `config show`
    (tmp_path / "kanclint.toml").write_text('[rule-options.genitive-chain]\nmin-chain = 4\n', encoding="utf-8")
    cfg = load_config(tmp_path / "kanclint.toml")
    assert cfg.rule_options == {"KC202": {"min-chain": 4}}
    assert cfg.to_dict()["rule-options"] == {"KC202": {"min-chain": 4}}


def test_genitive_chain_threshold_from_options():
    text = "Проведены мероприятия для обеспечения безопасности дорожного движения населения района."
    base = {"select": ["KC202"]}
    assert [c for c, _ in codes(text, from_mapping(base))] == ["KC202"]
    assert codes(text, from_mapping({**base, "rule-options": {"genitive-chain": {"min-chain": 6}}})) == []


def test_paragraph_length_from_options():
    paragraph = "Мы открыли новый каток во дворе школы. " * 12  # ~470 characters
    base = {"select": ["KC404"]}
    assert codes(paragraph, from_mapping(base)) == []
    tight = from_mapping({**base, "rule-options": {"long-paragraph": {"max-characters": 300}}})
    assert [c for c, _ in codes(paragraph, tight)] == ["KC404"]


@pytest.mark.parametrize(
    "options, message",
    [
        ({"no-such-rule": {"x": 1}}, "rule-options.no-such-rule"),
        ({"long-sentence": {"max": 1}}, "warning-words"),  # the error lists the known options
        ({"passive-voice": {"x": 1}}, "нет настроек"),
        ({"long-sentence": {"warning-words": 0}}, "положительное число"),
        ({"long-sentence": {"warning-words": "20"}}, "положительное число"),
        ({"long-sentence": {"warning-words": 20.5}}, "целое число"),
        ({"long-sentence": 5}, "таблица настроек"),
    ],
)
def test_bad_rule_options_name_the_key(options, message):
    with pytest.raises(ConfigError) as exc:
        from_mapping({"rule-options": options}, "kanclint.toml")
    assert message in str(exc.value) and "kanclint.toml" in str(exc.value)


def test_every_option_names_an_existing_default():
    for rule in all_rules():
        for key, attr in getattr(rule, "options", {}).items():
            assert key == key.lower() and " " not in key
            assert isinstance(getattr(rule, attr), (int, float))


def test_author_and_we_reach_the_document():
    """Rewrites read Document.speaks_as_we; the key must travel from the file to the rules."""
    from kanclint.engine.running import prepare_document
    cfg = from_mapping({"author": "  Администрация   района ", "we": False}, "x.toml")
    assert cfg.author == "Администрация района"
    doc = prepare_document("Текст.", cfg)
    assert doc.author == "Администрация района" and doc.speaks_as_we
    assert not prepare_document("Текст.", Config()).speaks_as_we
    assert prepare_document("Текст.", Config(we=True)).speaks_as_we
