"""CoordMap: humanitarian coordination mapping for QGIS."""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .plugin.plugin import CoordMapPlugin

    return CoordMapPlugin(iface)
