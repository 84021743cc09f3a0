"""Where an algorithm writes: never over one of its inputs, and never half-way.

- ``destination_conflict``: a destination that is the same file as an input of the algorithm
  (or as another of its destinations) is refused before anything runs: the partner's 4W file,
  the boundaries or the needs table are never overwritten. Same file means the same file on
  disk (``os.path.samefile``: links, ``..`` and letter case on case-insensitive disks
  included), sheet and layer suffixes (``|layername=``) and ``ogr:`` URIs aside.
- ``StagedOutputs``: the file outputs of one run are written under temporary names, in a hidden
  folder next to each destination (the same disk, so the final move is a rename), and moved
  into place only when every output of the run succeeded; a file they replace is put back if
  a move fails. A cancel or a failure leaves nothing behind: no half-written CSV, no GeoPackage
  with its ``-journal``. Memory layers and database URIs (``ogr:dbname=...``, ``postgres:``)
  are written where Processing puts them: only files can be staged.
"""
import contextlib
import os
import re
import shutil
import sqlite3
import tempfile
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterVectorDestination,
    QgsProperty,
    QgsProviderRegistry,
    QgsVectorFileWriter,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..analysis.errors import InputError
from ..analysis.hxl import tag_output
from ..analysis.progress import Cancelled
from . import geopackage

SCRATCH_PREFIX = ".coordmap-"
SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")  # a GeoPackage being written, or left broken
PROVIDER_URI = re.compile(r"^.{3,}?:")  # how Processing tells "ogr:..." from a file name
translate = QCoreApplication.translate  # (messages under the context "Destinations")


def input_error(error: InputError) -> QgsProcessingException:
    """An input error as Processing shows it: in the user's language."""
    return QgsProcessingException(error.text(translate))


def cancelled():
    return QgsProcessingException(
        translate("Destinations", "Cancelled: no output was written"))


# Which file a parameter names --------------------------------------------------------------------

