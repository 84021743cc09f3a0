"""CodedColumn (a column as codes of its values) and grouping rows on codes."""
import numpy as np

from coordmap.processing.analysis.coded import CodedColumn, combinations

CELLS = ["b", None, "a", "b", np.nan, "header only"]


def column():
    """Five rows of CELLS; the last value ("header only") no row has."""
    return CodedColumn.of_cells(CELLS).take(slice(None, 5))


def test_cells_presence_and_values_in_the_order_rows_first_have_them():
    coded = column()
    assert coded.values.tolist() == ["b", "a", "header only"]
    assert coded.codes.tolist() == [0, -1, 1, 0, -1]
    assert coded.cells().tolist() == ["b", None, "a", "b", None]  # NaN is an empty cell too
    assert coded.cells(np.array([2, 1])).tolist() == ["a", None]
    assert coded.present.tolist() == [True, False, True, True, False]
    assert coded.first_values(5) == ["b", "a"]


def test_lookup_and_map_give_an_entry_per_row_and_the_empty_one_for_empty_cells():
    coded = column()
    assert coded.lookup(np.array([10, 20, 30]), -1).tolist() == [10, -1, 20, 10, -1]
    assert coded.map(str.upper, "", object).tolist() == ["B", "", "A", "B", ""]
    out = np.empty(2, dtype=object)
    coded.cells(np.array([0, 4]), out)
    assert out.tolist() == ["b", None]


def test_used_drops_the_values_no_row_has():
    used = column().used()
    assert used.values.tolist() == ["b", "a"]
    assert used.cells().tolist() == column().cells().tolist()


def test_mapped_joins_values_made_equal_and_empties_values_made_none():
    coded = CodedColumn.of_cells(["x ", "x", "-", None, "y"])
    mapped = coded.mapped(lambda text: None if text == "-" else text.strip())
    assert mapped.values.tolist() == ["x", "y"]
    assert mapped.codes.tolist() == [0, 0, -1, -1, 1]


def test_combinations_number_groups_as_they_first_come_with_their_first_rows():
    first = np.array([0, 1, 0, 1, -1, 0])
    second = np.array([5, 5, 5, 6, 5, 5])
    group, firsts = combinations([first, second], 6)
    assert group.tolist() == [0, 1, 0, 2, 3, 0]
    assert firsts.tolist() == [0, 1, 3, 4]
    assert combinations([], 3)[0].tolist() == [0, 0, 0]


def test_map_keeps_a_list_per_value_even_when_all_have_one_length():
    cells = CodedColumn.of_cells(["a;b", None, "a;b", "c;d"])
    assert cells.map(lambda text: text.split(";")).tolist() == [["a", "b"], None, ["a", "b"],
                                                                ["c", "d"]]
