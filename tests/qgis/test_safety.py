"""What must never run or be lost, through processing.run: partner data as layout code, outputs
over inputs, half-written outputs after a cancel or a failure, clashing map file names."""
import hashlib
import os
import subprocess
import unicodedata
from pathlib import Path

import pytest

from coordmap.tests.corpus import cases
from coordmap.tests.helpers import data_rows, features, run_join

pytestmark = pytest.mark.qgis

SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def every_file(folder):
    return sorted(str(p.relative_to(folder)) for p in Path(folder).rglob("*"))


def pdf_text(path):
    """pdftotext's text, ligatures undone ("oﬃce" -> "office") and white space collapsed."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return " ".join(unicodedata.normalize("NFKC", out).split())


@pytest.fixture
def inputs(tmp_path):
    """A 4W CSV (one row per district, a cluster cell that is an expression), its boundaries
    and a needs table, in their own folder."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    table = folder / "partner_4w.csv"
    rows = [cases.row(pcode=pcode) for pcode, *_ in cases.make.DISTRICTS]
    rows.append(cases.row("Org [% env('HOME') %]", "[% env('HOME') %]", "XY0102"))
    cases.make.csv_file(rows)(table)
    admin = cases.make.write_geojson(folder / "districts.geojson", cases.make.boundaries())
    needs = folder / "needs.csv"
    needs.write_text("Admin2 Pcode,Cluster,People in need\nXY0101,HEA,1000\nXY0202,HEA,500\n",
                     encoding="utf-8")
    return {"table": table, "admin": admin, "needs": needs}


# Partner data never runs as code in a map -------------------------------------------------------

def test_texts_from_data_and_parameters_are_printed_as_written(run_algorithm, inputs, tmp_path):
    from qgis.core import QgsLayoutItemLabel, QgsProject

    join = run_join(run_algorithm, tmp_path, inputs["table"], inputs["admin"])
    title = "[% file_exists('/etc/passwd') %] and [% env('HOME') %]"
    source = "[% eval('6*7') %] 100%] [% x"
    producer = "$CURRENT_DATE(yyyy) office"
    project = QgsProject.instance()
    before = {layout.name() for layout in project.layoutManager().layouts()}
    result = run_algorithm("coordmap:export_maps", {
        "PRESENCE": join["OUTPUT"], "OUTPUT_FOLDER": str(tmp_path / "maps"),
        "PARTNER_TABLE": True, "ADD_LAYOUTS": True, "SOURCE": source, "PRODUCER": producer})
    files = result["OUTPUT_FILES"].split(";")
    expression_map = [f for f in files if "HEA" not in Path(f).name]
    assert len(files) == 2 and len(expression_map) == 1
    text = pdf_text(expression_map[0])
    assert "[% env('HOME') %]: operational presence" in text  # the cluster cell, as written
    assert "Org [% env('HOME') %]" in text  # the partner table, as written
    assert f"Sources: {source}" in text and f"Produced by: {producer}" in text
    assert os.path.expanduser("~") not in text.replace("[% env('HOME') %]", "")
    added = [layout for layout in project.layoutManager().layouts()
             if layout.name() not in before]
    try:
        for layout in added:  # editable layouts show the same literal texts
            labels = {item.id(): item for item in layout.items()
                      if isinstance(item, QgsLayoutItemLabel)}
            assert labels["sources"].currentText() == f"Sources: {source}"
            assert labels["producer"].currentText() == f"Produced by: {producer}"
            assert all(label.mode() == QgsLayoutItemLabel.Mode.ModeFont
                       for label in labels.values())
        titled = run_algorithm("coordmap:export_maps", {
            "PRESENCE": join["OUTPUT"], "OUTPUT_FOLDER": str(tmp_path / "titled"),
            "CLUSTERS": "HEA", "TITLE": title})
        assert title in pdf_text(titled["OUTPUT_FILES"])
    finally:
        for layout in added:
            for layer in layout.itemById("main_map").layers():
                project.removeMapLayer(layer.id())
            project.layoutManager().removeLayout(layout)


# Outputs never over inputs ---------------------------------------------------------------------

def join_params(inputs, folder, **outputs):
    params = {"INPUT": str(inputs["table"]), "ADMIN": str(inputs["admin"]),
              "OUTPUT": str(folder / "presence.gpkg"), "OUTPUT_ROWS": str(folder / "rows.gpkg"),
              "OUTPUT_REPORT": str(folder / "qa.xlsx")}
    params.update({key: str(value) for key, value in outputs.items()})
    return params


