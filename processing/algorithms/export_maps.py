"""coordmap:export_maps — the 3W map pack: one OCHA-style map per cluster (and period)."""
import datetime as dt
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsProject,
)

from ..analysis import map_files, mappack, org_types
from ..analysis.boundaries import AdminUnits
from ..analysis.classes import count_classes
from ..analysis.clusters import ClusterVocabulary
from ..analysis.countries import country_code
from ..analysis.errors import InputError
from ..analysis.join import COUNTED_STATUSES
from ..analysis.params import separated_values
from . import layout_export, layouts, map_layers, qgis_io
from .base import CoordMapAlgorithm, advanced, named_enum, ui_language
from .destinations import StagedOutputs, cancelled, refuse_unsafe_destinations

PAPERS = tuple(mappack.PAPERS)  # in the order of the Template options
FORMATS = ("pdf", "png", "svg")


class ExportMapsAlgorithm(CoordMapAlgorithm):
    PRESENCE = "PRESENCE"
    GAPS = "GAPS"
    OVERLAPS = "OVERLAPS"
    ADMIN = "ADMIN"
    ROWS = "ROWS"
    CLUSTERS = "CLUSTERS"
    PERIODS = "PERIODS"
    COMBINE_PERIODS = "COMBINE_PERIODS"
    COMPARABLE = "COMPARABLE"
    TEMPLATE = "TEMPLATE"
    LANGUAGE = "LANGUAGE"
    TITLE = "TITLE"
    SOURCE = "SOURCE"
    PRODUCER = "PRODUCER"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    FORMAT = "FORMAT"
    SINGLE_PDF = "SINGLE_PDF"
    ADD_LAYOUTS = "ADD_LAYOUTS"
    PARTNER_TABLE = "PARTNER_TABLE"
    CLUSTER_STYLES = "CLUSTER_STYLES"
    OUTPUT_FILES = "OUTPUT_FILES"

    def name(self):
        return "export_maps"

    def flags(self):
        # Layout rendering and the project's layout manager belong to the main thread, as for
        # QGIS's own native:printlayouttopdf.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def shortHelpString(self):
        return self.tr(
            "Makes the 3W map pack from the presence output of 'Join 4W table to admin "
            "boundaries': one map per cluster (and per period) with title, period, 'as of' "
            "date, legend of partners per unit, locator map, scale bar, north arrow, sources, "
            "producer, map id, creation date, the United Nations disclaimer and a note saying "
            "what blank areas mean. Hatched grey units have no data (no 4W report); white "
            "units were reported with no partner of the cluster.\n\n"
            "Classes of partners per unit are fitted to the data (few whole-number classes, as "
            "even as readable breaks allow); 'Same classes on every map' gives every map of "
            "the pack the classes of all of them, to compare clusters. 'One map of all the "
            "chosen periods' makes one map of a range of months (distinct partners over the "
            "range) instead of one map per period.\n\n"
            "Admin boundaries (optional, the layer of the join or an admin-1 layer) draw the "
            "admin-1 outlines and names and are named in the sources; without them the units "
            "are dissolved by their parent P-code. The title names the country of the P-codes. "
            "The side panel charts the partners per admin 1 and, given the join's rows with an "
            "organisation type column, per type (UN, international NGO, national NGO, Red "
            "Cross / Red Crescent, government); the partner table prints acronyms. The 'as "
            "of' date is the end of the data's period.\n\n"
            "Optional gaps and overlap-units layers (from 'Gaps and overlaps') outline units "
            "with a need and no partner and hatch units with overlapping activities. Files are "
            "named by map id, cluster short name, paper and date, e.g. "
            "COORDMAP-WSH-2025-12_3W-Water-Sanitation-and-Hygiene_A4L_20251231. Map texts are "
            "in the chosen language (English, French, Spanish, Arabic). Cluster colours and "
            "icons are CoordMap's own defaults, not an official palette: give your own JSON "
            "file (same shape as resources/styles/cluster_styles.json) as 'Cluster colours and "
            "icons', or set it once in the QGIS setting coordmap/cluster_styles. 'Add the "
            "layouts to the project' "
            "keeps every map as an editable print layout (with its layers, as temporary layers) "
            "to fine-tune in the layout manager.\n\n"
            "Data protection (on by default): maps of GBV and child protection (in any spelling "
            "or language, and of the clusters you add) name no partner and show no count below "
            "k: the legend has two classes, fewer than k and k or more, the partner table shows "
            "fewer than k and 'withheld', and the partner and activity numbers are withheld. "
            "Texts from the data "
            "and the parameters are printed as written, never run as expressions.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PRESENCE, self.tr("Presence (output of Join 4W)"),
            [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.GAPS, self.tr("Gaps (output of Gaps and overlaps)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.OVERLAPS, self.tr("Overlap units (output of Gaps and overlaps)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ADMIN, self.tr("Admin boundaries (for admin 1 outlines and names, and the "
                                "sources)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ROWS, self.tr("Rows with match status (output of Join 4W: organisation "
                               "types and acronyms)"),
            [QgsProcessing.SourceType.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.CLUSTERS, self.tr("Clusters (codes separated by commas; default: all present)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.PERIODS, self.tr("Periods (separated by commas; default: every period)"),
            optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.COMBINE_PERIODS,
            self.tr("One map of all the chosen periods (instead of one map per period)"),
            defaultValue=False, optional=True))  # (optional: models saved before it still run)
        self.addParameter(named_enum(
            self.TEMPLATE, self.tr("Template"),
            [self.tr("A4 landscape"), self.tr("A4 portrait"), self.tr("A3 landscape")], PAPERS))
        language = ui_language()
        self.addParameter(named_enum(
            self.LANGUAGE, self.tr("Map language"),
            ["English", "Français", "Español", "العربية"], mappack.LANGUAGES,
            default=mappack.LANGUAGES.index(language) if language in mappack.LANGUAGES
            else 0))
        self.addParameter(QgsProcessingParameterString(
            self.TITLE, self.tr("Title (default: the country, the cluster and 'operational "
                                "presence')"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SOURCE, self.tr("Sources (default: partners' 4W reports and the boundaries)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.PRODUCER, self.tr("Producer and contact"), optional=True))
        self.addParameter(named_enum(
            self.FORMAT, self.tr("Format"), ["PDF", "PNG", "SVG"], FORMATS))
        self.addParameter(advanced(QgsProcessingParameterBoolean(
            self.COMPARABLE, self.tr("Same classes on every map (to compare clusters)"),
            defaultValue=False, optional=True)))
        self.addParameter(advanced(QgsProcessingParameterBoolean(
            self.SINGLE_PDF, self.tr("One multi-page PDF instead of one file per map"),
            defaultValue=False)))
        self.addParameter(advanced(QgsProcessingParameterBoolean(
            self.ADD_LAYOUTS, self.tr("Add the layouts to the project (to edit them)"),
            defaultValue=False)))
        self.addParameter(advanced(QgsProcessingParameterBoolean(
            self.PARTNER_TABLE, self.tr("Add a page listing the partners per unit"),
            defaultValue=False)))
        self.add_protection_parameters()
        self.addParameter(advanced(QgsProcessingParameterFile(
            self.CLUSTER_STYLES, self.tr("Cluster colours and icons (JSON)"), optional=True,
            fileFilter="JSON (*.json)")))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr("Output folder")))
        self.addOutput(QgsProcessingOutputString(self.OUTPUT_FILES, self.tr("Files written")))

    def processAlgorithm(self, parameters, context, feedback):
        refuse_unsafe_destinations(self, parameters, context)
        options = self._options(parameters, context)
        feedback.pushInfo(options["protection"].describe())
        presence = self.parameterAsSource(parameters, self.PRESENCE, context)
        if presence is None:
            raise QgsProcessingException(self.tr("Presence: no such layer or file"))
        self._check_fields(presence, ("pcode", "cluster", "partners"), self.tr("Presence"))
        records, geometries = map_layers.feature_records(presence, feedback)
        gaps, overlaps = (self._optional_records(parameters, context, key, geometries, feedback)
                          for key in (self.GAPS, self.OVERLAPS))
        every_period = records
        if options["combine"]:  # before protection: names of an unprotected presence count
            records = mappack.combine_periods(records, options["periods"])
            gaps, overlaps = (None if given is None else
                              mappack.combine_gap_periods(given, options["periods"])
                              for given in (gaps, overlaps))
            options["periods"] = []
        # Whatever the presence: the maps show only what the protection lets them.
        records = options["protection"].protect_records(records, ("partners", "rows"),
                                                        "partner_list")
        maps = mappack.plan_maps(records, options["clusters"], options["periods"])
        if not maps:
            raise QgsProcessingException(self.tr(
                "Presence: no feature for clusters {clusters} and periods {periods}").format(
                clusters=", ".join(options["clusters"]) or "*",
                periods=", ".join(options["periods"]) or "*"))
        feedback.pushInfo(self.tr("{count} maps to make").format(count=len(maps)))
        crs = presence.sourceCrs()
        options["country"] = country_code(geometries)
        options.update(self._admin1(parameters, context, records, geometries, crs, feedback))
        # (after the admin-1 dissolve: simplified neighbours would leave slivers between them)
        geometries = map_layers.print_resolution(geometries)
        shapes = map_layers.print_resolution({code: shape for code, _, shape in options["admin1"]})
        options["admin1"] = [(code, name, shapes[code]) for code, name, _ in options["admin1"]]
        options.update(self._partner_facts(parameters, context, feedback))
        values = mappack.UnitValues(records, gaps or (),
                                    every_period if options["combine"] else ())
        options["fitted"] = count_classes(  # (a hidden count, SMALL, is text: left out)
            value for spec in maps if not spec.protected for value in values(spec).values()
        ) if options["comparable"] else None
        # Files are written to a scratch folder and moved only when every map succeeded.
        with StagedOutputs(self, parameters, context) as staged:
            scratch, folder = staged.folder(self.OUTPUT_FOLDER)
            made = self._export(maps, (records, geometries, gaps, overlaps, values),
                                crs, scratch, options, context, feedback)
            if made is None or feedback.isCanceled():
                raise cancelled()
            staged.commit()
        final = [str(folder / Path(path).name) for path in made[1]]
        if options["add_layouts"]:
            manager = context.project().layoutManager()
            for layout in made[0]:
                if manager.layoutByName(layout.name()):
                    layout.setName(manager.generateUniqueTitle())
                manager.addLayout(layout)
        feedback.pushInfo(self.tr("Wrote {count} files to {folder}").format(
            count=len(final), folder=folder))
        return {self.OUTPUT_FOLDER: str(folder), self.OUTPUT_FILES: ";".join(final)}

    # Parameters -------------------------------------------------------------------------------

    def _options(self, parameters, context):
        def codes(key):
            return separated_values(self.parameterAsString(parameters, key, context))

        language = mappack.LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]
        file_format = FORMATS[self.parameterAsEnum(parameters, self.FORMAT, context)]
        return {
            "clusters": codes(self.CLUSTERS), "periods": codes(self.PERIODS),
            "paper": PAPERS[self.parameterAsEnum(parameters, self.TEMPLATE, context)],
            "language": language, "format": file_format,
            "title": self.parameterAsString(parameters, self.TITLE, context).strip(),
            "source": self.parameterAsString(parameters, self.SOURCE, context).strip(),
            "boundaries": self._boundary_source(parameters, context),
            "combine": self.parameterAsBoolean(parameters, self.COMBINE_PERIODS, context),
            "comparable": self.parameterAsBoolean(parameters, self.COMPARABLE, context),
            "producer": self.parameterAsString(parameters, self.PRODUCER, context).strip(),
            "single_pdf": file_format == "pdf" and self.parameterAsBoolean(
                parameters, self.SINGLE_PDF, context),
            "add_layouts": self.parameterAsBoolean(parameters, self.ADD_LAYOUTS, context),
            "partner_table": self.parameterAsBoolean(parameters, self.PARTNER_TABLE, context),
            "protection": self.protection_policy(parameters, context),
            "styles": map_layers.cluster_styles(
                self.parameterAsFile(parameters, self.CLUSTER_STYLES, context) or None),
            "created": dt.date.today(),
        }

    def _boundary_source(self, parameters, context):
        """How the sources name the boundaries: the layer's metadata title, else its file
        name (never an intermediate file of the join: those are not sources)."""
        layer = self.parameterAsVectorLayer(parameters, self.ADMIN, context)
        if layer is None:
            return ""
        title = layer.metadata().title().strip()
        if title:
            return title
        return mappack.source_text([layer.source()]) if layer.providerType() == "ogr" \
            else layer.name()

    def _check_fields(self, source, required, label):
        missing = [name for name in required if source.fields().indexOf(name) < 0]
        if missing:
            raise QgsProcessingException(self.tr(
                "{label} {name}: no field {fields}; give the output of CoordMap's algorithm "
                "(fields are listed in the help)").format(
                label=label, name=source.sourceName(), fields=", ".join(missing)))

    def _optional_records(self, parameters, context, key, geometries, feedback):
        source = self.parameterAsSource(parameters, key, context)
        if source is None:
            return None
        self._check_fields(source, ("pcode", "cluster", "period"), key.capitalize())
        records, own_geometries = map_layers.feature_records(source, feedback)
        for pcode, geometry in own_geometries.items():
            geometries.setdefault(pcode, geometry)
        return records

    def _admin1(self, parameters, context, records, geometries, crs, feedback):
        """The admin-1 units drawn on the maps ([(P-code, name, QgsGeometry)]) and each
        presence P-code's admin-1 P-code: from the boundaries when given, else the presence's
        units dissolved by their parent P-code."""
        source = self.parameterAsSource(parameters, self.ADMIN, context)
        if source is not None:
            boundary_records, shapes = qgis_io.admin_features(source, feedback, crs)
            try:
                units = AdminUnits.from_features(boundary_records, shapes)
            except InputError as error:
                raise QgsProcessingException(
                    f"{source.sourceName()}: {error}") from error
            return map_layers.admin1_of_boundaries(units, geometries)
        return map_layers.admin1_of_presence(records, geometries)

    def _partner_facts(self, parameters, context, feedback):
        """Partner types and acronyms from the rows output, where it has those columns."""
        source = self.parameterAsSource(parameters, self.ROWS, context)
        if source is None:
            return {"types": None, "acronyms": {}}
        names = [field.name() for field in source.fields()]
        type_field = org_types.role_field(names, "org_type")
        acronym_field = org_types.role_field(names, "org_acronym")
        wanted = [name for name in ("organisation", "status", type_field, acronym_field)
                  if name in names]
        rows = [row for row in map_layers.attribute_records(source, wanted, feedback)
                if row.get("status") in COUNTED_STATUSES]
        return {"types": org_types.partner_types(rows, type_field) if type_field else None,
                "acronyms": org_types.acronyms(rows, acronym_field)}

    # Maps -------------------------------------------------------------------------------------

    def _export(self, maps, data, crs, scratch, options, context, feedback):
        """``_make_maps`` in the project of the run's context when the layouts are kept, else
        in a private one. That one lives only here and is let go before an error is raised:
        an error keeps the frames of its traceback, and a project destroyed after QGIS has
        exited crashes it."""
        project = context.project() if options["add_layouts"] and context.project() \
            else QgsProject()
        if project.ellipsoid() in ("", "NONE"):  # scale bars in km on lon/lat maps need one
            project.setEllipsoid("EPSG:7030")
        failed = None
        try:
            made = self._make_maps(maps, data, crs, project, scratch, options, feedback)
        except RuntimeError as error:  # a template, style or file QGIS could not use
            failed = str(error)
        project = None
        if failed is not None:
            raise QgsProcessingException(failed)
        return made

    def _make_maps(self, maps, data, crs, project, scratch, options, feedback):
        """Fill and export the maps one by one; (layouts kept, files written), None if cancelled.

        Without 'add layouts' and the partner table, one layout is loaded once and refilled for
        every map (loading a template costs about as much as rendering a page) and each map's
        layers leave the project once it is exported."""
        records = data[0]
        vocabulary = ClusterVocabulary.load()
        renderers = {}
        locator = map_layers.locator_layer(crs, map_layers.geometries_extent(data[1]))
        if locator is not None:
            project.addMapLayer(locator, options["add_layouts"])
        admin1 = map_layers.admin1_layer(options["admin1"], crs,
                                      layouts.font_family(options["language"])) \
            if options["admin1"] else None
        if admin1 is not None:
            project.addMapLayer(admin1, options["add_layouts"])
        reuse = not options["add_layouts"] and not options["partner_table"]
        stem = mappack.pack_stem(options["paper"], options["created"])
        pack = layout_export.PdfPack(scratch / (stem + ".pdf")) if options["single_pdf"] else None
        kept, written, layout = [], [], None
        # One file name per map, never twice (two clusters can give the same name).
        names = map_files.unique_names([mappack.file_stem(spec, options["paper"],
                                                        options["created"], vocabulary)
                                      for spec in maps])
        try:
            for index, (spec, name) in enumerate(zip(maps, names)):
                if feedback.isCanceled():
                    return None
                texts = mappack.marginalia(
                    spec, options["language"], options["created"], title=options["title"],
                    sources=options["source"], boundaries=options["boundaries"],
                    producer=options["producer"], crs_name=crs.description() or crs.authid(),
                    vocabulary=vocabulary, small_count=options["protection"].small_count,
                    country=options["country"])
                main, overlays = self._map_layers(spec, data, crs, texts, options, renderers)
                for layer in [main] + overlays:
                    project.addMapLayer(layer, options["add_layouts"])
                if layout is None or not reuse:
                    layout = layouts.load_layout(project, options["paper"], name,
                                                 texts.right_to_left)
                layout.setName(name)
                icon = options["styles"].get(spec.cluster, options["styles"][""])[1]
                layouts.fill_layout(layout, texts, (main, overlays, locator, admin1), icon,
                                    self._side_panel(spec, records, texts, options))
                if options["partner_table"]:
                    self._add_partner_table(layout, records, data[2], spec, options,
                                            vocabulary)
                if pack is not None:
                    pack.add(layout)
                else:  # a RuntimeError of QGIS's exporter is reported by processAlgorithm
                    written.extend(layout_export.export_layout(
                        layout, scratch / f"{layout.name()}.{options['format']}",
                        options["format"]))
                if reuse:
                    project.removeMapLayers([layer.id() for layer in [main] + overlays])
                else:
                    kept.append(layout)
                feedback.setProgress(100 * (index + 1) / len(maps))
        finally:
            if pack is not None:
                pack.close()
        return kept, written + ([str(pack.path)] if pack is not None else [])

    def _side_panel(self, spec, records, texts, options):
        """The charts of one map: partners per admin 1 and per organisation type."""
        colour = options["styles"].get(spec.cluster, options["styles"][""])[0]
        if spec.protected:
            return layouts.SidePanel(withheld=mappack.marginalia_texts(
                options["language"])["withheld"], colour=colour)
        names = options["admin1_names"]
        counts = mappack.partners_per_admin1(records, spec, options["admin1_of"])
        types = options["types"]
        return layouts.SidePanel(
            admin1=[(names.get(code) or code, count) for code, count in counts],
            types=org_types.type_counts(mappack.map_partners(records, spec), types)
            if types else {}, colour=colour)

    def _map_layers(self, spec, data, crs, texts, options, renderers):
        """(partners-per-unit layer, [need-without-partner, overlaps] when given) of one map."""
        _records, geometries, gaps, overlaps, values = data
        colour = options["styles"].get(spec.cluster, options["styles"][""])[0]
        main = map_layers.presence_layer(values(spec), geometries, crs, colour, texts, renderers,
                                      options["fitted"])
        overlays = []
        for given, style_name, label in (
                (gaps, "need_without_partner", texts.gap_no_partner),
                (overlaps, "overlaps", texts.overlaps)):
            if given is not None:
                overlays.append(map_layers.overlay_layer(
                    mappack.records_of(given, spec), geometries, crs, style_name, label,
                    renderers))
        return main, overlays

    def _add_partner_table(self, layout, records, gaps, spec, options, vocabulary):
        table_texts = mappack.partner_table_texts(spec, options["language"], vocabulary)
        rows = mappack.partner_rows(records, spec, options["protection"],
                                    table_texts["withheld"], gaps or (), options["acronyms"])
        layouts.add_partner_table(layout, rows, table_texts,
                                  layouts.font_family(options["language"]))

    def createInstance(self):
        return ExportMapsAlgorithm()


ALGORITHM = ExportMapsAlgorithm
