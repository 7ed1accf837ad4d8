"""The score formula: fair to long and short texts, and no category hides another."""

from kanclint.model import Diagnostic, Severity
from kanclint.score import compute


def d(category: str, severity: Severity = Severity.WARNING) -> Diagnostic:
    return Diagnostic("KC199", "x", category, severity, 0, 1, "x", "m")


def test_clean_text_scores_ten():
    assert compute([], 100)[0] == 10.0


def test_one_finding_in_a_long_text_barely_matters():
    assert compute([d("bureaucratese")], 2000)[0] >= 9.8


def test_one_finding_in_a_short_post_costs_but_does_not_sink_it():
    score = compute([d("bureaucratese")], 20)[0]
    assert 6.5 <= score <= 9.0


def test_density_not_count():
    few_long = compute([d("cliche")] * 3, 600)[0]
    few_short = compute([d("cliche")] * 3, 60)[0]
    assert few_long > few_short


def test_a_saturated_category_does_not_hide_another():
    flooded = [d("bureaucratese")] * 200
    alone = compute(flooded, 300)[0]
    with_other = compute(flooded + [d("cliche")] * 5, 300)[0]
    assert with_other < alone
    # and the flooded category alone cannot take the whole score
    assert alone >= 4.0


def test_severity_weights_and_monotonicity():
    base = compute([d("filler", Severity.INFO)], 100)[0]
    assert compute([d("filler", Severity.WARNING)], 100)[0] < base
    assert compute([d("filler", Severity.ERROR)], 100)[0] < compute([d("filler", Severity.WARNING)], 100)[0]
    previous = 10.0
    for n in range(1, 30):
        score = compute([d("filler")] * n, 100)[0]
        assert score <= previous
        previous = score


def test_breakdown_adds_up_and_reasons_name_categories():
    diags = [d("bureaucratese")] * 4 + [d("cliche")] * 2
    score, categories, reasons = compute(diags, 100)
    assert abs(sum(c.penalty for c in categories.values()) - (10 - score)) < 0.06
    assert categories["bureaucratese"].findings == 4 and categories["cliche"].findings == 2
    assert reasons[0].startswith("Канцелярит: 4 находки")


def test_subscores_show_where_points_went_and_multiply_to_the_score():
    from kanclint.score import subscores

    diags = [d("bureaucratese")] * 3 + [d("passive")] * 2 + [d("press-release")]
    groups = subscores(diags, 100)
    assert set(groups) == {"lexicon", "syntax", "structure", "readability"}
    assert groups["readability"] == 10.0 and groups["lexicon"] < groups["syntax"] < 10.0
    product = groups["lexicon"] * groups["syntax"] * groups["structure"] * groups["readability"] / 1000
    assert abs(product - compute(diags, 100)[0]) <= 0.15