@pytest.mark.parametrize("output, given_as", [
    ("OUTPUT_ROWS", "table"), ("OUTPUT_REPORT", "table"), ("OUTPUT", "admin"),
    ("OUTPUT_CROSSWALK", "table"), ("OUTPUT_ROWS", "table_via_link"),
    ("OUTPUT_ROWS", "table_via_dots"), ("OUTPUT_MAPPING", "mapping")])
def test_join_refuses_an_output_over_one_of_its_inputs(run_algorithm, inputs, tmp_path, output,
                                                       given_as):
    from qgis.core import QgsProcessingException

    out = tmp_path / "out"
    out.mkdir()
    mapping = inputs["table"].with_name("mapping.json")
    mapping.write_text('{"roles": {}}', encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(inputs["table"])
    target = {"table": inputs["table"], "admin": inputs["admin"], "mapping": mapping,
              "table_via_link": link,
              "table_via_dots": inputs["table"].parent / ".." / "inputs" / "partner_4w.csv"
              }[given_as]
    before = {path: digest(path) for path in (inputs["table"], inputs["admin"], mapping)}
    params = join_params(inputs, out, **{output: target})
    if given_as == "mapping":
        params["MAPPING"] = str(mapping)
    with pytest.raises(QgsProcessingException, match="an output is never written over an "
                                                     "input"):
        run_algorithm("coordmap:join_4w", params)
    assert {path: digest(path) for path in before} == before
    assert every_file(out) == []


def test_gaps_and_the_model_refuse_it_before_anything_runs(run_algorithm, inputs, tmp_path):
    from qgis.core import QgsProcessingException

    join = run_join(run_algorithm, tmp_path, inputs["table"], inputs["admin"], PERIOD=1)
    presence = digest(join["OUTPUT"].split("|")[0])
    needs = digest(inputs["needs"])
    out = tmp_path / "gaps"
    for output, target in (("OUTPUT_GAPS", join["OUTPUT"]), ("OUTPUT_CHANGES", inputs["needs"]),
                           ("OUTPUT_OVERLAPS", join["OUTPUT_ROWS"])):
        params = {"PRESENCE": join["OUTPUT"], "ROWS": join["OUTPUT_ROWS"],
                  "NEEDS": str(inputs["needs"]), "OUTPUT_GAPS": str(out / "gaps.gpkg"),
                  "OUTPUT_OVERLAPS": str(out / "overlaps.csv"),
                  "OUTPUT_OVERLAP_UNITS": str(out / "units.gpkg"),
                  "OUTPUT_CHANGES": str(out / "changes.csv"), output: str(target)}
        with pytest.raises(QgsProcessingException, match="never written over an input"):
            run_algorithm("coordmap:gaps_overlaps", params)
    assert digest(join["OUTPUT"].split("|")[0]) == presence and digest(inputs["needs"]) == needs
    assert not out.exists()
    model_out = tmp_path / "model"
    with pytest.raises(QgsProcessingException, match="never written over an input"):
        run_algorithm("coordmap:model_4w_to_map_pack", {
            "table": str(inputs["table"]), "boundaries": str(inputs["admin"]),
            "needs": str(inputs["needs"]),
            "join:OUTPUT": str(model_out / "presence.gpkg"),
            "join:OUTPUT_ROWS": str(model_out / "rows.gpkg"),
            "join:OUTPUT_REPORT": str(model_out / "qa.xlsx"),
            "gaps:OUTPUT_GAPS": str(model_out / "gaps.gpkg"),
            "gaps:OUTPUT_OVERLAPS": str(inputs["needs"]),  # the needs table: refused first
            "gaps:OUTPUT_OVERLAP_UNITS": str(model_out / "units.gpkg"),
            "gaps:OUTPUT_CHANGES": str(model_out / "changes.gpkg"),
            "export:OUTPUT_FOLDER": str(model_out / "maps")})
    assert digest(inputs["needs"]) == needs and not model_out.exists()


def test_two_outputs_in_one_file_are_refused(run_algorithm, inputs, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="are the same file"):
        run_algorithm("coordmap:join_4w", join_params(
            inputs, tmp_path, OUTPUT_ROWS=tmp_path / "presence.gpkg"))
    assert every_file(tmp_path) == ["inputs"] + [f"inputs/{p.name}" for p in sorted(
        (tmp_path / "inputs").iterdir())]


# Nothing half-written ---------------------------------------------------------------------------

class CancelWhileWriting:
    """A feedback that cancels once the progress reaches ``at`` (the join writes from 90)."""

    def __new__(cls, at):
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def setProgress(self, progress):  # noqa: N802 (QGIS API name)
                super().setProgress(progress)
                if progress >= at:
                    self.cancel()

        return Feedback()


@pytest.mark.parametrize("at", [5, 93])  # while reading, and once the rows are written
def test_a_cancelled_join_raises_and_leaves_no_output(run_algorithm, sample_dir, tmp_path, at):
    from qgis.core import QgsProcessingException

    out = tmp_path / "out"
    with pytest.raises(QgsProcessingException, match="Cancelled: no output was written"):
        run_algorithm("coordmap:join_4w", {
            "INPUT": str(sample_dir / "xy_4w_2025.xlsx"),
            "ADMIN": str(sample_dir / "xy_adm2.geojson"), "PERIOD": 1,
            "OUTPUT": str(out / "presence.gpkg"), "OUTPUT_ROWS": str(out / "rows.csv"),
            "OUTPUT_REPORT": str(out / "qa.xlsx")}, feedback=CancelWhileWriting(at))
    assert not out.exists(), every_file(out)


def test_a_cancelled_gaps_run_raises_and_leaves_no_output(run_algorithm, sample_dir, tmp_path):
    from qgis.core import QgsProcessingException

    join = run_join(run_algorithm, tmp_path, sample_dir / "xy_4w_2025.xlsx",
                    sample_dir / "xy_adm2.geojson", PERIOD=1)
    out = tmp_path / "gaps"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_algorithm("coordmap:gaps_overlaps", {
            "PRESENCE": join["OUTPUT"], "ROWS": join["OUTPUT_ROWS"],
            "NEEDS": str(sample_dir / "xy_needs.csv"), "OUTPUT_GAPS": str(out / "gaps.gpkg"),
            "OUTPUT_OVERLAPS": str(out / "overlaps.csv"),
            "OUTPUT_OVERLAP_UNITS": str(out / "units.gpkg"),
            "OUTPUT_CHANGES": str(out / "changes.csv")}, feedback=CancelWhileWriting(95))
    assert not out.exists(), every_file(out)


def test_a_failure_after_some_outputs_were_written_leaves_the_old_ones_whole(
        run_algorithm, inputs, tmp_path):
    """The report cannot be written (no format for .pdf) after the presence and rows were:
    nothing of this run is left, and last month's files at those names are untouched."""
    from qgis.core import QgsProcessingException

    out = tmp_path / "out"
    out.mkdir()
    last_month = run_join(run_algorithm, out, inputs["table"], inputs["admin"])
    kept = {name: digest(out / name) for name in ("presence.gpkg", "rows.gpkg")}
    with pytest.raises(QgsProcessingException, match=r"qa\.pdf: use a \.xlsx or \.csv"):
        run_algorithm("coordmap:join_4w", join_params(inputs, out,
                                                      OUTPUT_REPORT=out / "qa.pdf"))
    assert {name: digest(out / name) for name in kept} == kept
    assert every_file(out) == ["presence.gpkg", "qa_report.xlsx", "rows.gpkg"], every_file(out)
    assert features(last_month["OUTPUT"])


def test_outputs_are_complete_geopackages_with_no_journal(run_algorithm, inputs, tmp_path):
    result = run_join(run_algorithm, tmp_path / "out", inputs["table"], inputs["admin"])
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(SQLITE_SIDE_FILES)]
    assert len(data_rows(result["OUTPUT_ROWS"])) == 5


