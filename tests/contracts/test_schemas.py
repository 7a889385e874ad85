"""The JSON Schemas: checked-in files equal the command's output, every shipped bank and the
``--json`` results validate against them, and they refuse what the loader refuses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import jsonschema
import pytest
import yaml

from clientcheck.assessment.scoring import assess
from clientcheck.bank.authoring import bank_data, starter_text
from clientcheck.bank.loader import check_bank_text, load_bank
from clientcheck.bank.schema import SCHEMA_NAMES, dumps, schema, schema_file
from clientcheck.bank.yamlsafe import compose, read_text, scalar_value
from clientcheck.ui.result import result_document
from tests.conftest import QUESTIONS, REPO, TEST_BANKS, CliInvoke

SCHEMA_DIR = REPO / "schema"
BUILTIN = sorted(QUESTIONS.glob("*.yaml"))
SCENARIOS = sorted((REPO / "tests" / "scenarios").glob("*.yaml"))


def plain(node: yaml.Node | None) -> Any:
    """A node tree as plain data, the way an editor's YAML 1.2 parser sees it (dates stay text)."""
    assert node is not None, "an empty document"
    if isinstance(node, yaml.MappingNode):
        return {scalar_value(key): plain(value) for key, value in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [plain(item) for item in node.value]
    return scalar_value(cast(yaml.ScalarNode, node))


def yaml_data(path: Path) -> Any:
    return plain(compose(read_text(path), str(path)))


def validator(name: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")),
                                      format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def messages(name: str, data: Any) -> list[str]:
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator(name).iter_errors(data)]


# --- the files and the command -----------------------------------------------------------


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_checked_in_schema_is_what_the_command_prints(cli: CliInvoke, name: str) -> None:
    result = cli("schema", name)
    assert result.exit_code == 0, result.stderr
    checked_in = (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
    assert result.stdout == checked_in == dumps(schema(name)), (
        f"schema/{name}.schema.json is stale: run `clientcheck schema {name} > schema/{name}.schema.json`")


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schemas_are_valid_draft_07(name: str) -> None:
    document = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert document["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(document)


def test_an_unknown_schema_name_is_a_usage_error(cli: CliInvoke) -> None:
    result = cli("schema", "banks")
    assert result.exit_code == 2
    assert "bank" in result.stderr and "result" in result.stderr


def test_the_installed_schema_file_is_found() -> None:
    assert schema_file("bank").is_file()
    assert schema_file("bank").read_text(encoding="utf-8") == dumps(schema("bank"))


def test_the_bank_schema_line_in_every_shipped_bank_points_at_the_checked_in_schema() -> None:
    for path in BUILTIN:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/bank.schema.json", path.name
        assert (path.parent / "../schema/bank.schema.json").resolve() == (SCHEMA_DIR / "bank.schema.json")


# --- banks against the bank schema -------------------------------------------------------


@pytest.mark.parametrize("path", [*BUILTIN, TEST_BANKS / "full.yaml", TEST_BANKS / "mini.yaml"],
                         ids=lambda p: p.name)
def test_every_shipped_and_test_bank_validates_against_the_bank_schema(path: Path) -> None:
    assert messages("bank", yaml_data(path)) == []


@pytest.mark.parametrize("language", ["en", "it"])
def test_the_starter_bank_validates_against_the_schema_and_loads_without_warnings(language: str) -> None:
    text = starter_text("mine", language, "file:///schema/bank.schema.json", "/x/mine.yaml", "2026-01-31")
    assert messages("bank", plain(compose(text, "mine.yaml"))) == []
    bank, problems = check_bank_text(text, "mine.yaml")
    assert bank is not None and problems == ()


def _starter_data() -> dict[str, Any]:
    text = starter_text("mine", "en", "file:///s.json", "/x/mine.yaml", "2026-01-31")
    data = plain(compose(text, "mine.yaml"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize(("change", "fragment"), [
    (lambda d: d.update(questoins=d.pop("questions")), "'questions' is a required property"),
    (lambda d: d["questions"][0].update(txt="x"), "Additional properties are not allowed ('txt'"),
    (lambda d: d.update(version="one"), "'one' is not of type 'integer'"),
    (lambda d: d.update(id="My Bank"), "does not match"),
    (lambda d: d["questions"][0].update(type="multiple"), "'multiple' is not one of"),
    (lambda d: d["questions"][2].pop("options"), "'options' is a required property"),
    (lambda d: d["questions"][0].update(options=[]), "False schema does not allow"),
    (lambda d: d["questions"][4].update(reverse=True), "False schema does not allow"),
    (lambda d: d["questions"][1].update(weight=0), "less than or equal to the minimum of 0"),
    (lambda d: d["bands"][0].update(level="stay"), "'stay' is not one of"),
    (lambda d: d["questions"][3]["when"].update(equals="yes"), "is not valid under any of the given schemas"),
    (lambda d: d.update(title={"fr": "Titre"}), "is not valid under any of the given schemas"),
    (lambda d: d["source"].update(date="29/02/2020"), "does not match"),
])
def test_the_bank_schema_refuses_what_the_loader_refuses(change: Any, fragment: str) -> None:
    data = _starter_data()
    assert messages("bank", data) == []
    change(data)
    found = messages("bank", data)
    assert any(fragment in message for message in found), found
    bank, _ = check_bank_text(json.dumps(data), "changed.json")
    assert bank is None, "the loader refuses it too"


# --- a bank written back as data (banks show --json) --------------------------------------


@pytest.mark.parametrize("path", [*BUILTIN, TEST_BANKS / "full.yaml"], ids=lambda p: p.name)
def test_bank_data_is_in_the_bank_format_and_loads_back_equal(path: Path) -> None:
    bank = load_bank(path)
    data = bank_data(bank)
    assert messages("bank", data) == []
    again, problems = check_bank_text(json.dumps(data, ensure_ascii=False), "again.json")  # JSON is YAML
    assert [p for p in problems if p.severity == "error"] == []
    assert again is not None
    assert again._replace(origin=bank.origin) == bank  # equal content; origin says where it was read


# --- results against the result schema ---------------------------------------------------


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda p: p.name)
def test_json_results_of_every_scenario_validate_against_the_result_schema(cli: CliInvoke, scenario: Path) -> None:
    for language in ("en", "it"):
        result = cli("assess", "--answers", str(scenario), "--json", "--lang", language)
        assert result.exit_code == 0, result.stderr
        document = json.loads(result.stdout)
        assert messages("result", document) == []


def test_the_result_schema_names_exactly_the_fields_of_the_result_document() -> None:
    """Every field the document has is described, and every described field is there: adding
    a field to render.result_document without adding it to schemas.py fails here."""
    bank = load_bank(TEST_BANKS / "full.yaml")
    answers = yaml.safe_load((TEST_BANKS / "full-raised.yaml").read_text(encoding="utf-8"))["answers"]
    from clientcheck.assessment.answers import read_answers

    assessment = assess(bank, read_answers(TEST_BANKS / "full-raised.yaml", bank))
    assert answers
    document = result_document(assessment, "en", "2026-11-22T21:50:00Z")
    saved = result_document(assessment, "en", "2026-11-22T21:50:00Z", {"client": "Acme"})
    result = schema("result")
    assert set(result["required"]) == set(document)  # every result has these
    assert set(result["properties"]) == set(saved) == set(document) | {"client"}  # a saved one names its client
    assert messages("result", saved) == []

    def same_keys(described: dict[str, Any], value: Any, where: str) -> None:
        if isinstance(value, dict) and "properties" in described:
            assert set(described["properties"]) == set(value), where
            for key, item in value.items():
                same_keys(described["properties"][key], item, f"{where}.{key}")
        elif isinstance(value, list) and isinstance(described.get("items"), dict):
            for item in value:
                same_keys(described["items"], item, f"{where}[]")

    same_keys(result, saved, "result")
    assert document["signals"] and document["dealbreakers"], "the sample exercises the nested fields"
    assert messages("result", document) == []


@pytest.mark.parametrize(("change", "fragment"), [
    (lambda d: d.pop("risk"), "'risk' is a required property"),
    (lambda d: d["verdict"].update(level="stay"), "'stay' is not one of"),
    (lambda d: d.update(risk=101), "101 is greater than the maximum of 100"),
    (lambda d: d.update(schema_version=2), "1 was expected"),
    (lambda d: d["dimensions"][0].update(extra=1), "Additional properties are not allowed"),
    (lambda d: d.update(timestamp="yesterday"), "'yesterday' does not match"),
])
def test_the_result_schema_refuses_a_wrong_document(change: Any, fragment: str) -> None:
    bank = load_bank(QUESTIONS / "starter.yaml")
    document = result_document(assess(bank, {}), "en", "2026-11-22T21:50:00Z")
    assert messages("result", document) == []
    change(document)
    found = messages("result", document)
    assert any(fragment in message for message in found), found
