<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
    <context>
        <name>AlgorithmRun</name>
        <message>
            <location filename="../plugin/tasks.py" line="37" />
            <source>The algorithm {id} is not available</source>
            <translation>El algoritmo {id} no está disponible</translation>
        </message>
        <message>
            <location filename="../plugin/tasks.py" line="62" />
            <source>Cancelled</source>
            <translation>Cancelado</translation>
        </message>
        <message>
            <location filename="../plugin/tasks.py" line="69" />
            <source>The algorithm failed (see the Processing log)</source>
            <translation>El algoritmo falló (vea el registro de Procesos)</translation>
        </message>
    </context>
    <context>
        <name>CoordMapAlgorithm</name>
        <message>
            <location filename="../processing/algorithms/base.py" line="128" />
            <source>Protect sensitive clusters (hide partners, blank small counts)</source>
            <translation>Proteger los clústeres sensibles (ocultar socios, borrar los recuentos pequeños)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="133" />
            <source>Sensitive clusters besides GBV and child protection (codes or names)</source>
            <translation>Clústeres sensibles además de la VBG y la protección de la niñez (códigos o nombres)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="138" />
            <source>Small count threshold k (counts below k are hidden)</source>
            <translation>Umbral de recuentos pequeños k (se ocultan los recuentos inferiores a k)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="158" />
            <source>Coordination</source>
            <translation>Coordinación</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="21" />
            <source>humanitarian,cluster,sector,partner,presence,coordination,who does what where</source>
            <translation>humanitario,clúster,sector,socio,presencia,coordinación,quién hace qué dónde</translation>
        </message>
    </context>
    <context>
        <name>CoordMapDependencies</name>
        <message>
            <location filename="../processing/deps.py" line="34" />
            <source>tables</source>
            <translation>tablas</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="34" />
            <source>geometry</source>
            <translation>geometría</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="34" />
            <source>reading XLSX, XLS and ODS files</source>
            <translation>lectura de archivos XLSX, XLS y ODS</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="34" />
            <source>writing XLSX reports</source>
            <translation>escritura de informes XLSX</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="34" />
            <source>fuzzy matching of admin names</source>
            <translation>coincidencia aproximada de nombres administrativos</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="72" />
            <source>{package} is not installed ({purpose})</source>
            <translation>{package} no está instalado ({purpose})</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="73" />
            <source>{package} {found} is too old ({purpose}): CoordMap needs {minimum} or newer</source>
            <translation>{package} {found} es demasiado antiguo ({purpose}): CoordMap necesita la versión {minimum} o posterior</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="233" />
            <source>Install your distribution's packages: {command}</source>
            <translation>Instale los paquetes de su distribución: {command}</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="235" />
            <source>In the OSGeo4W Shell (Windows Start menu &gt; QGIS &gt; OSGeo4W Shell), run: {command}</source>
            <translation>En OSGeo4W Shell (menú Inicio de Windows &gt; QGIS &gt; OSGeo4W Shell), ejecute: {command}</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="238" />
            <source>Your Linux distribution manages its Python and has no recent enough package for the rest: install it for your user only with: {command} (pip then writes to ~/.local, never to system folders, but what it installs there comes first for every Python program you run; the README's Install section gives other ways)</source>
            <translation>Su distribución de Linux gestiona su Python y no tiene un paquete lo bastante reciente para el resto: instálelo solo para su usuario con: {command} (pip escribe entonces en ~/.local, nunca en carpetas del sistema, pero lo que instala allí tiene prioridad para todos los programas Python que ejecute; la sección de instalación del README ofrece otras vías)</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="244" />
            <source>In a terminal, run: {command}</source>
            <translation>En una terminal, ejecute: {command}</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="245" />
            <source>Without internet: add --no-index --find-links FOLDER to the pip command, FOLDER being CoordMap's wheelhouse for this system (README, Install offline)</source>
            <translation>Sin internet: añada --no-index --find-links CARPETA al comando pip, siendo CARPETA el wheelhouse de CoordMap para este sistema (README, instalación sin conexión)</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="249" />
            <source>Then restart QGIS.</source>
            <translation>Después reinicie QGIS.</translation>
        </message>
    </context>
    <context>
        <name>CoordMapDock</name>
        <message>
            <location filename="../plugin/dock.py" line="367" />
            <source>CoordMap</source>
            <translation>CoordMap</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="113" />
            <source>Periods</source>
            <translation>Períodos</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="276" />
            <source>Sources</source>
            <translation>Fuentes</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="133" />
            <source>4W table layer</source>
            <translation>Capa de la tabla 4W</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="133" />
            <source>or 4W file</source>
            <translation>o archivo 4W</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="133" />
            <source>4W tables (*.xlsx *.xls *.ods *.csv *.txt);;All files (*)</source>
            <translation>Tablas 4W (*.xlsx *.xls *.ods *.csv *.txt);;Todos los archivos (*)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="137" />
            <source>A 4W file (XLSX, XLS, ODS, CSV); it wins over the layer</source>
            <translation>Un archivo 4W (XLSX, XLS, ODS, CSV); tiene prioridad sobre la capa</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="139" />
            <source>Admin boundaries layer</source>
            <translation>Capa de límites administrativos</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="139" />
            <source>or boundaries file</source>
            <translation>o archivo de límites</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="139" />
            <source>Boundaries (*.gpkg *.geojson *.json *.shp);;All files (*)</source>
            <translation>Límites (*.gpkg *.geojson *.json *.shp);;Todos los archivos (*)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="144" />
            <source>Automatic</source>
            <translation>Automático</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="145" />
            <source>Admin level</source>
            <translation>Nivel administrativo</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="147" />
            <source>Month</source>
            <translation>Mes</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="147" />
            <source>Quarter</source>
            <translation>Trimestre</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="147" />
            <source>Whole table</source>
            <translation>Toda la tabla</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="148" />
            <source>Presence per</source>
            <translation>Presencia por</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="151" />
            <source>not given</source>
            <translation>no indicado</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="153" />
            <source>The year of month names written without one ("January", "Feb"): without it, such rows have no usable month</source>
            <translation>El año de los nombres de mes escritos sin año («enero», «feb.»): sin él, esas filas no tienen un mes utilizable</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="156" />
            <source>Year of months without a year</source>
            <translation>Año de los meses sin año</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="158" />
            <source>Needs tables (*.csv *.xlsx *.ods *.gpkg);;All files (*)</source>
            <translation>Tablas de necesidades (*.csv *.xlsx *.ods *.gpkg);;Todos los archivos (*)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="160" />
            <source>Optional: people in need per unit and cluster, for gaps</source>
            <translation>Opcional: personas con necesidades por unidad y clúster, para las brechas</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="162" />
            <source>Needs (optional)</source>
            <translation>Necesidades (opcional)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="164" />
            <source>Run join</source>
            <translation>Ejecutar la unión</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="165" />
            <source>Join the 4W table to the boundaries in the background</source>
            <translation>Unir en segundo plano la tabla 4W a los límites</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="167" />
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="169" />
            <source>Join 4W to boundaries (all options)…</source>
            <translation>Unir la 4W a los límites (todas las opciones)…</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="194" />
            <source>Clusters</source>
            <translation>Clústeres</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="198" />
            <source>Tick the clusters to map; the number is the partners in the chosen periods</source>
            <translation>Marque los clústeres que desea cartografiar; el número indica los socios en los períodos elegidos</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="203" />
            <source>All</source>
            <translation>Todos</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="205" />
            <source>None</source>
            <translation>Ninguno</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="213" />
            <source>Summary</source>
            <translation>Resumen</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Partners</source>
            <translation>Socios</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Distinct organisations working in the chosen clusters and periods, anywhere (each counted once, not once per unit)</source>
            <translation>Organizaciones distintas que trabajan en los clústeres y períodos elegidos, en cualquier lugar (cada una contada una vez, no una vez por unidad)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Activities</source>
            <translation>Actividades</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Organisation-activity pairs, counted once per unit, cluster and period</source>
            <translation>Pares organización-actividad, contados una vez por unidad, clúster y período</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Units covered</source>
            <translation>Unidades cubiertas</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Admin units with at least one partner in the chosen clusters and periods</source>
            <translation>Unidades administrativas con al menos un socio en los clústeres y períodos elegidos</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Units with a gap</source>
            <translation>Unidades con brecha</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Admin units with a need and no partner, or too few partners for the need (needs the gaps analysis: pick a needs table)</source>
            <translation>Unidades administrativas con necesidades y sin socios, o con muy pocos socios para la necesidad (requiere el análisis de brechas: elija una tabla de necesidades)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Unmatched rows</source>
            <translation>Filas sin emparejar</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Rows of the chosen clusters and periods that could not be placed on an admin unit (and, in brackets, in the whole table); the QA report lists them</source>
            <translation>Filas de los clústeres y períodos elegidos que no se pudieron situar en una unidad administrativa (y, entre paréntesis, en toda la tabla); el informe de control de calidad las enumera</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="250" />
            <source>Map pack</source>
            <translation>Paquete de mapas</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="254" />
            <source>Default: coordmap_map_pack next to the project, or in your home folder</source>
            <translation>Por defecto: coordmap_map_pack junto al proyecto, o en su carpeta personal</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="256" />
            <source>Folder</source>
            <translation>Carpeta</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="264" />
            <source>Map language</source>
            <translation>Idioma de los mapas</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="266" />
            <source>A4 landscape</source>
            <translation>A4 horizontal</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="266" />
            <source>A4 portrait</source>
            <translation>A4 vertical</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="266" />
            <source>A3 landscape</source>
            <translation>A3 horizontal</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="268" />
            <source>Template</source>
            <translation>Plantilla</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="270" />
            <source>Default: country – cluster: operational presence</source>
            <translation>Por defecto: país – clúster: presencia operacional</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="272" />
            <source>Title</source>
            <translation>Título</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="274" />
            <source>Default: partners' 4W reports and the boundaries</source>
            <translation>Por defecto: informes 4W de los socios y límites administrativos</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="278" />
            <source>e.g. OCHA IM unit, im@example.org</source>
            <translation>p. ej. unidad de GI de OCHA, im@example.org</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="279" />
            <source>Producer</source>
            <translation>Elaborado por</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="280" />
            <source>One map of the chosen periods</source>
            <translation>Un mapa de los períodos elegidos</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="281" />
            <source>Distinct partners over the whole range, as the map in the panel; unticked: one map per period</source>
            <translation>Socios distintos en todo el rango, como el mapa del panel; sin marcar: un mapa por período</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="286" />
            <source>Same classes on every map</source>
            <translation>Mismas clases en todos los mapas</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="287" />
            <source>To compare clusters side by side</source>
            <translation>Para comparar los clústeres lado a lado</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="289" />
            <source>Export map pack</source>
            <translation>Exportar el paquete de mapas</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="330" />
            <source>Load a 4W table to start: pick the partners' 4W table and the admin boundaries, then Run join.</source>
            <translation>Cargue una tabla 4W para empezar: elija la tabla 4W de los socios y los límites administrativos y luego Ejecutar la unión.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="355" />
            <source>The map pack export is not available in this installation (algorithm {id})</source>
            <translation>La exportación del paquete de mapas no está disponible en esta instalación (algoritmo {id})</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="360" />
            <source>Export the maps of the chosen clusters and periods in the background</source>
            <translation>Exportar en segundo plano los mapas de los clústeres y períodos elegidos</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="360" />
            <source>Tick at least one cluster to export its maps</source>
            <translation>Marque al menos un clúster para exportar sus mapas</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="392" />
            <source>Choose a 4W table and admin boundaries first.</source>
            <translation>Elija primero una tabla 4W y los límites administrativos.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="401" />
            <source>CoordMap: join 4W table</source>
            <translation>CoordMap: unir la tabla 4W</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="403" />
            <source>Joining the 4W table to the boundaries…</source>
            <translation>Uniendo la tabla 4W a los límites…</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="426" />
            <source>Stopped: {message}</source>
            <translation>Detenido: {message}</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="439" />
            <source>No row has a usable month (no date column, or month names without a year): the map shows the whole table. To map month by month, give the year in "Year of months without a year", choose Presence per Month and run the join again.</source>
            <translation>Ninguna fila tiene un mes utilizable (sin columna de fecha, o nombres de mes sin año): el mapa muestra toda la tabla. Para cartografiar mes a mes, indique el año en «Año de los meses sin año», elija Presencia por Mes y vuelva a ejecutar la unión.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="459" />
            <source>{count} rows have no usable period and are not on the map: give the year of month names without one in "Year of months without a year", or choose Presence per Whole table, and run the join again.</source>
            <translation>{count} filas no tienen un período utilizable y no están en el mapa: indique el año de los nombres de mes sin año en «Año de los meses sin año», o elija Presencia por Tabla completa, y vuelva a ejecutar la unión.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="468" />
            <source>Computing gaps and overlaps…</source>
            <translation>Calculando brechas y superposiciones…</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="469" />
            <source>CoordMap: gaps and overlaps</source>
            <translation>CoordMap: brechas y superposiciones</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="476" />
            <source>Gaps and overlaps were not computed: {message}</source>
            <translation>No se calcularon las brechas ni las superposiciones: {message}</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="491" />
            <source>Cannot read the join outputs: {error}</source>
            <translation>No se pueden leer las salidas de la unión: {error}</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="514" />
            <source>No row of the 4W table could be placed on an admin unit: open the QA report to see why for each row, fix the P-codes or names, and run the join again.</source>
            <translation>Ninguna fila de la tabla 4W pudo ubicarse en una unidad administrativa: abra el informe de control de calidad para ver el motivo de cada fila, corrija los P-codes o los nombres y vuelva a ejecutar la unión.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="519" />
            <source>{clusters} and {periods}.</source>
            <translation>{clusters} y {periods}.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="519" />
            <source>1 cluster</source>
            <translation>1 clúster</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="519" />
            <source>{n} clusters</source>
            <translation>{n} clústeres</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="519" />
            <source>1 period</source>
            <translation>1 período</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="519" />
            <source>{n} periods</source>
            <translation>{n} períodos</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="524" />
            <source>Tick clusters and move the period range: the map and the numbers follow.</source>
            <translation>Marque clústeres y mueva el rango de períodos: el mapa y las cifras se actualizan.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="535" />
            <source>Partner presence</source>
            <translation>Presencia de socios</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="535" />
            <source>Gaps</source>
            <translation>Brechas</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="536" />
            <source>Overlapping partners</source>
            <translation>Socios superpuestos</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="546" />
            <source>Cannot open {path}</source>
            <translation>No se puede abrir {path}</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="562" />
            <source>Partners (chosen clusters and periods)</source>
            <translation>Socios (clústeres y períodos elegidos)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="605" />
            <source>Open the QA report</source>
            <translation>Abrir el informe de control de calidad</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="658" />
            <source>No cluster ticked: tick at least one to see the map.</source>
            <translation>Ningún clúster marcado: marque al menos uno para ver el mapa.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="661" />
            <source>The whole table (the 4W gives no period)</source>
            <translation>Toda la tabla (el 4W no indica período)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="663" />
            <source>Period: {period}</source>
            <translation>Período: {period}</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="664" />
            <source>Periods: {first} to {last}</source>
            <translation>Períodos: de {first} a {last}</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="671" />
            <source>not computed</source>
            <translation>no calculado</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="674" />
            <source>{chosen} ({total} in the whole table)</source>
            <translation>{chosen} ({total} en toda la tabla)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="682" />
            <source>withheld (protected data)</source>
            <translation>oculto (datos protegidos)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="683" />
            <source>{count} + withheld (protected data)</source>
            <translation>{count} + ocultos (datos protegidos)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="688" />
            <source>withheld</source>
            <translation>oculto</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="689" />
            <source>{code} – {name} ({partners})</source>
            <translation>{code} – {name} ({partners})</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="691" />
            <source>Protected data: partner names and numbers below the threshold are not shown</source>
            <translation>Datos protegidos: no se muestran los nombres de los socios ni los números por debajo del umbral</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="691" />
            <source>{partners} partners in the chosen periods</source>
            <translation>{partners} socios en los períodos elegidos</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="788" />
            <source>Exporting the map pack to {folder}…</source>
            <translation>Exportando el paquete de mapas a {folder}…</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="789" />
            <source>CoordMap: export map pack</source>
            <translation>CoordMap: exportar el paquete de mapas</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="789" />
            <source>Map pack written to {folder}</source>
            <translation>Paquete de mapas guardado en {folder}</translation>
        </message>
    </context>
    <context>
        <name>CoordMapPlugin</name>
        <message>
            <location filename="../plugin/plugin.py" line="64" />
            <source>CoordMap panel</source>
            <translation>Panel de CoordMap</translation>
        </message>
        <message>
            <location filename="../plugin/plugin.py" line="67" />
            <source>Join 4W to boundaries…</source>
            <translation>Unir la 4W a los límites…</translation>
        </message>
    </context>
    <context>
        <name>CoordMapProvider</name>
        <message>
            <location filename="../processing/provider.py" line="37" />
            <source>CoordMap humanitarian coordination</source>
            <translation>CoordMap coordinación humanitaria</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="56" />
            <source>Some CoordMap features are off: {problems}.</source>
            <translation>Algunas funciones de CoordMap están desactivadas: {problems}.</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="58" />
            <source>Some CoordMap algorithms cannot run: {problems}.</source>
            <translation>Algunos algoritmos de CoordMap no pueden ejecutarse: {problems}.</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="79" />
            <source>CoordMap cannot run this algorithm: {problems}.</source>
            <translation>CoordMap no puede ejecutar este algoritmo: {problems}.</translation>
        </message>
    </context>
    <context>
        <name>Destinations</name>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="53" />
            <source>Cancelled: no output was written</source>
            <translation>Cancelado: no se escribió ninguna salida</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="159" />
            <source>{output}: {path} is the file of the input '{input}'; an output is never written over an input: choose another file name</source>
            <translation>{output}: {path} es el archivo de la entrada «{input}»; una salida nunca se escribe sobre una entrada: elija otro nombre de archivo</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="165" />
            <source>{output}: {path} is a folder: give a file name</source>
            <translation>{output}: {path} es una carpeta: indique un nombre de archivo</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="170" />
            <source>{output} and {other} are the same file ({path}): give each output its own file</source>
            <translation>{output} y {other} son el mismo archivo ({path}): dé a cada salida su propio archivo</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="188" />
            <source>{what} {path}: cannot be written ({cause})</source>
            <translation>{what} {path}: no se puede escribir ({cause})</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="350" />
            <source>{path}: the file was not finished writing</source>
            <translation>{path}: la escritura del archivo no se terminó</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="375" />
            <source>Output</source>
            <translation>Salida</translation>
        </message>
    </context>
    <context>
        <name>ExportHapiPresenceAlgorithm</name>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="62" />
            <source>Export operational presence for HDX (HAPI)</source>
            <translation>Exportar la presencia operacional para HDX (HAPI)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="62" />
            <source>Writes the partner presence in the shape of HDX HAPI's operational presence table (one row per organisation, sector, admin unit and period), with HXL hashtags.</source>
            <translation>Escribe la presencia de los socios con la forma de la tabla de presencia operacional de HDX HAPI (una fila por organización, sector, unidad administrativa y período), con los hashtags HXL.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="62" />
            <source>HDX,HAPI,operational presence,3W,export,share,sector</source>
            <translation>HDX,HAPI,presencia operacional,3W,exportar,compartir,sector</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="34" />
            <source>Writes the presence of the join in the shape of HDX HAPI's operational presence table, so a cluster can compare its figures with HDX's and share them in HDX's format: one row per organisation, sector, admin unit and period, with the country, admin 1 and admin 2 codes and names, the admin level, the organisation's acronym, name and type, the sector code and name, and the reference period's start and end. The file (CSV or XLSX) has HXL hashtags under its header.

Give the rows output of 'Join 4W table to admin boundaries' and the boundaries the join used (every level, for the admin 1 and admin 2 names). Rows located below admin 2 count in their admin 2 unit; rows located at admin 1 have no admin 2. The reference period is the row's month, quarter or year (its own dates when it has no period).

Sector codes are CoordMap's cluster codes, which are HDX's, except two: multipurpose cash (MPC) is written Cash, and coordination and common services (CSS) CCM, as HDX HAPI files them. Organisation types get HDX's type code where CoordMap recognises them (INGO 437, NNGO 441, UN 447 ...).

Data protection (on by default): the presence of GBV and child protection (and of the clusters you add) names no organisation: one row per unit, sector and period with the organisation blank.</source>
            <translation>Escribe la presencia de la unión con la forma de la tabla de presencia operacional de HDX HAPI, para que un clúster compare sus cifras con las de HDX y las comparta en el formato de HDX: una fila por organización, sector, unidad administrativa y período, con el país, los códigos y nombres de admin 1 y admin 2, el nivel administrativo, el acrónimo, el nombre y el tipo de la organización, el código y el nombre del sector, y el inicio y el fin del período de referencia. El archivo (CSV o XLSX) tiene los hashtags HXL bajo su encabezado.

Dé la salida de filas de «Unir la tabla 4W a los límites administrativos» y los límites que usó la unión (todos los niveles, para los nombres de admin 1 y admin 2). Las filas ubicadas por debajo de admin 2 cuentan en su unidad de admin 2; las filas ubicadas en admin 1 no tienen admin 2. El período de referencia es el mes, el trimestre o el año de la fila (sus propias fechas cuando no tiene período).

Los códigos de sector son los códigos de clúster de CoordMap, que son los de HDX, salvo dos: el efectivo multipropósito (MPC) se escribe Cash, y la coordinación y los servicios comunes (CSS) CCM, como los clasifica HDX HAPI. Los tipos de organización reciben el código de tipo de HDX cuando CoordMap los reconoce (INGO 437, NNGO 441, ONU 447 ...).

Protección de datos (activada por defecto): la presencia de VBG y protección de la infancia (y de los clústeres que añada) no nombra ninguna organización: una fila por unidad, sector y período con la organización en blanco.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="55" />
            <source>Rows with match status (output of the join)</source>
            <translation>Filas con estado de coincidencia (salida de la unión)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="58" />
            <source>Admin boundaries (COD-AB polygons, as given to the join)</source>
            <translation>Límites administrativos (polígonos COD-AB, como se dieron a la unión)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="61" />
            <source>Boundaries of other admin levels (when each level is a separate file)</source>
            <translation>Límites de otros niveles administrativos (cuando cada nivel es un archivo aparte)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="65" />
            <source>Country ISO 3166 code (default: from the admin 1 P-codes)</source>
            <translation>Código ISO 3166 del país (por defecto: según los P-codes de admin 1)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="69" />
            <source>Extra cluster names (JSON, as given to the join)</source>
            <translation>Nombres de clústeres adicionales (JSON, como se dio a la unión)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="74" />
            <source>Operational presence (HDX HAPI)</source>
            <translation>Presencia operacional (HDX HAPI)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="100" />
            <source>{rows} rows of operational presence</source>
            <translation>{rows} filas de presencia operacional</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="107" />
            <source>Rows: no such layer or file</source>
            <translation>Filas: no existe esa capa o archivo</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="114" />
            <source>Admin boundaries: no such layer or file</source>
            <translation>Límites administrativos: no existe esa capa o archivo</translation>
        </message>
    </context>
    <context>
        <name>ExportMapsAlgorithm</name>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="54" />
            <source>Export 3W map pack</source>
            <translation>Exportar el paquete de mapas 3W</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="54" />
            <source>Makes the OCHA-style partner presence maps, one per cluster (and period), as PDF, PNG or SVG.</source>
            <translation>Produce los mapas de presencia de socios al estilo OCHA, uno por clúster (y periodo), en PDF, PNG o SVG.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="54" />
            <source>map pack,map,PDF,print layout,atlas,operational presence</source>
            <translation>paquete de mapas,mapa,PDF,diseño de impresión,atlas,presencia operativa</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="65" />
            <source>Makes the 3W map pack from the presence output of 'Join 4W table to admin boundaries': one map per cluster (and per period) with title, period, 'as of' date, legend of partners per unit, locator map, scale bar, north arrow, sources, producer, map id, creation date, the United Nations disclaimer and a note saying what blank areas mean. Hatched grey units have no data (no 4W report); white units were reported with no partner of the cluster.

Classes of partners per unit are fitted to the data (few whole-number classes, as even as readable breaks allow); 'Same classes on every map' gives every map of the pack the classes of all of them, to compare clusters. 'One map of all the chosen periods' makes one map of a range of months (distinct partners over the range) instead of one map per period.

Admin boundaries (optional, the layer of the join or an admin-1 layer) draw the admin-1 outlines and names and are named in the sources; without them the units are dissolved by their parent P-code. The title names the country of the P-codes. The side panel charts the partners per admin 1 and, given the join's rows with an organisation type column, per type (UN, international NGO, national NGO, Red Cross / Red Crescent, government); the partner table prints acronyms. The 'as of' date is the end of the data's period.

Optional gaps and overlap-units layers (from 'Gaps and overlaps') outline units with a need and no partner and hatch units with overlapping activities. Files are named by map id, cluster short name, paper and date, e.g. COORDMAP-WSH-2025-12_3W-Water-Sanitation-and-Hygiene_A4L_20251231. Map texts are in the chosen language (English, French, Spanish, Arabic). Cluster colours and icons are CoordMap's own defaults, not an official palette: give your own JSON file (same shape as resources/styles/cluster_styles.json) as 'Cluster colours and icons', or set it once in the QGIS setting coordmap/cluster_styles. 'Add the layouts to the project' keeps every map as an editable print layout (with its layers, as temporary layers) to fine-tune in the layout manager.

Data protection (on by default): maps of GBV and child protection (in any spelling or language, and of the clusters you add) name no partner and show no count below k: the legend has two classes, fewer than k and k or more, the partner table shows fewer than k and 'withheld', and the partner and activity numbers are withheld. Texts from the data and the parameters are printed as written, never run as expressions.</source>
            <translation>Genera el paquete de mapas 3W a partir de la salida de presencia de «Unir la tabla 4W a los límites administrativos»: un mapa por clúster (y por período) con título, período, fecha de corte, leyenda de socios por unidad, mapa de ubicación, barra de escala, flecha del norte, fuentes, productor, identificador del mapa, fecha de creación, la cláusula de exención de responsabilidad de las Naciones Unidas y una nota que explica qué significan las zonas en blanco. Las unidades grises rayadas no tienen datos (ningún reporte 4W); las unidades blancas se reportaron sin ningún socio del clúster.

Las clases de socios por unidad se ajustan a los datos (pocas clases de números enteros, tan parejas como lo permiten cortes legibles); «Mismas clases en todos los mapas» da a cada mapa del conjunto las clases de todos ellos, para comparar clústeres. «Un mapa de todos los períodos elegidos» hace un mapa de un rango de meses (socios distintos en el rango) en lugar de un mapa por período.

Los límites administrativos (opcionales, la capa de la unión o una capa de admin 1) dibujan los contornos y nombres de admin 1 y se citan en las fuentes; sin ellos, las unidades se agrupan por su P-code padre. El título nombra el país de los P-codes. El panel lateral muestra los socios por admin 1 y, con las filas de la unión que tienen una columna de tipo de organización, por tipo (ONU, ONG internacional, ONG nacional, Cruz Roja / Media Luna Roja, gobierno); la tabla de socios imprime las siglas. La fecha de situación es el final del período de los datos.

Las capas opcionales de brechas y de unidades con superposición (de «Brechas y superposiciones») resaltan el contorno de las unidades con necesidades y sin socios y rayan las unidades con actividades superpuestas. Los archivos se nombran según el identificador del mapa, el nombre corto del clúster, el papel y la fecha, p. ej. COORDMAP-WSH-2025-12_3W-Water-Sanitation-and-Hygiene_A4L_20251231. Los textos de los mapas están en el idioma elegido (inglés, francés, español, árabe). Los colores e iconos de los clústeres son los predeterminados de CoordMap, no una paleta oficial: indique su propio archivo JSON (con la misma forma que resources/styles/cluster_styles.json) como «Colores e iconos de los clústeres», o configúrelo una vez en el ajuste de QGIS coordmap/cluster_styles. «Añadir las composiciones al proyecto» conserva cada mapa como una composición de impresión editable (con sus capas, como capas temporales) para ajustarla en el administrador de composiciones.

Protección de datos (activada por defecto): los mapas de VBG y de protección de la niñez (en cualquier grafía o idioma, y de los clústeres que añada) no nombran a ningún socio ni muestran recuentos inferiores a k: la leyenda tiene dos clases, menos de k y k o más, la tabla de socios indica menos de k y 'ocultos', y los números de socios y actividades se ocultan. Los textos de los datos y de los parámetros se imprimen tal como están escritos, nunca se ejecutan como expresiones.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="103" />
            <source>Presence (output of Join 4W)</source>
            <translation>Presencia (salida de Unir 4W)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="106" />
            <source>Gaps (output of Gaps and overlaps)</source>
            <translation>Brechas (salida de Brechas y superposiciones)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="109" />
            <source>Overlap units (output of Gaps and overlaps)</source>
            <translation>Unidades con superposición (salida de Brechas y superposiciones)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="112" />
            <source>Admin boundaries (for admin 1 outlines and names, and the sources)</source>
            <translation>Límites administrativos (contornos y nombres de admin 1, y fuentes)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="116" />
            <source>Rows with match status (output of Join 4W: organisation types and acronyms)</source>
            <translation>Filas con estado de correspondencia (salida de Unir 4W: tipos de organización y siglas)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="120" />
            <source>Clusters (codes separated by commas; default: all present)</source>
            <translation>Clústeres (códigos separados por comas; por defecto: todos los presentes)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="123" />
            <source>Periods (separated by commas; default: every period)</source>
            <translation>Períodos (separados por comas; por defecto: todos los períodos)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="126" />
            <source>One map of all the chosen periods (instead of one map per period)</source>
            <translation>Un mapa de todos los períodos elegidos (en lugar de un mapa por período)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="130" />
            <source>Template</source>
            <translation>Plantilla</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="130" />
            <source>A4 landscape</source>
            <translation>A4 horizontal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="130" />
            <source>A4 portrait</source>
            <translation>A4 vertical</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="130" />
            <source>A3 landscape</source>
            <translation>A3 horizontal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="134" />
            <source>Map language</source>
            <translation>Idioma de los mapas</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="139" />
            <source>Title (default: the country, the cluster and 'operational presence')</source>
            <translation>Título (por defecto: el país, el clúster y «presencia operacional»)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="143" />
            <source>Sources (default: partners' 4W reports and the boundaries)</source>
            <translation>Fuentes (por defecto: informes 4W de los socios y límites administrativos)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="146" />
            <source>Producer and contact</source>
            <translation>Productor y contacto</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="148" />
            <source>Format</source>
            <translation>Formato</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="150" />
            <source>Same classes on every map (to compare clusters)</source>
            <translation>Mismas clases en todos los mapas (para comparar clústeres)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="153" />
            <source>One multi-page PDF instead of one file per map</source>
            <translation>Un único PDF de varias páginas en lugar de un archivo por mapa</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="156" />
            <source>Add the layouts to the project (to edit them)</source>
            <translation>Añadir las composiciones al proyecto (para editarlas)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="159" />
            <source>Add a page listing the partners per unit</source>
            <translation>Añadir una página con los socios por unidad</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="163" />
            <source>Cluster colours and icons (JSON)</source>
            <translation>Colores e iconos de los clústeres (JSON)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="166" />
            <source>Output folder</source>
            <translation>Carpeta de salida</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="168" />
            <source>Files written</source>
            <translation>Archivos escritos</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="176" />
            <source>Presence: no such layer or file</source>
            <translation>Presencia: no existe esa capa ni ese archivo</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="177" />
            <source>Presence</source>
            <translation>Presencia</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="193" />
            <source>Presence: no feature for clusters {clusters} and periods {periods}</source>
            <translation>Presencia: ninguna entidad para los clústeres {clusters} y los períodos {periods}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="197" />
            <source>{count} maps to make</source>
            <translation>{count} mapas por generar</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="226" />
            <source>Wrote {count} files to {folder}</source>
            <translation>Se escribieron {count} archivos en {folder}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="273" />
            <source>{label} {name}: no field {fields}; give the output of CoordMap's algorithm (fields are listed in the help)</source>
            <translation>{label} {name}: no hay campo {fields}; indique la salida del algoritmo de CoordMap (los campos se enumeran en la ayuda)</translation>
        </message>
    </context>
    <context>
        <name>GapsOverlapsAlgorithm</name>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="44" />
            <source>Gaps, overlaps and changes per cluster and period</source>
            <translation>Brechas, superposiciones y cambios por clúster y período</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="44" />
            <source>Finds needs with no or too few partners, partners doing the same activity in the same place and period, and what changed since the previous period.</source>
            <translation>Encuentra necesidades sin socios o con muy pocos, socios que realizan la misma actividad en el mismo lugar y periodo, y lo que cambió desde el periodo anterior.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="44" />
            <source>gap,overlap,duplication,needs,PiN,severity,coverage,change</source>
            <translation>brecha,superposición,duplicación,necesidades,PiN,severidad,cobertura,cambio</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="64" />
            <source>Answers the coordination meeting's three questions from the outputs of 'Join 4W table to admin boundaries' (run it with presence per month to see changes and units that did not report) and an optional needs table.

Needs: a table or file of people in need (PiN), targets and/or severity by P-code and cluster, long (one row per unit and sector, e.g. HXL #inneed, #targeted, #severity, #sector) or wide (one column per cluster, one sheet per measure named e.g. 'PiN' or 'Severity'; every sheet of a workbook is read). Breakdown rows (sex, age, population group) are reduced to the unit's total. Needs of deeper units are rolled up (PiN and targets summed over sub-units, severity = highest); needs of coarser units are rolled down (severity only: a PiN cannot be divided). Needs apply to every period.

Gap status per unit, cluster and period (need = PiN &gt; 0 or severity &gt;= 3):
- no_report: no partner reported this period but some did in an earlier period (a blank is not read as 'no partner');
- no_partner_with_need: need and no partner;
- underserved: need and fewer partners than the minimum, or fewer partners per 10,000 people in need than the threshold (0 = not used), or coverage below the first coverage band;
- covered: partners present and none of the above;
- no_need_reported: no partner and no need reported.
gap_rank (1 = highest priority) orders the gaps of each cluster and period: units with no partner first, then underserved ones; within each, higher severity first, then larger PiN.

Beneficiaries are never added across clusters nor counted twice: 'reached' is the sum over partners (may count people twice), 'reached_max' the largest single partner figure; coverage = reached_max / PiN, the figure the maps use.

Overlaps: two or more distinct partners on the same unit, cluster, activity (and modality and target group when given) and period whose dates overlap; a row without dates spans its period; cancelled or suspended rows are left out. Changes compare each period with the previous one: coverage gained or lost, partners started or stopped.

Admin boundaries: without them only units in the presence layer (units with partners) and their needs can be mapped; give the boundaries so units with needs and no partner get their polygon.

Data protection (on by default): for the sensitive clusters (GBV and child protection in any spelling or language, and the clusters you add) every output hides partner names and blanks counts below k, writing the less-than sign followed by k in the partner list; the 'protected' field marks those features. A count the presence hid counts as one partner for the gap rules, so no status tells a hidden count.</source>
            <translation>Responde a las tres preguntas de la reunión de coordinación a partir de las salidas de «Unir la tabla 4W a los límites administrativos» (ejecútela con presencia por mes para ver los cambios y las unidades que no reportaron) y de una tabla de necesidades opcional.

Necesidades: una tabla o archivo de personas con necesidades (PiN), metas y/o severidad por P-code y clúster, en formato largo (una fila por unidad y sector, p. ej. HXL #inneed, #targeted, #severity, #sector) o ancho (una columna por clúster, una hoja por medida llamada p. ej. 'PiN' o 'Severity'; se leen todas las hojas de un libro). Las filas de desglose (sexo, edad, grupo de población) se reducen al total de la unidad. Las necesidades de unidades más detalladas se agregan (PiN y metas sumados sobre las subunidades, severidad = la más alta); las de unidades más amplias se trasladan hacia abajo (solo la severidad: un PiN no se puede dividir). Las necesidades se aplican a todos los períodos.

Estado de brecha por unidad, clúster y período (necesidad = PiN &gt; 0 o severidad &gt;= 3):
- no_report: ningún socio reportó en este período, pero alguno lo hizo en un período anterior (un vacío no se interpreta como «ningún socio»);
- no_partner_with_need: necesidad y ningún socio;
- underserved: necesidad y menos socios que el mínimo, o menos socios por cada 10 000 personas con necesidades que el umbral (0 = no se usa), o cobertura por debajo del primer rango de cobertura;
- covered: socios presentes y ninguno de los casos anteriores;
- no_need_reported: ningún socio y ninguna necesidad reportada.
gap_rank (1 = máxima prioridad) ordena las brechas de cada clúster y período: primero las unidades sin socios, luego las de atención insuficiente; dentro de cada grupo, primero la mayor severidad y luego el mayor PiN.

Los beneficiarios nunca se suman entre clústeres ni se cuentan dos veces: 'reached' es la suma sobre los socios (puede contar personas dos veces), 'reached_max' la mayor cifra de un solo socio; cobertura = reached_max / PiN, la cifra que usan los mapas.

Superposiciones: dos o más socios distintos en la misma unidad, clúster, actividad (y modalidad y grupo meta cuando se indican) y período cuyas fechas se superponen; una fila sin fechas abarca su período; las filas canceladas o suspendidas se excluyen. Los cambios comparan cada período con el anterior: cobertura ganada o perdida, socios que empezaron o dejaron de trabajar.

Límites administrativos: sin ellos solo se pueden cartografiar las unidades de la capa de presencia (unidades con socios) y sus necesidades; indique los límites para que las unidades con necesidades y sin socios tengan su polígono.

Protección de datos (activada por defecto): para los clústeres sensibles (VBG y protección de la niñez en cualquier grafía o idioma, y los clústeres que añada), cada salida oculta los nombres de los socios y borra los recuentos inferiores a k, escribiendo el signo menor que seguido de k en la lista de socios; el campo 'protected' marca esas entidades. Un recuento que la presencia ocultó cuenta como un socio en las reglas de brechas, de modo que ningún estado revela un recuento oculto.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="108" />
            <source>Presence (output of the join)</source>
            <translation>Presencia (salida de la unión)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="111" />
            <source>Rows with match status (output of the join)</source>
            <translation>Filas con estado de emparejamiento (salida de la unión)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="114" />
            <source>Needs: PiN, targets, severity (layer or CSV/XLSX/ODS file)</source>
            <translation>Necesidades: PiN, metas, severidad (capa o archivo CSV/XLSX/ODS)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="117" />
            <source>Admin boundaries (to map units with needs and no partner)</source>
            <translation>Límites administrativos (para cartografiar las unidades con necesidades y sin socios)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="120" />
            <source>Clusters (codes separated by commas; default: all)</source>
            <translation>Clústeres (códigos separados por comas; por defecto: todos)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="123" />
            <source>Periods (e.g. 2025-01,2025-02; default: all)</source>
            <translation>Períodos (p. ej. 2025-01,2025-02; por defecto: todos)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="126" />
            <source>Admin level</source>
            <translation>Nivel administrativo</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="126" />
            <source>Automatic (the presence level)</source>
            <translation>Automático (el nivel de la presencia)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="129" />
            <source>Minimum partners per unit</source>
            <translation>Mínimo de socios por unidad</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="132" />
            <source>Partners per 10,000 people in need below which a unit is underserved (0: not used)</source>
            <translation>Socios por cada 10 000 personas con necesidades por debajo del cual una unidad tiene atención insuficiente (0: no se usa)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="137" />
            <source>Coverage bands, reached/PiN (below the first: underserved)</source>
            <translation>Rangos de cobertura, alcanzados/PiN (por debajo del primero: atención insuficiente)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="142" />
            <source>Gaps</source>
            <translation>Brechas</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="144" />
            <source>Overlaps</source>
            <translation>Superposiciones</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="146" />
            <source>Units with overlaps</source>
            <translation>Unidades con superposiciones</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="149" />
            <source>Changes since the previous period</source>
            <translation>Cambios desde el período anterior</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="184" />
            <source>Needs read from: {sources}</source>
            <translation>Necesidades leídas de: {sources}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="189" />
            <source>{count} units have no polygon (give the admin boundaries to map them); their features have no geometry: {codes}</source>
            <translation>{count} unidades no tienen polígono (indique los límites administrativos para cartografiarlas); sus entidades no tienen geometría: {codes}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="200" />
            <source>Presence: no such layer or file</source>
            <translation>Presencia: no existe esa capa ni ese archivo</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="223" />
            <source>No needs table: gaps only say where partners are; every unit without partner is 'no_need_reported'</source>
            <translation>Sin tabla de necesidades: las brechas solo indican dónde están los socios; toda unidad sin socios es 'no_need_reported'</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="226" />
            <source>Needs {value!r}: no such file or layer</source>
            <translation>Necesidades {value!r}: no existe ese archivo ni esa capa</translation>
        </message>
    </context>
    <context>
        <name>InputError</name>
        <message>
            <location filename="../processing/analysis/boundaries.py" line="116" />
            <source>boundary layer: {records} attribute records but {geometries} geometries</source>
            <translation>capa de límites: {records} registros de atributos pero {geometries} geometrías</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundaries.py" line="121" />
            <source>boundary layer: it has no features</source>
            <translation>capa de límites: no tiene ninguna entidad</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundaries.py" line="134" />
            <source>boundary layer: it has no polygon (admin boundaries must be areas)</source>
            <translation>capa de límites: no tiene ningún polígono (los límites administrativos deben ser superficies)</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundaries.py" line="149" />
            <source>no boundary layer given</source>
            <translation>no se dio ninguna capa de límites</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundaries.py" line="264" />
            <source>the boundaries have no admin {level} polygons</source>
            <translation>los límites no tienen polígonos de admin {level}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundary_fields.py" line="137" />
            <source>boundary layer: no P-code field found (expected e.g. ADM2_PCODE, adm2_pcode or admin2Pcode, or a field of values such as XY0102); fields seen: {fields}. Name the P-code field (P-code field of the boundaries)</source>
            <translation>capa de límites: no se encontró ningún campo de P-code (se esperaba p. ej. ADM2_PCODE, adm2_pcode o admin2Pcode, o un campo con valores como XY0102); campos vistos: {fields}. Indique el campo del P-code (Campo P-code de los límites)</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundary_fields.py" line="145" />
            <source>boundary layer: no admin {level} P-code field; fields seen: {fields}</source>
            <translation>capa de límites: ningún campo de P-code de admin {level}; campos vistos: {fields}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundary_fields.py" line="153" />
            <source>boundary layer: the P-code fields {fields} are all empty</source>
            <translation>capa de límites: los campos de P-code {fields} están todos vacíos</translation>
        </message>
        <message>
            <location filename="../processing/analysis/errors.py" line="39" />
            <source>{where}: {error}</source>
            <translation>{where}: {error}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/gaps.py" line="140" />
            <source>{layer}: not a presence layer of the join: fields {fields} are missing</source>
            <translation>{layer}: no es una capa de presencia de la unión: faltan los campos {fields}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/hapi.py" line="77" />
            <source>{layer}: not the rows output of the join: fields {fields} are missing</source>
            <translation>{layer}: no es la salida de filas de la unión: faltan los campos {fields}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/gaps.py" line="190" />
            <source>the presence layer has no admin unit: run the join first</source>
            <translation>la capa de presencia no tiene ninguna unidad administrativa: ejecute primero la unión</translation>
        </message>
        <message>
            <location filename="../processing/analysis/gaps.py" line="194" />
            <source>admin level {level} was asked for, but the presence layer has levels {levels}: run the join at that level</source>
            <translation>se pidió el nivel administrativo {level}, pero la capa de presencia tiene los niveles {levels}: ejecute la unión en ese nivel</translation>
        </message>
        <message>
            <location filename="../processing/analysis/gaps.py" line="528" />
            <source>coverage bands {bands!r}: give numbers separated by commas, e.g. 0.25,0.5,0.75</source>
            <translation>bandas de cobertura {bands!r}: dé números separados por comas, p. ej. 0.25,0.5,0.75</translation>
        </message>
        <message>
            <location filename="../processing/analysis/hapi.py" line="292" />
            <source>Operational presence {file}: use a .csv or .xlsx file name</source>
            <translation>Presencia operacional {file}: use un nombre de archivo .csv o .xlsx</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/layout.py" line="31" />
            <source>{table}: the table has no non-blank row</source>
            <translation>{table}: la tabla no tiene ninguna fila no vacía</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/parse.py" line="32" />
            <source>{table}: the table is empty</source>
            <translation>{table}: la tabla está vacía</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/profiles.py" line="24" />
            <source>{file}: a mapping profile must be a JSON object {{role: column}}</source>
            <translation>{file}: un perfil de correspondencia debe ser un objeto JSON {{role: column}} (rol: columna)</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/profiles.py" line="29" />
            <source>{file}: unknown role "{role}"; roles are: {roles}</source>
            <translation>{file}: rol desconocido «{role}»; los roles son: {roles}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/profiles.py" line="33" />
            <source>{file}: role "{role}" must name a column (text) or be null</source>
            <translation>{file}: el rol «{role}» debe nombrar una columna (texto) o ser null</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/profiles.py" line="51" />
            <source>Mapping {mapping!r}: write role=column pairs separated by ';' (e.g. org=Partner;adm2_code=District Pcode) or give a JSON profile file</source>
            <translation>Correspondencia {mapping!r}: escriba pares rol=columna separados por «;» (p. ej. org=Partner;adm2_code=District Pcode) o dé un archivo de perfil JSON</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/roles.py" line="147" />
            <source>{table}: the mapping names an unknown role "{role}"; roles are: {roles}</source>
            <translation>{table}: la correspondencia nombra un rol desconocido «{role}»; los roles son: {roles}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/roles.py" line="171" />
            <source>{table}: the mapping gives column "{column}" for role "{role}" but there is no such column; columns are: {columns}</source>
            <translation>{table}: la correspondencia da la columna «{column}» para el rol «{role}» pero no existe esa columna; las columnas son: {columns}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/hxl.py" line="307" />
            <source>{file}: the HXL hashtags could not be written ({cause})</source>
            <translation>{file}: no se pudieron escribir los hashtags HXL ({cause})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/locations.py" line="19" />
            <source>{table}: no admin P-code, admin name or latitude/longitude column was recognised among: {columns}. Name the columns in the Mapping parameter, e.g. adm2_code=District Pcode;adm1_name=Region</source>
            <translation>{table}: no se reconoció ninguna columna de P-code, nombre administrativo o latitud/longitud entre: {columns}. Nombre las columnas en el parámetro Correspondencia, p. ej. adm2_code=District Pcode;adm1_name=Region</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/locations.py" line="31" />
            <source>admin level {level} was asked for, but the boundaries have levels {levels}</source>
            <translation>se pidió el nivel administrativo {level}, pero los límites tienen los niveles {levels}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/pipeline.py" line="56" />
            <source>period must be one of {modes}, not {period!r}</source>
            <translation>el período debe ser uno de {modes}, no {period!r}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/pipeline.py" line="63" />
            <source>{table}: the table has a header (row {rows}) but no data rows under it</source>
            <translation>{table}: la tabla tiene un encabezado (fila {rows}) pero ninguna fila de datos debajo</translation>
        </message>
        <message>
            <location filename="../processing/analysis/vocabulary.py" line="49" />
            <source>{file}: cannot be read ({cause})</source>
            <translation>{file}: no se puede leer ({cause})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/matching/crosswalk.py" line="55" />
            <source>{file}: the crosswalk is empty</source>
            <translation>{file}: la tabla de correspondencias está vacía</translation>
        </message>
        <message>
            <location filename="../processing/analysis/matching/crosswalk.py" line="62" />
            <source>{file}: crosswalk column(s) {missing} missing (columns found: {columns})</source>
            <translation>{file}: falta(n) la(s) columna(s) de la tabla de correspondencias {missing} (columnas encontradas: {columns})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/matching/crosswalk.py" line="86" />
            <source>{file}: row {row}, column raw_value: empty</source>
            <translation>{file}: fila {row}, columna raw_value: vacía</translation>
        </message>
        <message>
            <location filename="../processing/analysis/matching/crosswalk.py" line="96" />
            <source>{file}: row {row}, column level: {level!r} is not an admin level (0-4)</source>
            <translation>{file}: fila {row}, columna level: {level!r} no es un nivel administrativo (0-4)</translation>
        </message>
        <message>
            <location filename="../processing/analysis/matching/matcher.py" line="59" />
            <source>{file}: row {row}, column pcode: {pcode!r} is not in the boundaries</source>
            <translation>{file}: fila {row}, columna pcode: {pcode!r} no está en los límites</translation>
        </message>
        <message>
            <location filename="../processing/analysis/needs.py" line="98" />
            <source>{source}: no needs found: a needs table needs admin P-code columns and either a cluster/sector column with people in need, targets or severity (long shape), or one column per cluster on a sheet named for its measure, e.g. 'PiN' or 'Severity' (wide shape). {notes}</source>
            <translation>{source}: no se encontraron necesidades: una tabla de necesidades requiere columnas de P-code administrativos y, o bien una columna de clúster/sector con personas con necesidades, metas o severidad (formato largo), o bien una columna por clúster en una hoja con el nombre de su medida, p. ej. «PiN» o «Severity» (formato ancho). {notes}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/protection.py" line="48" />
            <source>small count threshold k = {k}: give 2 or more (counts below k are hidden; to publish everything, switch protection off instead)</source>
            <translation>umbral de recuentos pequeños k = {k}: dé 2 o más (los recuentos por debajo de k se ocultan; para publicarlo todo, desactive la protección)</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="94" />
            <source>QA report {file}: use a .xlsx or .csv file name</source>
            <translation>Informe de control de calidad {file}: use un nombre de archivo .xlsx o .csv</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="127" />
            <source>QA report {file}: writing XLSX needs the Python package openpyxl; install it or choose a .csv report</source>
            <translation>Informe de control de calidad {file}: escribir XLSX requiere el paquete de Python openpyxl; instálelo o elija un informe .csv</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/plain_csv.py" line="55" />
            <source>{file}, line {line}: cannot be read as CSV ({cause})</source>
            <translation>{file}, línea {line}: no se puede leer como CSV ({cause})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/plain_csv.py" line="70" />
            <source>{file}, line {line}, column {column}: a quote (") opens in this cell and is never closed, so the rest of the file would be read as part of this one cell; close or remove the quote</source>
            <translation>{file}, línea {line}, columna {column}: unas comillas (") se abren en esta celda y nunca se cierran, así que el resto del archivo se leería como parte de esta celda; ciérrelas o elimínelas</translation>
        </message>
        <message>
            <location filename="../processing/analysis/vocabulary.py" line="45" />
            <source>{file}: file not found ({path})</source>
            <translation>{file}: archivo no encontrado ({path})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/reader.py" line="59" />
            <source>{file}: is a folder, not a table file ({path})</source>
            <translation>{file}: es una carpeta, no un archivo de tabla ({path})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/text_file.py" line="35" />
            <source>{file}: the file is empty</source>
            <translation>{file}: el archivo está vacío</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="52" />
            <source>{file}, sheet "{sheet}": the sheet is empty</source>
            <translation>{file}, hoja «{sheet}»: la hoja está vacía</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="86" />
            <source>{file}: cannot be opened as a spreadsheet ({cause})</source>
            <translation>{file}: no se puede abrir como hoja de cálculo ({cause})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="113" />
            <source>{file}, sheet "{sheet}": the sheet is damaged and cannot be read ({cause})</source>
            <translation>{file}, hoja «{sheet}»: la hoja está dañada y no se puede leer ({cause})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="168" />
            <source>{file}: the file unpacks to {size:,.0f} MB, {ratio:,.0f} times its size; a spreadsheet of real data does not, so it is not read</source>
            <translation>{file}: el archivo se descomprime en {size:,.0f} MB, {ratio:,.0f} veces su tamaño; una hoja de cálculo de datos reales no lo hace, así que no se lee</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="186" />
            <source>{file}: the file is damaged (its sheet XML is broken at line {line}, column {column}: {cause}); open it in LibreOffice or Excel and save it again</source>
            <translation>{file}: el archivo está dañado (el XML de su hoja está roto en la línea {line}, columna {column}: {cause}); ábralo en LibreOffice o Excel y guárdelo de nuevo</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="202" />
            <source>{file}: no sheet has any data</source>
            <translation>{file}: ninguna hoja tiene datos</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="212" />
            <source>{file}: no sheet number {number} (0-based); available sheets: {sheets}</source>
            <translation>{file}: no hay hoja número {number} (desde 0); hojas disponibles: {sheets}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="223" />
            <source>{file}: no sheet "{sheet}"; available sheets: {sheets}</source>
            <translation>{file}: no hay hoja «{sheet}»; hojas disponibles: {sheets}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/text_file.py" line="61" />
            <source>{file}: the file has no data</source>
            <translation>{file}: el archivo no tiene datos</translation>
        </message>
        <message>
            <location filename="../processing/analysis/vocabulary.py" line="53" />
            <source>{file}: not valid JSON at line {line}, column {column}: {cause}</source>
            <translation>{file}: JSON no válido en la línea {line}, columna {column}: {cause}</translation>
        </message>
    </context>
    <context>
        <name>Join4WAlgorithm</name>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="35" />
            <source>Join 4W table to admin boundaries</source>
            <translation>Unir la tabla 4W a los límites administrativos</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="35" />
            <source>Joins the partners' 3W/4W/5W table (HXL or not) to the admin boundaries by P-code: partner presence per unit and cluster, and a QA report of every row it could not use.</source>
            <translation>Une la tabla 3W/4W/5W de los socios (HXL o no) a los límites administrativos por P-code: presencia de socios por unidad y clúster, y un informe de calidad de cada fila que no pudo usar.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="35" />
            <source>join,P-code,admin boundaries,matching,QA report,operational presence</source>
            <translation>unión,P-code,límites administrativos,coincidencia,informe de calidad,presencia operativa</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="77" />
            <source>Reads a partners' 3W/4W/5W table (a loaded layer or a CSV, XLSX, XLS or ODS file), detects its header, HXL row and columns, normalises clusters and periods, and joins every row to the admin boundaries by P-code (then by name within the parent unit). No row is lost: every input row is in the rows output with its status (used, unmatched, rolled_up, skipped) and the reason, and the QA report lists what could not be matched with suggestions to send back to partners.

Outputs: presence polygons (one feature per admin unit and cluster, and period when asked) with the number of distinct implementing partners; every input row with how it matched; the QA report; optionally the column mapping used (reuse it next round as Mapping) and a crosswalk of suggestions to review (reuse it as Crosswalk).

Data protection (on by default): the presence of GBV and child protection (in any spelling or language, and of the other clusters you add) names no partner and gives no count below k: the partner list says fewer than k or 'hidden', smaller counts are blank and the 'protected' field is set. The rows output and the QA report keep every name: they are for you, not for publication, and say so in their first line.</source>
            <translation>Lee una tabla 3W/4W/5W de los socios (una capa cargada o un archivo CSV, XLSX, XLS u ODS), detecta su encabezado, la fila HXL y las columnas, normaliza los clústeres y los períodos, y une cada fila a los límites administrativos por P-code (y luego por nombre dentro de la unidad superior). No se pierde ninguna fila: cada fila de entrada está en la salida de filas con su estado (used, unmatched, rolled_up, skipped) y el motivo, y el informe de control de calidad enumera lo que no se pudo emparejar, con sugerencias para devolver a los socios.

Salidas: polígonos de presencia (una entidad por unidad administrativa y clúster, y por período si se pide) con el número de socios implementadores distintos; cada fila de entrada con cómo se emparejó; el informe de control de calidad; opcionalmente, la asignación de columnas utilizada (reutilícela en la siguiente ronda como Asignación de columnas) y una tabla de correspondencias con sugerencias para revisar (reutilícela como Tabla de correspondencias).

Protección de datos (activada por defecto): la presencia de VBG y de protección de la niñez (en cualquier grafía o idioma, y de los demás clústeres que añada) no nombra a ningún socio ni da recuentos inferiores a k: la lista de socios indica menos de k o 'hidden', los recuentos menores quedan vacíos y se marca el campo 'protected'. La salida de filas y el informe de control de calidad conservan todos los nombres: son para usted, no para publicar, y lo dicen en su primera línea.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="97" />
            <source>4W table (layer or CSV/XLSX/XLS/ODS file)</source>
            <translation>Tabla 4W (capa o archivo CSV/XLSX/XLS/ODS)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="100" />
            <source>Sheet (name or number; default: the sheet that looks most like a 4W)</source>
            <translation>Hoja (nombre o número; por defecto: la hoja que más se parece a un 4W)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="104" />
            <source>Admin boundaries (COD-AB polygons)</source>
            <translation>Límites administrativos (polígonos COD-AB)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="107" />
            <source>P-code field of the boundaries (default: found from names and values)</source>
            <translation>Campo de P-code de los límites (por defecto: hallado por los nombres y los valores)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="111" />
            <source>Name field of the boundaries (default: found)</source>
            <translation>Campo de nombres de los límites (por defecto: hallado)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="114" />
            <source>Boundaries of other admin levels (when each level is a separate file)</source>
            <translation>Límites de otros niveles administrativos (cuando cada nivel es un archivo aparte)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="118" />
            <source>Admin level of the presence output</source>
            <translation>Nivel administrativo de la salida de presencia</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="118" />
            <source>Automatic</source>
            <translation>Automático</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="121" />
            <source>Column mapping (JSON profile file, or role=column pairs separated by ';')</source>
            <translation>Asignación de columnas (archivo de perfil JSON, o pares rol=columna separados por ';')</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="125" />
            <source>Reviewed crosswalk (CSV: raw_value, level, parent, pcode)</source>
            <translation>Tabla de correspondencias revisada (CSV: raw_value, level, parent, pcode)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="128" />
            <source>Reviewed organisation list (CSV: spelling, partner)</source>
            <translation>Lista de organizaciones revisada (CSV: spelling, partner)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="132" />
            <source>Presence per period</source>
            <translation>Presencia por período</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="132" />
            <source>Whole table</source>
            <translation>Toda la tabla</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="132" />
            <source>Month</source>
            <translation>Mes</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="132" />
            <source>Quarter</source>
            <translation>Trimestre</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="135" />
            <source>Year for rows with a month but no year</source>
            <translation>Año para las filas con mes pero sin año</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="139" />
            <source>Extra cluster names (JSON, extends the built-in list)</source>
            <translation>Nombres de clústeres adicionales (JSON, amplía la lista incorporada)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="143" />
            <source>Count programme/lead organisations and donors as partners too</source>
            <translation>Contar también como socios a las organizaciones líderes/de programa y a los donantes</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="148" />
            <source>Presence</source>
            <translation>Presencia</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="150" />
            <source>Rows with match status</source>
            <translation>Filas con estado de emparejamiento</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="153" />
            <source>QA report</source>
            <translation>Informe de control de calidad</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="156" />
            <source>Column mapping profile used (JSON)</source>
            <translation>Perfil de asignación de columnas utilizado (JSON)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="159" />
            <source>Crosswalk of suggestions to review (CSV)</source>
            <translation>Tabla de correspondencias de sugerencias para revisar (CSV)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="162" />
            <source>Organisation list to review (CSV: spelling, partner)</source>
            <translation>Lista de organizaciones para revisar (CSV: spelling, partner)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="181" />
            <source>4W table {path}: file not found</source>
            <translation>Tabla 4W {path}: archivo no encontrado</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="183" />
            <source>4W table {name}: the file is empty</source>
            <translation>Tabla 4W {name}: el archivo está vacío</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="188" />
            <source>Incorrect parameter value for {name}</source>
            <translation>Valor de parámetro incorrecto para {name}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="222" />
            <source>No row could be placed on a unit of the boundaries: the presence layer is empty. The rows output and the QA report say why for each row (are the boundaries those of the table's country and P-code version?)</source>
            <translation>Ninguna fila pudo ubicarse en una unidad de los límites: la capa de presencia está vacía. La salida de filas y el informe QA dicen por qué para cada fila (¿son los límites los del país de la tabla y de su versión de P-codes?)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="236" />
            <source>Read {where}: {rows} data rows, header on row(s) {header}</source>
            <translation>Leído {where}: {rows} filas de datos, encabezado en la(s) fila(s) {header}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="244" />
            <source>4W table {value!r}: no such file or layer</source>
            <translation>Tabla 4W {value!r}: no existe ese archivo ni esa capa</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="261" />
            <source>Admin boundaries: no such layer or file</source>
            <translation>Límites administrativos: no existe esa capa ni ese archivo</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="297" />
            <source>{name}: the boundary layer has no polygons</source>
            <translation>{name}: la capa de límites no tiene polígonos</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="346" />
            <source>For the IM officer, not for publication: every row with its partner, sensitive clusters (GBV, child protection) included</source>
            <translation>Para el oficial de gestión de información, no para publicar: cada fila con su socio, incluidos los clústeres sensibles (VBG, protección de la niñez)</translation>
        </message>
    </context>
    <context>
        <name>JoinSummary</name>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="11" />
            <source>rows used</source>
            <translation>filas usadas</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="12" />
            <source>rows rolled_up</source>
            <translation>filas agregadas al nivel superior</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="13" />
            <source>rows unmatched</source>
            <translation>filas sin coincidencia</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="14" />
            <source>rows skipped</source>
            <translation>filas omitidas</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="28" />
            <source>file</source>
            <translation>archivo</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="29" />
            <source>sheet</source>
            <translation>hoja</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="30" />
            <source>header rows</source>
            <translation>filas de encabezado</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="31" />
            <source>rows below the header</source>
            <translation>filas bajo el encabezado</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="33" />
            <source>admin level of the presence</source>
            <translation>nivel administrativo de la presencia</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="34" />
            <source>match rate admin {level}</source>
            <translation>tasa de coincidencia admin {level}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="36" />
            <source>boundary units</source>
            <translation>unidades de los límites</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="40" />
            <source>CoordMap join: {rows} rows read, {used} used, {rolled_up} rolled up, {unmatched} unmatched, {skipped} skipped; match rate {rates}</source>
            <translation>Unión CoordMap: {rows} filas leídas, {used} usadas, {rolled_up} agregadas, {unmatched} sin coincidencia, {skipped} omitidas; tasa de coincidencia {rates}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="40" />
            <source>cells neutralised in spreadsheet outputs (text starting with = + - @)</source>
            <translation>celdas neutralizadas en las salidas de hoja de cálculo (texto que empieza por = + - @)</translation>
        </message>
    </context>
    <context>
        <name>MapExport</name>
        <message>
            <location filename="../processing/algorithms/layout_export.py" line="24" />
            <source>the file could not be written (check the folder and the file name)</source>
            <translation>no se pudo escribir el archivo (compruebe la carpeta y el nombre del archivo)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layout_export.py" line="26" />
            <source>not enough memory for the image</source>
            <translation>memoria insuficiente para la imagen</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layout_export.py" line="28" />
            <source>the page could not be drawn</source>
            <translation>no se pudo dibujar la página</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layout_export.py" line="30" />
            <source>the SVG layers could not be written</source>
            <translation>no se pudieron escribir las capas SVG</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layout_export.py" line="32" />
            <source>the layout could not be prepared</source>
            <translation>no se pudo preparar la composición</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layout_export.py" line="73" />
            <source>the export failed</source>
            <translation>la exportación falló</translation>
        </message>
    </context>
    <context>
        <name>PeriodRangeWidget</name>
        <message>
            <location filename="../plugin/widgets.py" line="19" />
            <source>Drag either end to choose the first and last period</source>
            <translation>Arrastre cualquiera de los extremos para elegir el primer y el último período</translation>
        </message>
        <message>
            <location filename="../plugin/widgets.py" line="23" />
            <source>Latest period</source>
            <translation>Último período</translation>
        </message>
        <message>
            <location filename="../plugin/widgets.py" line="24" />
            <source>Show only the most recent period in the data</source>
            <translation>Mostrar solo el período más reciente de los datos</translation>
        </message>
        <message>
            <location filename="../plugin/widgets.py" line="25" />
            <source>&amp;From</source>
            <translation>&amp;Desde</translation>
        </message>
        <message>
            <location filename="../plugin/widgets.py" line="27" />
            <source>&amp;To</source>
            <translation>&amp;Hasta</translation>
        </message>
    </context>
    <context>
        <name>QaReport</name>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>category</source>
            <translation>categoría</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="30" />
            <source>column</source>
            <translation>columna</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="33" />
            <source>value</source>
            <translation>valor</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>level</source>
            <translation>nivel</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>parent</source>
            <translation>unidad superior</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>rows</source>
            <translation>filas</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>first_row</source>
            <translation>primera fila</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>reason</source>
            <translation>motivo</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>suggestion</source>
            <translation>sugerencia</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="30" />
            <source>role</source>
            <translation>rol</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="30" />
            <source>source</source>
            <translation>origen</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="33" />
            <source>item</source>
            <translation>elemento</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="35" />
            <source>For the IM officer, not for publication: this report quotes partners' rows, sensitive clusters (GBV, child protection) included. Check what you send back to a partner.</source>
            <translation>Para el oficial de gestión de información, no para publicar: este informe cita filas de los socios, incluidos los clústeres sensibles (VBG, protección de la niñez). Revise lo que devuelve a un socio.</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="108" />
            <source>cells neutralised (text starting with = + - @)</source>
            <translation>celdas neutralizadas (texto que empieza por = + - @)</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="113" />
            <source>Summary</source>
            <translation>Resumen</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="115" />
            <source>Issues</source>
            <translation>Problemas</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="117" />
            <source>Columns</source>
            <translation>Columnas</translation>
        </message>
    </context>
    <context>
        <name>RowReason</name>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>admin {level} code {code} found</source>
            <translation>código admin {level} {code} encontrado</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>admin {level} code {code} read as {pcode} ({detail})</source>
            <translation>código admin {level} {code} leído como {pcode} ({detail})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>admin {level} code {code} is not in the boundaries</source>
            <translation>código admin {level} {code} ausente de los límites</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>admin {level} code {code} is finer than the boundaries</source>
            <translation>código admin {level} {code} más fino que los límites</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>counted at admin {level} {pcode} ({detail})</source>
            <translation>contado en admin {level} {pcode} ({detail})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>counted at admin {level} {pcode}</source>
            <translation>contado en admin {level} {pcode}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>admin {level} name {name} matched {unit}</source>
            <translation>nombre admin {level} {name} emparejado con {unit}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>case/separators</source>
            <translation>mayúsculas/separadores</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>prefix {prefix} added</source>
            <translation>prefijo {prefix} añadido</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>blank row</source>
            <translation>fila vacía</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>title row above the header</source>
            <translation>fila de título sobre el encabezado</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>total row at the end of the table</source>
            <translation>fila de total al final de la tabla</translation>
        </message>
    </context>
    <context>
        <name>ShippedModel</name>
        <message>
            <location filename="../processing/models.py" line="40" />
            <source>Models</source>
            <translation>Modelos</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="58" />
            <source>The monthly run in one step: join, gaps and overlaps, map pack.</source>
            <translation>El proceso mensual en un paso: unión, brechas y superposiciones, paquete de mapas.</translation>
        </message>
        <message>
            <location filename="../resources/models/coordmap_4w_to_map_pack.model3" line="1" />
            <source>4W table and boundaries to map pack</source>
            <translation>De la tabla 4W y los límites al paquete de mapas</translation>
        </message>
    </context>
</TS>