def static_value(value):
    """A parameter value without its Processing wrappers (output definitions, properties)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if isinstance(value, QgsProperty):
        value = value.staticValue() if value.propertyType() == QgsProperty.Type.StaticProperty \
            else None
    return value


def file_of(value, context=None):
    """The local file a parameter value names (a path with a sheet or layer suffix, an
    ``ogr:`` URI, a layer or a layer id), or None (memory layers, databases, plain text)."""
    value = static_value(value)
    if isinstance(value, str) and context is not None and context.project() is not None:
        value = context.project().mapLayer(value) or value
    if isinstance(value, QgsMapLayer):
        decoded = QgsProviderRegistry.instance().decodeUri(value.providerType(), value.source())
        return decoded.get("path") or None
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text == QgsProcessing.TEMPORARY_OUTPUT or text.startswith("memory:"):
        return None
    if text.startswith("ogr:"):
        return QgsDataSourceUri(text[4:]).database() or None
    if text.startswith("file://"):
        return QgsProviderRegistry.instance().decodeUri("delimitedtext", text).get("path")
    return text.split("|", 1)[0] or None


def destination_file(definition, value):
    """The file a destination parameter will write (None: memory, database, temporary)."""
    if isinstance(definition, QgsProcessingParameterFolderDestination):
        return None
    path = file_of(value)
    if path is None:
        return None
    sink = isinstance(definition, (QgsProcessingParameterFeatureSink,
                                   QgsProcessingParameterVectorDestination))
    if sink and not QgsVectorFileWriter.driverForExtension(Path(path).suffix.lstrip(".")):
        path += ".gpkg"  # as Processing does for a file name without a known extension
    return path


def staged_file(definition, value):
    """The file of a destination written through a scratch folder: a plain file name. A
    provider URI (``ogr:dbname=...`` adds a layer to a database that holds others,
    ``postgres:``, ``memory:``) is written where Processing puts it."""
    text = static_value(value)
    if not isinstance(text, str) or PROVIDER_URI.match(text.strip()):
        return None
    return destination_file(definition, text)


def _input_files(algorithm, parameters, context):
    """(definition, file) of every input parameter whose value is an existing file."""
    found = []
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination():
            continue
        value = parameters.get(definition.name())
        values = value if isinstance(value, (list, tuple)) else [value]
        for one in values:
            path = file_of(one, context)
            if path and os.path.isfile(path):
                found.append((definition, path))
    return found


def _same_file(first, second):
    try:
        return os.path.samefile(first, second)
    except OSError:  # one of them does not exist (yet)
        return False


def _path_key(path):
    """A path as the disk tells files apart: resolved, and case-folded on a disk that ignores
    case (a new file cannot be compared with samefile)."""
    resolved = Path(os.path.realpath(path))
    folder = resolved.parent
    swapped = folder.with_name(folder.name.swapcase()) if folder.name != \
        folder.name.swapcase() else None
    insensitive = swapped is not None and _same_file(folder, swapped)
    return str(resolved).casefold() if insensitive else os.path.normcase(str(resolved))


def destination_conflict(algorithm, parameters, context):
    """'' when every destination is safe, else why one is refused (translated)."""
    inputs = _input_files(algorithm, parameters, context)
    seen = {}
    for definition in algorithm.destinationParameterDefinitions():
        path = destination_file(definition, parameters.get(definition.name()))
        if path is None:
            continue
        for input_definition, input_path in inputs:
            if _same_file(path, input_path):
                return translate(
                    "Destinations", "{output}: {path} is the file of the input '{input}'; an "
                    "output is never written over an input: choose another file name").format(
                    output=definition.description(), path=path,
                    input=input_definition.description())
        if os.path.isdir(path):
            return translate(
                "Destinations", "{output}: {path} is a folder: give a file name").format(
                output=definition.description(), path=path)
        key = _path_key(path)
        if key in seen:
            return translate(
                "Destinations", "{output} and {other} are the same file ({path}): give each "
                "output its own file").format(output=definition.description(),
                                              other=seen[key].description(), path=path)
        seen[key] = definition
    return ""


def refuse_unsafe_destinations(algorithm, parameters, context):
    """Raise before anything runs when a destination would overwrite an input."""
    conflict = destination_conflict(algorithm, parameters, context)
    if conflict:
        raise QgsProcessingException(conflict)


def failure(what, path, error):
    """A QgsProcessingException naming the file and the cause of an OSError."""
    cause = error.strerror or str(error)
    return QgsProcessingException(translate(
        "Destinations", "{what} {path}: cannot be written ({cause})").format(
        what=what, path=path, cause=cause))


# Writing under temporary names -------------------------------------------------------------------

class StagedOutputs:
    """The file outputs of one run: written in scratch folders, moved into place on ``commit``.

    Use as a context manager: leaving it on an exception (a failure or a cancel) removes
    every scratch folder, and the folders it made, so nothing half-written remains."""

    def __init__(self, algorithm, parameters, context):
        self.algorithm, self.parameters, self.context = algorithm, parameters, context
        self.results = {}
        self._scratch = {}  # final folder -> its scratch folder
        self._made_folders = []
        self._renamed = {}  # output id in the scratch folder -> final output id
        self._committed = False

    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        if not self._committed:
            self.discard()
        return False

    def prepare(self):
        """The scratch folder of every destination asked for, made now: a folder that cannot
        be written fails the run before any work is done."""
        for definition in self.algorithm.destinationParameterDefinitions():
            key = definition.name()
            if isinstance(definition, QgsProcessingParameterFolderDestination):
                if self.parameters.get(key):
                    self.folder(key)
            elif isinstance(definition, QgsProcessingParameterFileDestination):
                self.file(key)
            else:
                final = staged_file(definition, self.parameters.get(key))
                if final is not None:
                    self._scratch_for(final, key)

    def _describe(self, key):
        definition = self.algorithm.parameterDefinition(key)
        return definition.description() if definition is not None else key

    def _scratch_for(self, final, key):
        """The scratch folder next to the file ``final``."""
        return self._scratch_in(Path(os.path.abspath(final)).parent, final, key)

    def _scratch_in(self, folder, final, key):
        """The scratch folder in ``folder`` (made, with ``folder``, when first asked for)."""
        if folder not in self._scratch:
            try:
                self._make_folder(folder)
                self._scratch[folder] = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=folder))
            except OSError as error:
                raise failure(self._describe(key), final, error) from error
        return self._scratch[folder]

    def _make_folder(self, folder):
        missing = []
        while not folder.exists():
            missing.append(folder)
            folder = folder.parent
        for made in reversed(missing):
            made.mkdir()
            self._made_folders.append(made)

    def _sink(self, key, fields, geometry_type, crs):
        """(sink, the new file it writes, output id): a file in a scratch folder or Processing's
        temporary file; None for memory layers or a layer added to a database."""
        definition = self.algorithm.parameterDefinition(key)
        value = self.parameters.get(key)
        final = staged_file(definition, value)
        crs = crs if crs is not None else QgsCoordinateReferenceSystem()
        if final is None:
            sink, output_id = self.algorithm.parameterAsSink(
                self.parameters, key, self.context, fields, geometry_type, crs)
            temporary = static_value(value) == QgsProcessing.TEMPORARY_OUTPUT  # a new file
            return sink, output_id if temporary else None, output_id
        staged = self._scratch_for(final, key) / Path(final).name
        parameters = dict(self.parameters)
        parameters[key] = _with_sink(value, str(staged))
        sink, staged_id = self.algorithm.parameterAsSink(parameters, key, self.context, fields,
                                                         geometry_type, crs)
        final_id = staged_id.replace(str(staged), os.path.abspath(final), 1)
        self._renamed[staged_id] = final_id
        return sink, staged_id, final_id

    def write_layer(self, key, fields, geometry_type, crs, write, fill=None):
        """Create the sink of ``key`` and fill it with ``write(sink, output id)``; or, when
        ``fill`` is given and the sink writes a new GeoPackage file in a scratch folder
        (geopackage.fills; never a database that holds other layers), close the sink and call
        ``fill(file, table)`` on the table it made. Both raise Cancelled when the
        run is cancelled. The sink is closed before this returns; the output id is the result
        of ``key``."""
        sink, location, output_id = self._sink(key, fields, geometry_type, crs)
        if sink is None:
            return None
        try:
            if fill is None or location is None or not geopackage.fills(location):
                write(sink, output_id)
            else:
                sink = None  # closed: the writer makes the file and its empty table
                fill(*geopackage.table_of(location))
        except (QgsProcessingException, sqlite3.Error) as error:
            raise QgsProcessingException(f"{self._describe(key)} {output_id}: {error}") from error
        except Cancelled:
            raise cancelled() from None
        finally:
            del sink  # the writer closes its file: nothing stays open in the scratch folder
        self.results[key] = output_id
        return output_id

    def file(self, key):
        """(scratch path, final path) of a file destination parameter; None when not asked."""
        final = self.algorithm.parameterAsFileOutput(self.parameters, key, self.context)
        if not final:
            return None
        return self._scratch_for(final, key) / Path(final).name, os.path.abspath(final)

    def write_file(self, key, write):
        """``write(path)`` into the scratch copy of a file destination; the final path is the
        result of ``key``. An OSError becomes a message naming the file."""
        paths = self.file(key)
        if paths is None:
            return None
        try:
            write(paths[0])
        except OSError as error:
            raise failure(self._describe(key), paths[1], error) from error
        except InputError as error:  # e.g. a report name the writer has no format for
            raise input_error(error) from error
        self.results[key] = paths[1]
        return paths[1]

    def folder(self, key):
        """The scratch folder of a folder destination (made now) and the final folder."""
        final = Path(os.path.abspath(self.algorithm.parameterAsFileOutput(
            self.parameters, key, self.context)))
        return self._scratch_in(final, final, key), final

    def commit(self):
        """Move every staged file into place; on a failure, the files already moved are taken
        back and the ones they replaced restored, and the message names the file and cause."""
        moves, unfinished = [], []
        for folder, scratch in self._scratch.items():
            for path in sorted(scratch.iterdir()):
                if path.name.endswith(SQLITE_SIDE_FILES):
                    unfinished.append(path)
                else:
                    moves.append((path, folder / path.name))
        if unfinished:
            raise QgsProcessingException(translate(
                "Destinations", "{path}: the file was not finished writing").format(
                path=unfinished[0].name))
        for staged, final in moves:  # every tabular file written: its HXL hashtags
            try:
                tag_output(staged)
            except OSError as error:
                raise failure(translate("Destinations", "Output"), final, error) from error
            except InputError as error:
                raise input_error(error) from error
        moved, replaced = [], []
        try:
            for staged, final in moves:
                for existing in [final] + [Path(f"{final}{side}") for side in SQLITE_SIDE_FILES]:
                    if existing.exists() or existing.is_symlink():
                        kept = staged.parent / f".previous-{existing.name}"
                        os.replace(existing, kept)
                        replaced.append((kept, existing))
                os.replace(staged, final)
                moved.append((staged, final))
        except OSError as error:
            for staged, final in reversed(moved):
                _quietly(os.replace, final, staged)
            for kept, existing in reversed(replaced):
                _quietly(os.replace, kept, existing)
            raise failure(translate("Destinations", "Output"), final, error) from error
        self._committed = True
        self._rename_layers_to_load()
        self._remove_scratch()

    def discard(self):
        """Remove every staged file, the scratch folders and the folders made for them."""
        self._remove_scratch()
        for folder in reversed(self._made_folders):
            _quietly(os.rmdir, folder)  # only when empty
        if self._renamed:
            details = self.context.layersToLoadOnCompletion()
            for staged_id in self._renamed:
                details.pop(staged_id, None)
            self.context.setLayersToLoadOnCompletion(details)

    def _rename_layers_to_load(self):
        if not self._renamed:
            return
        details = self.context.layersToLoadOnCompletion()
        renamed = {self._renamed.get(key, key): value for key, value in details.items()}
        self.context.setLayersToLoadOnCompletion(renamed)

    def _remove_scratch(self):
        for scratch in self._scratch.values():
            shutil.rmtree(scratch, ignore_errors=True)
        self._scratch = {}


def feature_sink(name, description, kind, **options):
    """A feature sink parameter whose temporary output (the toolbox's default) is a GeoPackage
    file, not a memory layer: written in bulk with each polygon once (geopackage.py), several
    times faster and with a fraction of the memory of a memory layer. Memory layers and
    database tables stay available by giving their URI."""
    parameter = QgsProcessingParameterFeatureSink(name, description, kind, **options)
    parameter.setSupportsNonFileBasedOutput(False)
    return parameter


def _with_sink(value, path):
    """A sink parameter value pointing at ``path``, keeping the rest of an output definition
    (the project to load it in, its name, its options)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        copy = QgsProcessingOutputLayerDefinition(value)
        copy.sink = QgsProperty.fromValue(path)
        return copy
    return path


def _quietly(function, *args):
    with contextlib.suppress(OSError):
        function(*args)