@pytest.mark.parametrize("output", ["OUTPUT_REPORT", "OUTPUT_ROWS"])
def test_an_unwritable_folder_is_a_message_naming_the_file(run_algorithm, inputs, tmp_path,
                                                           unwritable, output):
    from qgis.core import QgsProcessingException

    name = {"OUTPUT_REPORT": "qa.xlsx", "OUTPUT_ROWS": "rows.csv"}[output]
    with pytest.raises(QgsProcessingException) as caught:
        run_algorithm("coordmap:join_4w", join_params(inputs, tmp_path / "out",
                                                      **{output: unwritable / name}))
    message = str(caught.value)
    assert f"{unwritable / name}: cannot be written" in message and "Traceback" not in message
    assert not (tmp_path / "out").exists()


def test_an_unwritable_map_folder_is_a_message(run_algorithm, inputs, tmp_path, unwritable):
    from qgis.core import QgsProcessingException

    join = run_join(run_algorithm, tmp_path, inputs["table"], inputs["admin"])
    with pytest.raises(QgsProcessingException, match=r"cannot be written \(.+\)"):
        run_algorithm("coordmap:export_maps", {"PRESENCE": join["OUTPUT"],
                                               "OUTPUT_FOLDER": str(unwritable)})


def test_the_rows_output_given_back_as_the_4w_table_works(run_algorithm, inputs, tmp_path):
    first = run_join(run_algorithm, tmp_path / "first", inputs["table"], inputs["admin"])
    rows = first["OUTPUT_ROWS"].split("|")[0]
    again = run_join(run_algorithm, tmp_path / "again", rows, inputs["admin"])
    names = [name.casefold() for name in features(again["OUTPUT_ROWS"])[0]]
    assert len(names) == len(set(names))
    statuses = [row["status"] for row in data_rows(again["OUTPUT_ROWS"])]
    assert statuses.count("used") == 5  # the five rows; the notice row is reported too


