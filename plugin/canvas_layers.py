"""The panel's layers on the canvas: the join's outputs styled, and the layer of the choice
(one polygon per unit, its partners over the ticked clusters and periods) drawn as the map pack
draws them. Texts shown to the user are given by the panel (translated there)."""
from qgis.core import (
    QgsClassificationJenks,
    QgsFeatureRequest,
    QgsGraduatedSymbolRenderer,
    QgsProject,
    QgsStyle,
    QgsVectorLayer,
)

from ..processing.metadata import RESOURCES_DIR

# Layers the panel adds and filters: output key of the algorithms -> style file name.
# Gaps are drawn as on the map pack: outlined where a need has no partner.
LAYER_STYLES = {"presence": "partners_per_unit", "gaps": "need_without_partner",
                "overlap_units": "overlaps"}
SELECTION_PROPERTY = "coordmap/selection"  # marks the layer drawing the choice


def style_layer(layer, key):
    style = RESOURCES_DIR / "styles" / f"{LAYER_STYLES[key]}.qml"
    loaded = style.is_file() and layer.loadNamedStyle(str(style))[1]
    if not loaded and key == "presence":
        ramp = QgsStyle.defaultStyle().colorRamp("Blues")
        renderer = QgsGraduatedSymbolRenderer("partners")
        renderer.setSourceColorRamp(ramp)
        renderer.setClassificationMethod(QgsClassificationJenks())
        renderer.updateClasses(layer, 5)
        layer.setRenderer(renderer)
    if key == "presence" and layer.renderer() is not None:
        # A unit has one feature per cluster and period: with several chosen, the one with
        # the most partners is drawn on top, so the map shows the highest count.
        layer.renderer().setOrderBy(QgsFeatureRequest.OrderBy(
            [QgsFeatureRequest.OrderByClause("partners", True)]))
        layer.renderer().setOrderByEnabled(True)


def remove_layers(layer_ids):
    """The panel's layers out of the project: the outputs' (by id) and the choice's, this
    session's or one saved with the project (a memory layer comes back empty: drawn anew)."""
    project = QgsProject.instance()
    for layer_id in layer_ids:
        if project.mapLayer(layer_id) is not None:
            project.removeMapLayer(layer_id)
    for layer in list(project.mapLayers().values()):
        if layer.customProperty(SELECTION_PROPERTY):
            project.removeMapLayer(layer.id())


def add_choice_layer(presence, presence_path, title):
    """The layer the canvas shows: one polygon per unit of the presence file, just above the
    presence layer, which stays (unticked) for its attributes. Returns (layer id, {P-code:
    feature id}, base renderer), what ``draw_choice`` fills."""
    from ..processing.algorithms import field_types, map_layers

    source = QgsVectorLayer(presence_path, "presence", "ogr")
    request = QgsFeatureRequest().setSubsetOfAttributes(
        ["pcode", "name", "unit_specified"], source.fields())
    units = {}
    for feature in source.getFeatures(request):
        if feature["unit_specified"] and feature.hasGeometry():
            units.setdefault(str(feature["pcode"]), (feature["name"], feature.geometry()))
    layer = map_layers.memory_layer(
        title, source.crs(), [("pcode", field_types.STRING), ("name", field_types.STRING),
                              ("partners", field_types.INT), ("protected", field_types.INT),
                              ("shown", field_types.INT)],
        [(pcode, name, None, 0, 1) for pcode, (name, _) in sorted(units.items())],
        {pcode: geometry for pcode, (_, geometry) in units.items()})
    map_layers.styled(layer, "partners_per_unit")
    layer.setCustomProperty(SELECTION_PROPERTY, True)  # (after the style: it resets them)
    fids = {f["pcode"]: f.id() for f in layer.getFeatures()}
    selection = (layer.id(), fids, layer.renderer().clone())
    project = QgsProject.instance()
    project.addMapLayer(layer, False)
    root = project.layerTreeRoot()
    node = root.findLayer(presence.id())
    parent = node.parent() if node is not None else root
    index = parent.children().index(node) if node is not None else 0
    parent.insertLayer(index, layer)  # just above the presence
    if node is not None:
        node.setItemVisibilityChecked(False)
    return selection


def draw_choice(layer, selection, values, colour, texts):
    """The choice's partners per unit (``values``: P-code -> count or SMALL) on the choice's
    layer: values, classes fitted to them and the colour."""
    from ..processing.algorithms import map_layers
    from ..processing.analysis.classes import count_classes
    from ..processing.analysis.mappack import SMALL

    fields = layer.fields()
    partners, protected, shown = (fields.indexOf(name) for name in
                                  ("partners", "protected", "shown"))
    _, fids, base = selection
    changes = {}
    for pcode, fid in fids.items():
        value = values.get(pcode)
        changes[fid] = {partners: None if value in (None, SMALL) else value,
                        protected: int(value == SMALL),
                        shown: int(pcode in values)}
    layer.dataProvider().changeAttributeValues(changes)
    layer.setSubsetString('"shown" = 1')
    layer.setRenderer(map_layers.presence_renderer(
        base, count_classes(values.values()), colour,  # (None and SMALL are left out)
        {"no_data": texts["no_data"], "zero": texts["zero"]},
        SMALL in values.values()))
    layer.triggerRepaint()
