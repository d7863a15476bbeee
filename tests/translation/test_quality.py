"""Quality checks (translate-toolkit's checker, configured per target language)."""

import pytest

from translation.quality import QualityChecker

SOURCE = (
    "Protected areas cover <b>2,500</b> sites; see https://www.cbd.int/ and UNEP/CBD/COP/12/11."
)


def codes(issues):
    return {issue.code: issue.severity for issue in issues}


def test_a_faithful_arabic_translation_has_no_errors():
    target = (
        "تغطي المناطق المحمية <b>2,500</b> موقع؛ انظر https://www.cbd.int/ و UNEP/CBD/COP/12/11."
    )
    assert not [i for i in QualityChecker("ar").check(SOURCE, target) if i.is_error]


@pytest.mark.parametrize(
    ("target", "code"),
    [
        (
            "تغطي المناطق المحمية <b>2,600</b> موقع؛ انظر https://www.cbd.int/ و UNEP/CBD/COP/12/11.",
            "numbers",
        ),
        (
            "تغطي المناطق المحمية 2,500 موقع؛ انظر https://www.cbd.int/ و UNEP/CBD/COP/12/11.",
            "xmltags",
        ),
        (
            "تغطي المناطق المحمية <b>2,500</b> موقع؛ انظر https://cbd.int/ و UNEP/CBD/COP/12/11.",
            "urls",
        ),
        (
            "تغطي المناطق المحمية <b>2,500</b> موقع؛ انظر https://www.cbd.int/ و UNEP/CBD/COP/11/12.",
            "unsymbols",
        ),
    ],
)
def test_errors_are_flagged(target, code):
    found = codes(QualityChecker("ar").check(SOURCE, target))
    assert found.get(code) == "error", found


def test_placeholders_and_do_not_translate_terms_are_errors():
    checker = QualityChecker("fr", ["CBD"])
    found = codes(checker.check("The CBD writes to %(name)s.", "La Convention écrit à %(nom)s."))
    assert found["printf"] == "error" and found["notranslatewords"] == "error"


def test_warnings_do_not_block():
    checker = QualityChecker("fr")
    assert codes(checker.check("Protected areas.", "Protected areas.")) == {"unchanged": "warning"}
    assert codes(checker.check("Sites cover land.", "Les sites sites couvrent")) == {
        "doublewords": "warning",
        "endpunc": "warning",
    }
    assert "long" in codes(checker.check("Hi.", "Bonjour à toutes et à tous, chers collègues ici."))


def test_chinese_end_punctuation_is_understood():
    checker = QualityChecker("zh-hans")
    assert codes(checker.check("Protected areas cover sites.", "保护区覆盖地点。")) == {}
    assert codes(checker.check("Protected areas cover sites.", "保护区覆盖地点")) == {
        "endpunc": "warning"
    }


def test_glossary_misses_are_warnings_and_an_empty_target_has_no_issues():
    checker = QualityChecker("fr")
    issues = checker.check("Protected areas.", "Zones.", glossary_missing=["aires protégées"])
    assert codes(issues)["glossary"] == "warning"
    assert checker.check("Protected areas.", "") == []
