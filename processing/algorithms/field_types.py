"""Field types for ``QgsField`` from QGIS 3.22 (Qt5) to QGIS 4 (Qt6).

Qt6 has no ``QVariant.Type``: QgsField takes a ``QMetaType.Type`` there, as it does from QGIS
3.38 on. Older QGIS accepts only a ``QVariant.Type``, which PyQt5 also takes as a plain int, and
the two enums number the types used here alike.
"""
from qgis.core import Qgis
from qgis.PyQt.QtCore import QMetaType


def _field_type(meta_type):
    return meta_type if Qgis.QGIS_VERSION_INT >= 33800 else int(meta_type)


STRING = _field_type(QMetaType.Type.QString)
INT = _field_type(QMetaType.Type.Int)
LONG_LONG = _field_type(QMetaType.Type.LongLong)
DOUBLE = _field_type(QMetaType.Type.Double)
BOOL = _field_type(QMetaType.Type.Bool)