def test_memory_layers_and_geopackage_layers_are_written_as_processing_does(
        run_algorithm, inputs, tmp_path):
    """Only files are staged: a layer added to an existing GeoPackage (an ogr: URI) and a
    memory layer are written where Processing puts them."""
    database = run_join(run_algorithm, tmp_path, inputs["table"], inputs["admin"])["OUTPUT"]
    database = database.split("|")[0]
    result = run_algorithm("coordmap:join_4w", join_params(inputs, tmp_path / "out") | {
        "OUTPUT": f"ogr:dbname='{database}' table=\"presence_again\" (geom)",
        "OUTPUT_ROWS": "memory:rows"})
    assert result["OUTPUT"] == f"{database}|layername=presence_again"
    assert len(features(result["OUTPUT"])) == len(features(database))  # both tables there
    rows = result["OUTPUT_ROWS"]  # processing.run hands a memory layer back as the layer
    assert rows.providerType() == "memory" and rows.featureCount() == 1 + 5  # notice, rows
    assert every_file(tmp_path / "out") == ["qa.xlsx"]


def test_the_layers_to_load_are_the_final_files(coordmap_plugin, inputs, tmp_path):
    """In QGIS, outputs are loaded from where they end, not from the scratch folder."""
    from qgis.core import (
        QgsApplication,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingOutputLayerDefinition,
        QgsProject,
    )

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("coordmap:join_4w")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    params = join_params(inputs, tmp_path / "out")
    for key in ("OUTPUT", "OUTPUT_ROWS"):
        params[key] = QgsProcessingOutputLayerDefinition(params[key], QgsProject.instance())
    results, ok = algorithm.run(params, context, QgsProcessingFeedback())
    assert ok
    to_load = context.layersToLoadOnCompletion()
    assert set(to_load) == {results["OUTPUT"], results["OUTPUT_ROWS"]}
    assert all(Path(path.split("|")[0]).is_file() for path in to_load)
    assert ".coordmap-" not in " ".join(to_load)


# Map file names ---------------------------------------------------------------------------------

def test_clusters_with_the_same_file_name_and_very_long_names_all_get_their_map(
        run_algorithm, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    # two Arabic names and two that differ by punctuation only: the same file name
    clusters = cases.ARABIC_CLUSTERS + [cases.LONG_CLUSTER, "Zone Alpha!", "Zone Alpha?"]
    table = folder / "4w.csv"
    cases.make.csv_file([cases.row(cluster=name) for name in clusters])(table)
    admin = cases.make.write_geojson(folder / "admin.geojson", cases.make.boundaries())
    join = run_join(run_algorithm, tmp_path, table, admin)
    result = run_algorithm("coordmap:export_maps", {"PRESENCE": join["OUTPUT"],
                                                    "OUTPUT_FOLDER": str(tmp_path / "maps")})
    files = [Path(p) for p in result["OUTPUT_FILES"].split(";")]
    assert len(files) == len(clusters) == len({p.name.casefold() for p in files})
    assert all(p.is_file() and len(p.name) < 150 for p in files)
    assert every_file(tmp_path / "maps") == sorted(p.name for p in files)
    texts = " ".join(pdf_text(p) for p in files)
    assert all(name.split()[-1] in texts for name in clusters[2:3])
