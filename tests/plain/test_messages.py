"""Messages of the analysis as translatable templates: InputError and the join summary, read in
another language through a translate function (the algorithms pass QCoreApplication's)."""
import pytest

from coordmap.processing.analysis.errors import InputError
from coordmap.processing.analysis.table import read_table
from coordmap.processing.analysis.translation import Template, translated
from coordmap.tests.helpers import finished_translations


@pytest.fixture(scope="module")
def french():
    table = finished_translations("fr")

    def translate(context, text):
        return table.get((context, text), text)

    return translate


def test_an_input_error_is_english_and_its_template_translates(tmp_path, french):
    empty = tmp_path / "partners.csv"
    empty.write_bytes(b"")
    with pytest.raises(InputError) as caught:
        read_table(empty)
    assert str(caught.value) == "partners.csv: the file is empty"
    assert caught.value.text(french) == "partners.csv : le fichier est vide"


def test_a_message_around_another_is_translated_whole(tmp_path, french):
    with pytest.raises(InputError) as caught:
        read_table(tmp_path / "missing.xlsx")
    outer = caught.value.within("Admin boundaries")
    assert str(outer).startswith("Admin boundaries: missing.xlsx: file not found (")
    assert outer.text(french).startswith(
        "Admin boundaries : missing.xlsx : fichier introuvable (")


def test_a_plain_message_stays_as_given():
    error = InputError("a message written {as is}")
    assert str(error) == error.text(lambda context, text: text.upper()).lower() \
        == "a message written {as is}"


def test_summary_labels_are_templates_that_stay_english_keys(french):
    label = Template("match rate admin {level}", level=2)
    assert label == "match rate admin 2" and {label: 1}["match rate admin 2"] == 1
    assert translated(label, "JoinSummary", french) == "taux d'appariement admin 2"
    assert translated("rows used", "JoinSummary", french) == "lignes utilisées"
    assert translated("not a label", "JoinSummary", french) == "not a label"


def test_row_reasons_are_translated_clause_by_clause(french):
    from coordmap.processing.analysis.reasons import translated_reason

    reason = ("admin 2 code 'XY9999' is not in the boundaries; counted at admin 1 XY01 "
              "(admin 1 code 'XY01' found)")
    assert translated_reason(reason, french) == (
        "code admin 2 'XY9999' absent des limites; compté en admin 1 XY01 "
        "(code admin 1 'XY01' trouvé)")
    assert translated_reason("admin 2 code 'xy-0101' read as XY0101 (case/separators)",
                             french) == ("code admin 2 'xy-0101' lu comme XY0101 "
                                         "(casse/séparateurs)")
    assert translated_reason("blank row", french) == "ligne vide"
    unknown = "a clause of another shape; admin 2 code 'X' found"
    assert translated_reason(unknown, french) == \
        "a clause of another shape; code admin 2 'X' trouvé"
    assert translated_reason(None, french) is None
    assert translated_reason(reason, lambda context, text: text) == reason


def test_the_reasons_of_a_join_are_translated(french):
    from coordmap.processing.analysis.join import JoinOptions, join_4w
    from coordmap.processing.analysis.reasons import translate_column
    from coordmap.tests.plain.test_join import make_units, table

    records = [["A", "Health", "XY01", "XY0101"], ["B", "Health", "xy-01", "XY9999"],
               [None, None, None, None], ["C", "Health", "XY02", "Gamma"]]
    result = join_4w(table(["Organisation", "Cluster", "Admin1 Pcode", "Admin2 Pcode"],
                           records), make_units(), JoinOptions())
    rows = translate_column(result.rows, "reason", french)
    english = result.rows["reason"].tolist()
    translated = rows["reason"].tolist()
    assert sum(a != b for a, b in zip(english, translated)) >= 3, list(zip(english, translated))
    assert translate_column(result.rows, "reason", lambda c, t: t) is result.rows
