"""The engine on the demonstration models: order, batching, Argos parity, pivot, memory."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from translation.demo_models.builder import build_demo_package
from translation.engine import packages
from translation.engine.errors import (
    EmptyInputError,
    MissingModelError,
    OversizeInputError,
    UnknownLanguageError,
    UnknownPairError,
)
from translation.engine.glossary import Glossary, GlossaryEntry, seed_glossary
from translation.engine.languages import argos_code
from translation.engine.runtime import LoadedModel
from translation.engine.translator import FLAG_MEMORY, Engine, memory_key

from .argos_process import argos_translate

# Plain sentences: no abbreviations or URLs, where our splitter is deliberately smarter
# than the splitter shipped in the packages, and no "_" (Argos turns it into a space).
PARITY_CORPUS = {
    ("en", "fr"): [
        "Hello world.",
        "The Convention on Biological Diversity adopted the Aichi Biodiversity Targets. "
        "National focal points submit reports!",
        "Biodiversity loss is a global risk? Protected areas can help.\nForests and wetlands.",
        "Indigenous peoples and local communities share traditional knowledge with Nagoya.",
        "(biodiversity) data, 2030 goals; marine and coastal areas",
    ],
    ("en", "zh"): [
        "Hello world. The biodiversity report is available online.",
        "Invasive alien species threaten coral reefs! What can we do?",
    ],
    ("en", "ar"): ["Hello world. Welcome to the national portal.", "Biodiversity and climate?"],
    ("en", "ru"): ["The secretariat invites parties to submit information."],
    ("en", "es"): ["The Conference of the Parties adopted decisions. Thank you."],
    ("fr", "en"): ["Bonjour le monde. La biodiversité est importante."],
    ("zh", "en"): ["你好世界。生物多样性公约很重要！"],
    ("ar", "en"): ["مرحبا العالم. التنوع البيولوجي مهم؟"],
    ("ru", "en"): ["Здравствуйте мир. Биоразнообразие и климат."],
    ("es", "en"): ["Hola mundo. La biodiversidad es importante."],
}


def test_outputs_match_argostranslate_sentence_for_sentence(
    engine: Engine, demo_packages_dir: Path, tmp_path: Path
) -> None:
    jobs = [(src, tgt, texts) for (src, tgt), texts in PARITY_CORPUS.items()]
    reference = argos_translate(demo_packages_dir, tmp_path, jobs)
    ours = [engine.translate(texts, src, tgt).outputs for src, tgt, texts in jobs]
    assert ours == reference["outputs"]
    assert reference["outputs"][0][0] == "Bonjour monde."
    # argostranslate kept its files in the scratch folder, and it did load torch.
    assert not (tmp_path / "home" / ".local").exists()
    assert reference["torch_loaded"] is True


def test_engine_never_imports_argostranslate_translate_or_torch(demo_packages_dir: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from translation.engine.translator import Engine\n"
        f"out = Engine(Path({str(demo_packages_dir)!r})).translate(['Hello world.'], 'en', 'fr')\n"
        "assert out.outputs == ['Bonjour monde.'], out.outputs\n"
        "bad = [m for m in ('torch', 'argostranslate.translate', 'stanza', 'spacy') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[3])


def test_list_in_list_out_same_length_and_order(engine: Engine) -> None:
    texts = ["Hello world.", "", "   ", "Biodiversity.", "Hello world.", "Forests\nand water."]
    result = engine.translate(texts, "en", "fr")
    assert result.outputs == [
        "Bonjour monde.",
        "",
        "   ",
        "Biodiversité.",
        "Bonjour monde.",
        "Forêts\net eau.",
    ]
    assert result.segments[1].flags == ("blank",)
    assert "demonstration_model" in result.segments[0].flags
    assert result.demonstration and result.models == ("en-fr 1.0 (demonstration model)",)


def test_django_codes_are_accepted(engine: Engine) -> None:
    assert argos_code("zh-hans") == "zh" and argos_code("fr") == "fr"
    result = engine.translate(["Hello world."], "en", "zh-hans")
    assert result.target == "zh" and result.outputs == ["你好世界。"]


def test_all_sentences_of_a_call_go_to_the_model_in_one_batch(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    original = LoadedModel.translate

    def spy(self: LoadedModel, sentences: list[str]) -> dict:
        calls.append(len(sentences))
        return original(self, sentences)

    monkeypatch.setattr(LoadedModel, "translate", spy)
    texts = [f"Biodiversity report {n}. National data {n}!" for n in range(60)]
    result = engine.translate(texts, "en", "es")
    assert calls == [120]
    assert result.outputs[7] == "Biodiversidad informe 7. Nacional datos 7!"


def test_pivot_goes_through_english(engine: Engine) -> None:
    result = engine.translate(["Bonjour le monde. La biodiversité."], "fr", "ru")
    english = engine.translate(["Bonjour le monde. La biodiversité."], "fr", "en").outputs
    assert english == ["Hello the world. La biodiversity."]
    assert result.outputs == engine.translate(english, "en", "ru").outputs
    assert result.pivot == "en" and "pivot" in result.segments[0].flags
    assert result.models == ("fr-en 1.0 (demonstration model)", "en-ru 1.0 (demonstration model)")


def test_english_leg_is_computed_once_for_several_targets(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    legs: list[tuple[str, str, int]] = []
    original = LoadedModel.translate

    def spy(self: LoadedModel, sentences: list[str]) -> dict:
        legs.append((self.package.source, self.package.target, len(sentences)))
        return original(self, sentences)

    monkeypatch.setattr(LoadedModel, "translate", spy)
    texts = ["La biodiversité est importante.", "Bonjour le monde."]
    results = engine.translate_many(texts, "fr", ["ru", "zh", "es", "en"])
    assert sorted(legs) == [("en", "es", 2), ("en", "ru", 2), ("en", "zh", 2), ("fr", "en", 2)]
    assert results["zh"].outputs[1] == "你好世界。"
    assert results["en"].outputs[1] == "Hello the world."
    assert results["en"].pivot is None and results["es"].pivot == "en"


def test_glossary_forces_terms_and_reports_them(engine: Engine) -> None:
    glossary = Glossary([GlossaryEntry("en", "fr", "report", "compte rendu")])
    glossary.do_not_translate("Bioland")
    result = engine.translate(
        ["The report on Bioland.", "The data."], "en", "fr", glossary=glossary
    )
    assert result.outputs == ["Le compte rendu sur Bioland.", "Le données."]
    assert result.segments[0].glossary == ("en>fr:report", "*>*:Bioland")
    assert result.segments[1].glossary == ()
    assert result.glossary_applied == ["*>*:Bioland", "en>fr:report"]


def test_seed_glossary_applies_official_terms_through_a_pivot(engine: Engine) -> None:
    texts = ["La Conférence des Parties et le Centre d'échange."]
    results = engine.translate_many(texts, "fr", ["ru", "zh"], glossary=seed_glossary())
    assert "Конференция Сторон" in results["ru"].outputs[0]
    assert "Механизм посредничества" in results["ru"].outputs[0]
    assert "缔约方大会" in results["zh"].outputs[0]
    assert "fr>ru:Conférence des Parties" in results["ru"].glossary_applied


def test_memory_answers_first_and_only_misses_reach_the_model(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[list[str]] = []
    asked: list[list[str]] = []
    original = LoadedModel.translate

    def spy(self: LoadedModel, sentences: list[str]) -> dict:
        seen.append(list(sentences))
        return original(self, sentences)

    def memory(keys: list[str]) -> dict[str, str]:
        asked.append(keys)
        return {"Hello world.": "Salut tout le monde (mémoire)."}

    monkeypatch.setattr(LoadedModel, "translate", spy)
    result = engine.translate(["Hello   world.", "Biodiversity."], "en", "fr", memory=memory)
    assert asked == [["Hello world.", "Biodiversity."]]
    assert seen == [["Biodiversity."]]
    assert result.outputs == ["Salut tout le monde (mémoire).", "Biodiversité."]
    assert result.segments[0].flags == (FLAG_MEMORY,) and result.memory_hits == 1
    mapping = {memory_key("Biodiversity."): "B (mémoire)"}
    assert engine.translate(["Biodiversity."], "en", "fr", memory=mapping).outputs == [
        "B (mémoire)"
    ]


def test_errors_name_the_pair_and_the_remedy(tmp_path: Path, demo_archives: list[Path]) -> None:
    empty = Engine(tmp_path / "none")
    with pytest.raises(UnknownPairError, match=r"en→fr.*manage\.py mt_models install"):
        empty.translate(["Hello"], "en", "fr")
    only_fr_en = tmp_path / "fr-en-only"
    packages.install(only_fr_en, next(a for a in demo_archives if "fr_en" in a.name))
    with pytest.raises(UnknownPairError, match=r"fr→ru: install en-ru"):
        Engine(only_fr_en).translate(["Bonjour"], "fr", "ru")
    with pytest.raises(UnknownLanguageError, match="'de'"):
        empty.translate(["Hallo"], "de", "fr")
    with pytest.raises(EmptyInputError, match="en→fr"):
        empty.translate([], "en", "fr")
    with pytest.raises(OversizeInputError, match="Segment 1 for en→fr"):
        Engine(tmp_path, max_segment_chars=10).translate(["ok", "x" * 11], "en", "fr")


def test_broken_model_files_raise_missing_model(tmp_path: Path, demo_archives: list[Path]) -> None:
    packages_dir = tmp_path / "packages"
    (installed,) = packages.install(
        packages_dir, next(a for a in demo_archives if "en_fr" in a.name)
    )
    (installed.model_path / "model.bin").write_bytes(b"not a model")
    with pytest.raises(MissingModelError, match=r"en→fr.*mt_models install"):
        Engine(packages_dir).translate(["Hello"], "en", "fr")


def test_new_version_takes_effect_without_restart(
    tmp_path: Path, demo_archives: list[Path]
) -> None:
    packages_dir = tmp_path / "packages"
    packages.install(packages_dir, next(a for a in demo_archives if "en_fr" in a.name))
    engine = Engine(packages_dir)
    assert engine.translate(["Hello world."], "en", "fr").outputs == ["Bonjour monde."]
    version_2 = build_demo_package(
        tmp_path / "v2", "en", "fr", version="2.0", extra_mapping={"▁world": "▁planète"}
    )
    packages.install(packages_dir, version_2)
    result = engine.translate(["Hello world."], "en", "fr")
    assert result.outputs == ["Bonjour planète."]
    assert result.models == ("en-fr 2.0 (demonstration model)",)
    assert [p.version for p in packages.list_packages(packages_dir)] == ["2.0"]
    packages.remove(packages_dir, "en", "fr")
    with pytest.raises(UnknownPairError):
        engine.translate(["Hello world."], "en", "fr")


def test_same_language_passes_through(engine: Engine) -> None:
    result = engine.translate(["Hello <b>world</b>."], "en", "en")
    assert result.outputs == ["Hello <b>world</b>."]


def test_copy_of_packages_dir_is_independent(demo_packages_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(demo_packages_dir, copy)
    assert Engine(copy).pairs() == Engine(demo_packages_dir).pairs()
    assert len(Engine(copy).pairs()) == 10


def test_long_sentences_are_translated_whole_not_cut(engine: Engine) -> None:
    text = " ".join(["biodiversity {name} <b>forests</b>"] * 120) + "."
    result = engine.translate([text], "en", "fr")
    assert result.outputs[0] == " ".join(["biodiversité {name} <b>forêts</b>"] * 120) + "."
    assert result.segments[0].flags == ("demonstration_model",)
