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
