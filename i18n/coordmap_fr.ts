<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
    <context>
        <name>AlgorithmRun</name>
        <message>
            <location filename="../plugin/tasks.py" line="37" />
            <source>The algorithm {id} is not available</source>
            <translation>L'algorithme {id} n'est pas disponible</translation>
        </message>
        <message>
            <location filename="../plugin/tasks.py" line="62" />
            <source>Cancelled</source>
            <translation>Annulé</translation>
        </message>
        <message>
            <location filename="../plugin/tasks.py" line="69" />
            <source>The algorithm failed (see the Processing log)</source>
            <translation>L'algorithme a échoué (voir le journal de Traitement)</translation>
        </message>
    </context>
    <context>
        <name>CoordMapAlgorithm</name>
        <message>
            <location filename="../processing/algorithms/base.py" line="128" />
            <source>Protect sensitive clusters (hide partners, blank small counts)</source>
            <translation>Protéger les clusters sensibles (masquer les partenaires, effacer les petits effectifs)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="133" />
            <source>Sensitive clusters besides GBV and child protection (codes or names)</source>
            <translation>Clusters sensibles en plus des VBG et de la protection de l'enfance (codes ou noms)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="138" />
            <source>Small count threshold k (counts below k are hidden)</source>
            <translation>Seuil des petits effectifs k (les effectifs inférieurs à k sont masqués)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="158" />
            <source>Coordination</source>
            <translation>Coordination</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="21" />
            <source>humanitarian,cluster,sector,partner,presence,coordination,who does what where</source>
            <translation>humanitaire,cluster,secteur,partenaire,présence,coordination,qui fait quoi où</translation>
        </message>
    </context>
    <context>
        <name>CoordMapDependencies</name>
        <message>
            <location filename="../processing/deps.py" line="34" />
            <source>tables</source>
            <translation>tableaux</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="34" />
            <source>geometry</source>
            <translation>géométrie</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="34" />
            <source>reading XLSX, XLS and ODS files</source>
            <translation>lecture des fichiers XLSX, XLS et ODS</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="34" />
            <source>writing XLSX reports</source>
            <translation>écriture des rapports XLSX</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="34" />
            <source>fuzzy matching of admin names</source>
            <translation>rapprochement approximatif des noms administratifs</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="72" />
            <source>{package} is not installed ({purpose})</source>
            <translation>{package} n'est pas installé ({purpose})</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="73" />
            <source>{package} {found} is too old ({purpose}): CoordMap needs {minimum} or newer</source>
            <translation>{package} {found} est trop ancien ({purpose}) : CoordMap a besoin de la version {minimum} ou plus récente</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="233" />
            <source>Install your distribution's packages: {command}</source>
            <translation>Installez les paquets de votre distribution : {command}</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="235" />
            <source>In the OSGeo4W Shell (Windows Start menu &gt; QGIS &gt; OSGeo4W Shell), run: {command}</source>
            <translation>Dans l'OSGeo4W Shell (menu Démarrer de Windows &gt; QGIS &gt; OSGeo4W Shell), exécutez : {command}</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="238" />
            <source>Your Linux distribution manages its Python and has no recent enough package for the rest: install it for your user only with: {command} (pip then writes to ~/.local, never to system folders, but what it installs there comes first for every Python program you run; the README's Install section gives other ways)</source>
            <translation>Votre distribution Linux gère son Python et n'a pas de paquet assez récent pour le reste : installez-le pour votre seul utilisateur avec : {command} (pip écrit alors dans ~/.local, jamais dans les dossiers du système, mais ce qu'il y installe passe en premier pour tous les programmes Python que vous lancez ; la section Installation du README donne d'autres façons de faire)</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="244" />
            <source>In a terminal, run: {command}</source>
            <translation>Dans un terminal, exécutez : {command}</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="245" />
            <source>Without internet: add --no-index --find-links FOLDER to the pip command, FOLDER being CoordMap's wheelhouse for this system (README, Install offline)</source>
            <translation>Sans internet : ajoutez --no-index --find-links DOSSIER à la commande pip, DOSSIER étant le wheelhouse de CoordMap pour ce système (README, installation hors ligne)</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="249" />
            <source>Then restart QGIS.</source>
            <translation>Puis redémarrez QGIS.</translation>
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
            <translation>Périodes</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="276" />
            <source>Sources</source>
            <translation>Sources</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="133" />
            <source>4W table layer</source>
            <translation>Couche de la table 4W</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="133" />
            <source>or 4W file</source>
            <translation>ou fichier 4W</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="133" />
            <source>4W tables (*.xlsx *.xls *.ods *.csv *.txt);;All files (*)</source>
            <translation>Tables 4W (*.xlsx *.xls *.ods *.csv *.txt);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="137" />
            <source>A 4W file (XLSX, XLS, ODS, CSV); it wins over the layer</source>
            <translation>Un fichier 4W (XLSX, XLS, ODS, CSV) ; il l'emporte sur la couche</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="139" />
            <source>Admin boundaries layer</source>
            <translation>Couche des limites administratives</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="139" />
            <source>or boundaries file</source>
            <translation>ou fichier de limites</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="139" />
            <source>Boundaries (*.gpkg *.geojson *.json *.shp);;All files (*)</source>
            <translation>Limites (*.gpkg *.geojson *.json *.shp);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="144" />
            <source>Automatic</source>
            <translation>Automatique</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="145" />
            <source>Admin level</source>
            <translation>Niveau administratif</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="147" />
            <source>Month</source>
            <translation>Mois</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="147" />
            <source>Quarter</source>
            <translation>Trimestre</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="147" />
            <source>Whole table</source>
            <translation>Toute la table</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="148" />
            <source>Presence per</source>
            <translation>Présence par</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="151" />
            <source>not given</source>
            <translation>non indiquée</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="153" />
            <source>The year of month names written without one ("January", "Feb"): without it, such rows have no usable month</source>
            <translation>L'année des noms de mois écrits sans année (« janvier », « févr. ») : sans elle, ces lignes n'ont pas de mois utilisable</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="156" />
            <source>Year of months without a year</source>
            <translation>Année des mois sans année</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="158" />
            <source>Needs tables (*.csv *.xlsx *.ods *.gpkg);;All files (*)</source>
            <translation>Tables des besoins (*.csv *.xlsx *.ods *.gpkg);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="160" />
            <source>Optional: people in need per unit and cluster, for gaps</source>
            <translation>Facultatif : personnes dans le besoin par unité et par cluster, pour les lacunes</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="162" />
            <source>Needs (optional)</source>
            <translation>Besoins (facultatif)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="164" />
            <source>Run join</source>
            <translation>Lancer la jointure</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="165" />
            <source>Join the 4W table to the boundaries in the background</source>
            <translation>Joindre en arrière-plan la table 4W aux limites</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="167" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="169" />
            <source>Join 4W to boundaries (all options)…</source>
            <translation>Joindre la 4W aux limites (toutes les options)…</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="194" />
            <source>Clusters</source>
            <translation>Clusters</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="198" />
            <source>Tick the clusters to map; the number is the partners in the chosen periods</source>
            <translation>Cochez les clusters à cartographier ; le nombre indique les partenaires dans les périodes choisies</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="203" />
            <source>All</source>
            <translation>Tous</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="205" />
            <source>None</source>
            <translation>Aucun</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="213" />
            <source>Summary</source>
            <translation>Résumé</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Partners</source>
            <translation>Partenaires</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Distinct organisations working in the chosen clusters and periods, anywhere (each counted once, not once per unit)</source>
            <translation>Organisations distinctes actives dans les clusters et périodes choisis, où que ce soit (chacune comptée une fois, pas une fois par unité)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Activities</source>
            <translation>Activités</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Organisation-activity pairs, counted once per unit, cluster and period</source>
            <translation>Paires organisation-activité, comptées une fois par unité, cluster et période</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Units covered</source>
            <translation>Unités couvertes</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Admin units with at least one partner in the chosen clusters and periods</source>
            <translation>Unités administratives avec au moins un partenaire dans les clusters et périodes choisis</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Units with a gap</source>
            <translation>Unités avec une lacune</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Admin units with a need and no partner, or too few partners for the need (needs the gaps analysis: pick a needs table)</source>
            <translation>Unités administratives ayant un besoin et aucun partenaire, ou trop peu de partenaires pour le besoin (demande l'analyse des lacunes : choisissez une table des besoins)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Unmatched rows</source>
            <translation>Lignes non appariées</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Rows of the chosen clusters and periods that could not be placed on an admin unit (and, in brackets, in the whole table); the QA report lists them</source>
            <translation>Lignes des clusters et périodes choisis qui n'ont pu être rattachées à aucune unité administrative (et, entre parenthèses, dans toute la table) ; le rapport de contrôle qualité les liste</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="250" />
            <source>Map pack</source>
            <translation>Jeu de cartes</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="254" />
            <source>Default: coordmap_map_pack next to the project, or in your home folder</source>
            <translation>Par défaut : coordmap_map_pack à côté du projet, ou dans votre dossier personnel</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="256" />
            <source>Folder</source>
            <translation>Dossier</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="264" />
            <source>Map language</source>
            <translation>Langue des cartes</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="266" />
            <source>A4 landscape</source>
            <translation>A4 paysage</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="266" />
            <source>A4 portrait</source>
            <translation>A4 portrait</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="266" />
            <source>A3 landscape</source>
            <translation>A3 paysage</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="268" />
            <source>Template</source>
            <translation>Modèle</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="270" />
            <source>Default: country – cluster: operational presence</source>
            <translation>Par défaut : pays – cluster : présence opérationnelle</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="272" />
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="274" />
            <source>Default: partners' 4W reports and the boundaries</source>
            <translation>Par défaut : rapports 4W des partenaires et limites administratives</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="278" />
            <source>e.g. OCHA IM unit, im@example.org</source>
            <translation>p. ex. unité GI d'OCHA, im@example.org</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="279" />
            <source>Producer</source>
            <translation>Réalisé par</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="280" />
            <source>One map of the chosen periods</source>
            <translation>Une carte des périodes choisies</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="281" />
            <source>Distinct partners over the whole range, as the map in the panel; unticked: one map per period</source>
            <translation>Partenaires distincts sur toute la plage, comme la carte du panneau ; décoché : une carte par période</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="286" />
            <source>Same classes on every map</source>
            <translation>Mêmes classes sur toutes les cartes</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="287" />
            <source>To compare clusters side by side</source>
            <translation>Pour comparer les clusters côte à côte</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="289" />
            <source>Export map pack</source>
            <translation>Exporter le jeu de cartes</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="330" />
            <source>Load a 4W table to start: pick the partners' 4W table and the admin boundaries, then Run join.</source>
            <translation>Chargez une table 4W pour commencer : choisissez la table 4W des partenaires et les limites administratives, puis Lancer la jointure.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="355" />
            <source>The map pack export is not available in this installation (algorithm {id})</source>
            <translation>L'export du jeu de cartes n'est pas disponible dans cette installation (algorithme {id})</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="360" />
            <source>Export the maps of the chosen clusters and periods in the background</source>
            <translation>Exporter en arrière-plan les cartes des clusters et périodes choisis</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="360" />
            <source>Tick at least one cluster to export its maps</source>
            <translation>Cochez au moins un cluster pour exporter ses cartes</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="392" />
            <source>Choose a 4W table and admin boundaries first.</source>
            <translation>Choisissez d'abord une table 4W et des limites administratives.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="401" />
            <source>CoordMap: join 4W table</source>
            <translation>CoordMap : jointure de la table 4W</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="403" />
            <source>Joining the 4W table to the boundaries…</source>
            <translation>Jointure de la table 4W aux limites…</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="426" />
            <source>Stopped: {message}</source>
            <translation>Arrêté : {message}</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="439" />
            <source>No row has a usable month (no date column, or month names without a year): the map shows the whole table. To map month by month, give the year in "Year of months without a year", choose Presence per Month and run the join again.</source>
            <translation>Aucune ligne n'a de mois utilisable (pas de colonne de date, ou des noms de mois sans année) : la carte montre toute la table. Pour cartographier mois par mois, indiquez l'année dans « Année des mois sans année », choisissez Présence par Mois et relancez la jointure.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="459" />
            <source>{count} rows have no usable period and are not on the map: give the year of month names without one in "Year of months without a year", or choose Presence per Whole table, and run the join again.</source>
            <translation>{count} lignes n'ont pas de période utilisable et ne sont pas sur la carte : indiquez l'année des noms de mois sans année dans « Année des mois sans année », ou choisissez Présence par Table entière, et relancez la jointure.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="468" />
            <source>Computing gaps and overlaps…</source>
            <translation>Calcul des lacunes et des chevauchements…</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="469" />
            <source>CoordMap: gaps and overlaps</source>
            <translation>CoordMap : lacunes et chevauchements</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="476" />
            <source>Gaps and overlaps were not computed: {message}</source>
            <translation>Lacunes et chevauchements non calculés : {message}</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="491" />
            <source>Cannot read the join outputs: {error}</source>
            <translation>Impossible de lire les sorties de la jointure : {error}</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="514" />
            <source>No row of the 4W table could be placed on an admin unit: open the QA report to see why for each row, fix the P-codes or names, and run the join again.</source>
            <translation>Aucune ligne de la table 4W n'a pu être placée sur une unité administrative : ouvrez le rapport QA pour voir pourquoi pour chaque ligne, corrigez les P-codes ou les noms et relancez la jointure.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="519" />
            <source>{clusters} and {periods}.</source>
            <translation>{clusters} et {periods}.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="519" />
            <source>1 cluster</source>
            <translation>1 cluster</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="519" />
            <source>{n} clusters</source>
            <translation>{n} clusters</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="519" />
            <source>1 period</source>
            <translation>1 période</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="519" />
            <source>{n} periods</source>
            <translation>{n} périodes</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="524" />
            <source>Tick clusters and move the period range: the map and the numbers follow.</source>
            <translation>Cochez des clusters et déplacez la plage de périodes : la carte et les chiffres suivent.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="535" />
            <source>Partner presence</source>
            <translation>Présence des partenaires</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="535" />
            <source>Gaps</source>
            <translation>Lacunes</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="536" />
            <source>Overlapping partners</source>
            <translation>Partenaires qui se chevauchent</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="546" />
            <source>Cannot open {path}</source>
            <translation>Impossible d'ouvrir {path}</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="562" />
            <source>Partners (chosen clusters and periods)</source>
            <translation>Partenaires (clusters et périodes choisis)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="605" />
            <source>Open the QA report</source>
            <translation>Ouvrir le rapport de contrôle qualité</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="658" />
            <source>No cluster ticked: tick at least one to see the map.</source>
            <translation>Aucun cluster coché : cochez-en au moins un pour voir la carte.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="661" />
            <source>The whole table (the 4W gives no period)</source>
            <translation>Toute la table (le 4W n'indique pas de période)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="663" />
            <source>Period: {period}</source>
            <translation>Période : {period}</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="664" />
            <source>Periods: {first} to {last}</source>
            <translation>Périodes : de {first} à {last}</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="671" />
            <source>not computed</source>
            <translation>non calculé</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="674" />
            <source>{chosen} ({total} in the whole table)</source>
            <translation>{chosen} ({total} dans toute la table)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="682" />
            <source>withheld (protected data)</source>
            <translation>masqué (données protégées)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="683" />
            <source>{count} + withheld (protected data)</source>
            <translation>{count} + masqués (données protégées)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="688" />
            <source>withheld</source>
            <translation>masqué</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="689" />
            <source>{code} – {name} ({partners})</source>
            <translation>{code} – {name} ({partners})</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="691" />
            <source>Protected data: partner names and numbers below the threshold are not shown</source>
            <translation>Données protégées : les noms des partenaires et les nombres inférieurs au seuil ne sont pas affichés</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="691" />
            <source>{partners} partners in the chosen periods</source>
            <translation>{partners} partenaires dans les périodes choisies</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="788" />
            <source>Exporting the map pack to {folder}…</source>
            <translation>Export du jeu de cartes vers {folder}…</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="789" />
            <source>CoordMap: export map pack</source>
            <translation>CoordMap : export du jeu de cartes</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="789" />
            <source>Map pack written to {folder}</source>
            <translation>Jeu de cartes écrit dans {folder}</translation>
        </message>
    </context>
    <context>
        <name>CoordMapPlugin</name>
        <message>
            <location filename="../plugin/plugin.py" line="64" />
            <source>CoordMap panel</source>
            <translation>Panneau CoordMap</translation>
        </message>
        <message>
            <location filename="../plugin/plugin.py" line="67" />
            <source>Join 4W to boundaries…</source>
            <translation>Joindre la 4W aux limites…</translation>
        </message>
    </context>
    <context>
        <name>CoordMapProvider</name>
        <message>
            <location filename="../processing/provider.py" line="37" />
            <source>CoordMap humanitarian coordination</source>
            <translation>CoordMap coordination humanitaire</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="56" />
            <source>Some CoordMap features are off: {problems}.</source>
            <translation>Certaines fonctions de CoordMap sont désactivées : {problems}.</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="58" />
            <source>Some CoordMap algorithms cannot run: {problems}.</source>
            <translation>Certains algorithmes de CoordMap ne peuvent pas s'exécuter : {problems}.</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="79" />
            <source>CoordMap cannot run this algorithm: {problems}.</source>
            <translation>CoordMap ne peut pas exécuter cet algorithme : {problems}.</translation>
        </message>
    </context>
    <context>
        <name>Destinations</name>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="53" />
            <source>Cancelled: no output was written</source>
            <translation>Annulé : aucune sortie n'a été écrite</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="159" />
            <source>{output}: {path} is the file of the input '{input}'; an output is never written over an input: choose another file name</source>
            <translation>{output} : {path} est le fichier de l'entrée « {input} » ; une sortie n'est jamais écrite par-dessus une entrée : choisissez un autre nom de fichier</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="165" />
            <source>{output}: {path} is a folder: give a file name</source>
            <translation>{output} : {path} est un dossier : donnez un nom de fichier</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="170" />
            <source>{output} and {other} are the same file ({path}): give each output its own file</source>
            <translation>{output} et {other} sont le même fichier ({path}) : donnez à chaque sortie son propre fichier</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="188" />
            <source>{what} {path}: cannot be written ({cause})</source>
            <translation>{what} {path} : impossible d'écrire ({cause})</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="350" />
            <source>{path}: the file was not finished writing</source>
            <translation>{path} : l'écriture du fichier n'a pas été terminée</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="375" />
            <source>Output</source>
            <translation>Sortie</translation>
        </message>
    </context>
    <context>
        <name>ExportHapiPresenceAlgorithm</name>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="62" />
            <source>Export operational presence for HDX (HAPI)</source>
            <translation>Exporter la présence opérationnelle pour HDX (HAPI)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="62" />
            <source>Writes the partner presence in the shape of HDX HAPI's operational presence table (one row per organisation, sector, admin unit and period), with HXL hashtags.</source>
            <translation>Écrit la présence des partenaires au format de la table de présence opérationnelle de HDX HAPI (une ligne par organisation, secteur, unité administrative et période), avec les hashtags HXL.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="62" />
            <source>HDX,HAPI,operational presence,3W,export,share,sector</source>
            <translation>HDX,HAPI,présence opérationnelle,3W,exporter,partager,secteur</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="34" />
            <source>Writes the presence of the join in the shape of HDX HAPI's operational presence table, so a cluster can compare its figures with HDX's and share them in HDX's format: one row per organisation, sector, admin unit and period, with the country, admin 1 and admin 2 codes and names, the admin level, the organisation's acronym, name and type, the sector code and name, and the reference period's start and end. The file (CSV or XLSX) has HXL hashtags under its header.

Give the rows output of 'Join 4W table to admin boundaries' and the boundaries the join used (every level, for the admin 1 and admin 2 names). Rows located below admin 2 count in their admin 2 unit; rows located at admin 1 have no admin 2. The reference period is the row's month, quarter or year (its own dates when it has no period).

Sector codes are CoordMap's cluster codes, which are HDX's, except two: multipurpose cash (MPC) is written Cash, and coordination and common services (CSS) CCM, as HDX HAPI files them. Organisation types get HDX's type code where CoordMap recognises them (INGO 437, NNGO 441, UN 447 ...).

Data protection (on by default): the presence of GBV and child protection (and of the clusters you add) names no organisation: one row per unit, sector and period with the organisation blank.</source>
            <translation>Écrit la présence de la jointure au format de la table de présence opérationnelle de HDX HAPI, pour qu'un cluster compare ses chiffres avec ceux de HDX et les partage au format de HDX : une ligne par organisation, secteur, unité administrative et période, avec le pays, les codes et noms d'admin 1 et d'admin 2, le niveau administratif, l'acronyme, le nom et le type de l'organisation, le code et le nom du secteur, et le début et la fin de la période de référence. Le fichier (CSV ou XLSX) a les hashtags HXL sous son en-tête.

Donnez la sortie des lignes de « Joindre la table 4W aux limites administratives » et les limites utilisées par la jointure (tous les niveaux, pour les noms d'admin 1 et d'admin 2). Les lignes localisées sous l'admin 2 comptent dans leur unité d'admin 2 ; les lignes localisées à l'admin 1 n'ont pas d'admin 2. La période de référence est le mois, le trimestre ou l'année de la ligne (ses propres dates si elle n'a pas de période).

Les codes de secteur sont les codes de cluster de CoordMap, qui sont ceux de HDX, sauf deux : les transferts monétaires à usages multiples (MPC) s'écrivent Cash, et la coordination et les services communs (CSS) CCM, comme HDX HAPI les classe. Les types d'organisation reçoivent le code de type de HDX quand CoordMap les reconnaît (INGO 437, NNGO 441, ONU 447 ...).

Protection des données (active par défaut) : la présence VBG et protection de l'enfance (et des clusters que vous ajoutez) ne nomme aucune organisation : une ligne par unité, secteur et période, l'organisation laissée vide.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="55" />
            <source>Rows with match status (output of the join)</source>
            <translation>Lignes avec statut d'appariement (sortie de la jointure)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="58" />
            <source>Admin boundaries (COD-AB polygons, as given to the join)</source>
            <translation>Limites administratives (polygones COD-AB, comme données à la jointure)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="61" />
            <source>Boundaries of other admin levels (when each level is a separate file)</source>
            <translation>Limites des autres niveaux administratifs (quand chaque niveau est un fichier séparé)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="65" />
            <source>Country ISO 3166 code (default: from the admin 1 P-codes)</source>
            <translation>Code ISO 3166 du pays (par défaut : d'après les P-codes d'admin 1)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="69" />
            <source>Extra cluster names (JSON, as given to the join)</source>
            <translation>Noms de clusters supplémentaires (JSON, comme donné à la jointure)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="74" />
            <source>Operational presence (HDX HAPI)</source>
            <translation>Présence opérationnelle (HDX HAPI)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="100" />
            <source>{rows} rows of operational presence</source>
            <translation>{rows} lignes de présence opérationnelle</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="107" />
            <source>Rows: no such layer or file</source>
            <translation>Lignes : couche ou fichier introuvable</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="114" />
            <source>Admin boundaries: no such layer or file</source>
            <translation>Limites administratives : couche ou fichier introuvable</translation>
        </message>
    </context>
    <context>
        <name>ExportMapsAlgorithm</name>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="54" />
            <source>Export 3W map pack</source>
            <translation>Exporter le jeu de cartes 3W</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="54" />
            <source>Makes the OCHA-style partner presence maps, one per cluster (and period), as PDF, PNG or SVG.</source>
            <translation>Produit les cartes de présence des partenaires au style OCHA, une par cluster (et période), en PDF, PNG ou SVG.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="54" />
            <source>map pack,map,PDF,print layout,atlas,operational presence</source>
            <translation>jeu de cartes,carte,PDF,mise en page,atlas,présence opérationnelle</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="65" />
            <source>Makes the 3W map pack from the presence output of 'Join 4W table to admin boundaries': one map per cluster (and per period) with title, period, 'as of' date, legend of partners per unit, locator map, scale bar, north arrow, sources, producer, map id, creation date, the United Nations disclaimer and a note saying what blank areas mean. Hatched grey units have no data (no 4W report); white units were reported with no partner of the cluster.

Classes of partners per unit are fitted to the data (few whole-number classes, as even as readable breaks allow); 'Same classes on every map' gives every map of the pack the classes of all of them, to compare clusters. 'One map of all the chosen periods' makes one map of a range of months (distinct partners over the range) instead of one map per period.

Admin boundaries (optional, the layer of the join or an admin-1 layer) draw the admin-1 outlines and names and are named in the sources; without them the units are dissolved by their parent P-code. The title names the country of the P-codes. The side panel charts the partners per admin 1 and, given the join's rows with an organisation type column, per type (UN, international NGO, national NGO, Red Cross / Red Crescent, government); the partner table prints acronyms. The 'as of' date is the end of the data's period.

Optional gaps and overlap-units layers (from 'Gaps and overlaps') outline units with a need and no partner and hatch units with overlapping activities. Files are named by map id, cluster short name, paper and date, e.g. COORDMAP-WSH-2025-12_3W-Water-Sanitation-and-Hygiene_A4L_20251231. Map texts are in the chosen language (English, French, Spanish, Arabic). Cluster colours and icons are CoordMap's own defaults, not an official palette: give your own JSON file (same shape as resources/styles/cluster_styles.json) as 'Cluster colours and icons', or set it once in the QGIS setting coordmap/cluster_styles. 'Add the layouts to the project' keeps every map as an editable print layout (with its layers, as temporary layers) to fine-tune in the layout manager.

Data protection (on by default): maps of GBV and child protection (in any spelling or language, and of the clusters you add) name no partner and show no count below k: the legend has two classes, fewer than k and k or more, the partner table shows fewer than k and 'withheld', and the partner and activity numbers are withheld. Texts from the data and the parameters are printed as written, never run as expressions.</source>
            <translation>Produit le jeu de cartes 3W à partir de la sortie de présence de « Joindre la table 4W aux limites administratives » : une carte par cluster (et par période) avec titre, période, date de situation, légende des partenaires par unité, carte de localisation, barre d'échelle, flèche du nord, sources, producteur, identifiant de carte, date de création, la clause de non-responsabilité des Nations Unies et une note expliquant ce que signifient les zones vides. Les unités grises hachurées n'ont pas de données (aucun rapport 4W) ; les unités blanches ont été rapportées sans partenaire du cluster.

Les classes de partenaires par unité sont ajustées aux données (peu de classes en nombres entiers, aussi égales que des seuils lisibles le permettent) ; « Mêmes classes sur toutes les cartes » donne à chaque carte du jeu les classes de l'ensemble, pour comparer les clusters. « Une carte de toutes les périodes choisies » fait une carte d'une plage de mois (partenaires distincts sur la plage) au lieu d'une carte par période.

Les limites administratives (facultatives, la couche de la jointure ou une couche admin 1) tracent les contours et noms des unités admin 1 et sont citées dans les sources ; sans elles, les unités sont fusionnées par leur P-code parent. Le titre nomme le pays des P-codes. Le panneau latéral montre les partenaires par admin 1 et, avec les lignes de la jointure ayant une colonne de type d'organisation, par type (ONU, ONG internationale, ONG nationale, Croix-Rouge / Croissant-Rouge, gouvernement) ; la table des partenaires imprime les sigles. La date de situation est la fin de la période des données.

Les couches facultatives des lacunes et des unités de chevauchement (issues de « Lacunes et chevauchements ») entourent les unités ayant un besoin et aucun partenaire et hachurent les unités où des activités se chevauchent. Les fichiers sont nommés d'après l'identifiant de la carte, le nom court du cluster, le papier et la date, p. ex. COORDMAP-WSH-2025-12_3W-Water-Sanitation-and-Hygiene_A4L_20251231. Les textes des cartes sont dans la langue choisie (anglais, français, espagnol, arabe). Les couleurs et icônes des clusters sont les valeurs par défaut de CoordMap, pas une palette officielle : donnez votre propre fichier JSON (de même forme que resources/styles/cluster_styles.json) comme « Couleurs et icônes des clusters », ou réglez-le une fois pour toutes dans le paramètre QGIS coordmap/cluster_styles. « Ajouter les mises en page au projet » conserve chaque carte comme mise en page modifiable (avec ses couches, en couches temporaires) à affiner dans le gestionnaire de mises en page.

Protection des données (activée par défaut) : les cartes des VBG et de la protection de l'enfance (quelle qu'en soit l'orthographe ou la langue, et des clusters que vous ajoutez) ne nomment aucun partenaire et n'affichent aucun effectif inférieur à k : la légende a deux classes, moins de k et k ou plus, le tableau des partenaires indique moins de k et 'masqués', et les nombres de partenaires et d'activités sont masqués. Les textes des données et des paramètres sont imprimés tels qu'écrits, jamais exécutés comme des expressions.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="103" />
            <source>Presence (output of Join 4W)</source>
            <translation>Présence (sortie de la jointure 4W)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="106" />
            <source>Gaps (output of Gaps and overlaps)</source>
            <translation>Lacunes (sortie de Lacunes et chevauchements)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="109" />
            <source>Overlap units (output of Gaps and overlaps)</source>
            <translation>Unités de chevauchement (sortie de Lacunes et chevauchements)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="112" />
            <source>Admin boundaries (for admin 1 outlines and names, and the sources)</source>
            <translation>Limites administratives (contours et noms des unités admin 1, et sources)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="116" />
            <source>Rows with match status (output of Join 4W: organisation types and acronyms)</source>
            <translation>Lignes avec statut de correspondance (sortie de Joindre 4W : types d'organisation et sigles)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="120" />
            <source>Clusters (codes separated by commas; default: all present)</source>
            <translation>Clusters (codes séparés par des virgules ; par défaut : tous ceux présents)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="123" />
            <source>Periods (separated by commas; default: every period)</source>
            <translation>Périodes (séparées par des virgules ; par défaut : toutes les périodes)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="126" />
            <source>One map of all the chosen periods (instead of one map per period)</source>
            <translation>Une carte de toutes les périodes choisies (au lieu d'une carte par période)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="130" />
            <source>Template</source>
            <translation>Modèle</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="130" />
            <source>A4 landscape</source>
            <translation>A4 paysage</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="130" />
            <source>A4 portrait</source>
            <translation>A4 portrait</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="130" />
            <source>A3 landscape</source>
            <translation>A3 paysage</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="134" />
            <source>Map language</source>
            <translation>Langue des cartes</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="139" />
            <source>Title (default: the country, the cluster and 'operational presence')</source>
            <translation>Titre (par défaut : le pays, le cluster et « présence opérationnelle »)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="143" />
            <source>Sources (default: partners' 4W reports and the boundaries)</source>
            <translation>Sources (par défaut : rapports 4W des partenaires et limites administratives)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="146" />
            <source>Producer and contact</source>
            <translation>Producteur et contact</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="148" />
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="150" />
            <source>Same classes on every map (to compare clusters)</source>
            <translation>Mêmes classes sur toutes les cartes (pour comparer les clusters)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="153" />
            <source>One multi-page PDF instead of one file per map</source>
            <translation>Un seul PDF de plusieurs pages au lieu d'un fichier par carte</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="156" />
            <source>Add the layouts to the project (to edit them)</source>
            <translation>Ajouter les mises en page au projet (pour les modifier)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="159" />
            <source>Add a page listing the partners per unit</source>
            <translation>Ajouter une page listant les partenaires par unité</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="163" />
            <source>Cluster colours and icons (JSON)</source>
            <translation>Couleurs et icônes des clusters (JSON)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="166" />
            <source>Output folder</source>
            <translation>Dossier de sortie</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="168" />
            <source>Files written</source>
            <translation>Fichiers écrits</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="176" />
            <source>Presence: no such layer or file</source>
            <translation>Présence : ni couche ni fichier de ce nom</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="177" />
            <source>Presence</source>
            <translation>Présence</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="193" />
            <source>Presence: no feature for clusters {clusters} and periods {periods}</source>
            <translation>Présence : aucune entité pour les clusters {clusters} et les périodes {periods}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="197" />
            <source>{count} maps to make</source>
            <translation>{count} cartes à produire</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="226" />
            <source>Wrote {count} files to {folder}</source>
            <translation>{count} fichiers écrits dans {folder}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="273" />
            <source>{label} {name}: no field {fields}; give the output of CoordMap's algorithm (fields are listed in the help)</source>
            <translation>{label} {name} : pas de champ {fields} ; donnez la sortie de l'algorithme CoordMap (les champs sont listés dans l'aide)</translation>
        </message>
    </context>
    <context>
        <name>GapsOverlapsAlgorithm</name>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="44" />
            <source>Gaps, overlaps and changes per cluster and period</source>
            <translation>Lacunes, chevauchements et changements par cluster et par période</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="44" />
            <source>Finds needs with no or too few partners, partners doing the same activity in the same place and period, and what changed since the previous period.</source>
            <translation>Trouve les besoins sans partenaire ou avec trop peu de partenaires, les partenaires qui mènent la même activité au même endroit et à la même période, et ce qui a changé depuis la période précédente.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="44" />
            <source>gap,overlap,duplication,needs,PiN,severity,coverage,change</source>
            <translation>lacune,chevauchement,doublon,besoins,PiN,sévérité,couverture,changement</translation>
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
            <translation>Répond aux trois questions de la réunion de coordination à partir des sorties de « Joindre la table 4W aux limites administratives » (lancez-la avec la présence par mois pour voir les changements et les unités qui n'ont pas fait de rapport) et d'une table des besoins facultative.

Besoins : une table ou un fichier des personnes dans le besoin (PiN), des cibles et/ou de la sévérité par P-code et par cluster, au format long (une ligne par unité et secteur, p. ex. HXL #inneed, #targeted, #severity, #sector) ou large (une colonne par cluster, une feuille par mesure nommée p. ex. 'PiN' ou 'Severity' ; toutes les feuilles d'un classeur sont lues). Les lignes de ventilation (sexe, âge, groupe de population) sont ramenées au total de l'unité. Les besoins des unités plus fines sont agrégés (PiN et cibles additionnés sur les sous-unités, sévérité = la plus élevée) ; ceux des unités plus grossières sont reportés vers le bas (sévérité seulement : un PiN ne peut pas être divisé). Les besoins s'appliquent à toutes les périodes.

Statut de lacune par unité, cluster et période (besoin = PiN &gt; 0 ou sévérité &gt;= 3) :
- no_report : aucun partenaire n'a fait de rapport pour cette période, mais certains l'avaient fait pour une période antérieure (une absence n'est pas lue comme « aucun partenaire ») ;
- no_partner_with_need : besoin et aucun partenaire ;
- underserved : besoin et moins de partenaires que le minimum, ou moins de partenaires pour 10 000 personnes dans le besoin que le seuil (0 = non utilisé), ou couverture inférieure à la première tranche de couverture ;
- covered : partenaires présents et aucun des cas ci-dessus ;
- no_need_reported : aucun partenaire et aucun besoin signalé.
gap_rank (1 = priorité la plus haute) ordonne les lacunes de chaque cluster et période : d'abord les unités sans partenaire, puis celles insuffisamment desservies ; dans chaque groupe, la sévérité la plus élevée d'abord, puis le PiN le plus grand.

Les bénéficiaires ne sont jamais additionnés entre clusters ni comptés deux fois : 'reached' est la somme sur les partenaires (peut compter des personnes deux fois), 'reached_max' le plus grand chiffre d'un seul partenaire ; couverture = reached_max / PiN, le chiffre qu'utilisent les cartes.

Chevauchements : au moins deux partenaires distincts sur la même unité, le même cluster, la même activité (et la même modalité et le même groupe cible quand ils sont donnés) et la même période, dont les dates se chevauchent ; une ligne sans dates couvre sa période ; les lignes annulées ou suspendues sont écartées. Les changements comparent chaque période à la précédente : couverture gagnée ou perdue, partenaires arrivés ou partis.

Limites administratives : sans elles, seules les unités de la couche de présence (unités avec partenaires) et leurs besoins peuvent être cartographiées ; donnez les limites pour que les unités ayant des besoins et aucun partenaire aient leur polygone.

Protection des données (activée par défaut) : pour les clusters sensibles (VBG et protection de l'enfance quelle qu'en soit l'orthographe ou la langue, et les clusters que vous ajoutez), chaque sortie masque les noms des partenaires et efface les effectifs inférieurs à k, en écrivant le signe inférieur à suivi de k dans la liste des partenaires ; le champ 'protected' signale ces entités. Un effectif que la présence a masqué compte pour un partenaire dans les règles des lacunes, de sorte qu'aucun statut ne révèle un effectif masqué.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="108" />
            <source>Presence (output of the join)</source>
            <translation>Présence (sortie de la jointure)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="111" />
            <source>Rows with match status (output of the join)</source>
            <translation>Lignes avec statut d'appariement (sortie de la jointure)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="114" />
            <source>Needs: PiN, targets, severity (layer or CSV/XLSX/ODS file)</source>
            <translation>Besoins : PiN, cibles, sévérité (couche ou fichier CSV/XLSX/ODS)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="117" />
            <source>Admin boundaries (to map units with needs and no partner)</source>
            <translation>Limites administratives (pour cartographier les unités ayant des besoins et aucun partenaire)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="120" />
            <source>Clusters (codes separated by commas; default: all)</source>
            <translation>Clusters (codes séparés par des virgules ; par défaut : tous)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="123" />
            <source>Periods (e.g. 2025-01,2025-02; default: all)</source>
            <translation>Périodes (p. ex. 2025-01,2025-02 ; par défaut : toutes)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="126" />
            <source>Admin level</source>
            <translation>Niveau administratif</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="126" />
            <source>Automatic (the presence level)</source>
            <translation>Automatique (le niveau de la présence)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="129" />
            <source>Minimum partners per unit</source>
            <translation>Nombre minimum de partenaires par unité</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="132" />
            <source>Partners per 10,000 people in need below which a unit is underserved (0: not used)</source>
            <translation>Partenaires pour 10 000 personnes dans le besoin en dessous duquel une unité est insuffisamment desservie (0 : non utilisé)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="137" />
            <source>Coverage bands, reached/PiN (below the first: underserved)</source>
            <translation>Tranches de couverture, atteints/PiN (sous la première : insuffisamment desservi)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="142" />
            <source>Gaps</source>
            <translation>Lacunes</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="144" />
            <source>Overlaps</source>
            <translation>Chevauchements</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="146" />
            <source>Units with overlaps</source>
            <translation>Unités avec chevauchements</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="149" />
            <source>Changes since the previous period</source>
            <translation>Changements depuis la période précédente</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="184" />
            <source>Needs read from: {sources}</source>
            <translation>Besoins lus depuis : {sources}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="189" />
            <source>{count} units have no polygon (give the admin boundaries to map them); their features have no geometry: {codes}</source>
            <translation>{count} unités n'ont pas de polygone (donnez les limites administratives pour les cartographier) ; leurs entités n'ont pas de géométrie : {codes}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="200" />
            <source>Presence: no such layer or file</source>
            <translation>Présence : ni couche ni fichier de ce nom</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="223" />
            <source>No needs table: gaps only say where partners are; every unit without partner is 'no_need_reported'</source>
            <translation>Pas de table des besoins : les lacunes indiquent seulement où sont les partenaires ; toute unité sans partenaire est 'no_need_reported'</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="226" />
            <source>Needs {value!r}: no such file or layer</source>
            <translation>Besoins {value!r} : ni fichier ni couche de ce nom</translation>
        </message>
    </context>
    <context>
        <name>InputError</name>
        <message>
            <location filename="../processing/analysis/boundaries.py" line="116" />
            <source>boundary layer: {records} attribute records but {geometries} geometries</source>
            <translation>couche de limites : {records} enregistrements d'attributs mais {geometries} géométries</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundaries.py" line="121" />
            <source>boundary layer: it has no features</source>
            <translation>couche de limites : elle n'a aucune entité</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundaries.py" line="134" />
            <source>boundary layer: it has no polygon (admin boundaries must be areas)</source>
            <translation>couche de limites : elle n'a aucun polygone (les limites administratives doivent être des surfaces)</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundaries.py" line="149" />
            <source>no boundary layer given</source>
            <translation>aucune couche de limites donnée</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundaries.py" line="264" />
            <source>the boundaries have no admin {level} polygons</source>
            <translation>les limites n'ont aucun polygone d'admin {level}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundary_fields.py" line="137" />
            <source>boundary layer: no P-code field found (expected e.g. ADM2_PCODE, adm2_pcode or admin2Pcode, or a field of values such as XY0102); fields seen: {fields}. Name the P-code field (P-code field of the boundaries)</source>
            <translation>couche des limites : aucun champ de P-code trouvé (attendu p. ex. ADM2_PCODE, adm2_pcode ou admin2Pcode, ou un champ de valeurs telles que XY0102) ; champs vus : {fields}. Indiquez le champ du P-code (Champ P-code des limites)</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundary_fields.py" line="145" />
            <source>boundary layer: no admin {level} P-code field; fields seen: {fields}</source>
            <translation>couche de limites : aucun champ de P-code d'admin {level} ; champs vus : {fields}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundary_fields.py" line="153" />
            <source>boundary layer: the P-code fields {fields} are all empty</source>
            <translation>couche de limites : les champs de P-code {fields} sont tous vides</translation>
        </message>
        <message>
            <location filename="../processing/analysis/errors.py" line="39" />
            <source>{where}: {error}</source>
            <translation>{where} : {error}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/gaps.py" line="140" />
            <source>{layer}: not a presence layer of the join: fields {fields} are missing</source>
            <translation>{layer} : pas une couche de présence de la jointure : les champs {fields} manquent</translation>
        </message>
        <message>
            <location filename="../processing/analysis/hapi.py" line="77" />
            <source>{layer}: not the rows output of the join: fields {fields} are missing</source>
            <translation>{layer} : pas la sortie des lignes de la jointure : les champs {fields} manquent</translation>
        </message>
        <message>
            <location filename="../processing/analysis/gaps.py" line="190" />
            <source>the presence layer has no admin unit: run the join first</source>
            <translation>la couche de présence n'a aucune unité administrative : lancez d'abord la jointure</translation>
        </message>
        <message>
            <location filename="../processing/analysis/gaps.py" line="194" />
            <source>admin level {level} was asked for, but the presence layer has levels {levels}: run the join at that level</source>
            <translation>le niveau administratif {level} a été demandé, mais la couche de présence a les niveaux {levels} : lancez la jointure à ce niveau</translation>
        </message>
        <message>
            <location filename="../processing/analysis/gaps.py" line="528" />
            <source>coverage bands {bands!r}: give numbers separated by commas, e.g. 0.25,0.5,0.75</source>
            <translation>tranches de couverture {bands!r} : donnez des nombres séparés par des virgules, par ex. 0.25,0.5,0.75</translation>
        </message>
        <message>
            <location filename="../processing/analysis/hapi.py" line="292" />
            <source>Operational presence {file}: use a .csv or .xlsx file name</source>
            <translation>Présence opérationnelle {file} : utilisez un nom de fichier .csv ou .xlsx</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/layout.py" line="31" />
            <source>{table}: the table has no non-blank row</source>
            <translation>{table} : la table n'a aucune ligne non vide</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/parse.py" line="32" />
            <source>{table}: the table is empty</source>
            <translation>{table} : la table est vide</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/profiles.py" line="24" />
            <source>{file}: a mapping profile must be a JSON object {{role: column}}</source>
            <translation>{file} : un profil de correspondance doit être un objet JSON {{role: column}} (rôle : colonne)</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/profiles.py" line="29" />
            <source>{file}: unknown role "{role}"; roles are: {roles}</source>
            <translation>{file} : rôle inconnu « {role} » ; les rôles sont : {roles}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/profiles.py" line="33" />
            <source>{file}: role "{role}" must name a column (text) or be null</source>
            <translation>{file} : le rôle « {role} » doit nommer une colonne (texte) ou être null</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/profiles.py" line="51" />
            <source>Mapping {mapping!r}: write role=column pairs separated by ';' (e.g. org=Partner;adm2_code=District Pcode) or give a JSON profile file</source>
            <translation>Correspondance {mapping!r} : écrivez des paires rôle=colonne séparées par « ; » (par ex. org=Partner;adm2_code=District Pcode) ou donnez un fichier de profil JSON</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/roles.py" line="147" />
            <source>{table}: the mapping names an unknown role "{role}"; roles are: {roles}</source>
            <translation>{table} : la correspondance nomme un rôle inconnu « {role} » ; les rôles sont : {roles}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/roles.py" line="171" />
            <source>{table}: the mapping gives column "{column}" for role "{role}" but there is no such column; columns are: {columns}</source>
            <translation>{table} : la correspondance donne la colonne « {column} » pour le rôle « {role} » mais cette colonne n'existe pas ; les colonnes sont : {columns}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/hxl.py" line="307" />
            <source>{file}: the HXL hashtags could not be written ({cause})</source>
            <translation>{file} : les hashtags HXL n'ont pas pu être écrits ({cause})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/locations.py" line="19" />
            <source>{table}: no admin P-code, admin name or latitude/longitude column was recognised among: {columns}. Name the columns in the Mapping parameter, e.g. adm2_code=District Pcode;adm1_name=Region</source>
            <translation>{table} : aucune colonne de P-code, de nom administratif ou de latitude/longitude n'a été reconnue parmi : {columns}. Nommez les colonnes dans le paramètre Correspondance, par ex. adm2_code=District Pcode;adm1_name=Region</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/locations.py" line="31" />
            <source>admin level {level} was asked for, but the boundaries have levels {levels}</source>
            <translation>le niveau administratif {level} a été demandé, mais les limites ont les niveaux {levels}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/pipeline.py" line="56" />
            <source>period must be one of {modes}, not {period!r}</source>
            <translation>la période doit être l'une de {modes}, pas {period!r}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/pipeline.py" line="63" />
            <source>{table}: the table has a header (row {rows}) but no data rows under it</source>
            <translation>{table} : la table a un en-tête (ligne {rows}) mais aucune ligne de données dessous</translation>
        </message>
        <message>
            <location filename="../processing/analysis/vocabulary.py" line="49" />
            <source>{file}: cannot be read ({cause})</source>
            <translation>{file} : illisible ({cause})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/matching/crosswalk.py" line="55" />
            <source>{file}: the crosswalk is empty</source>
            <translation>{file} : la table de correspondance est vide</translation>
        </message>
        <message>
            <location filename="../processing/analysis/matching/crosswalk.py" line="62" />
            <source>{file}: crosswalk column(s) {missing} missing (columns found: {columns})</source>
            <translation>{file} : colonne(s) de la table de correspondance {missing} manquante(s) (colonnes trouvées : {columns})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/matching/crosswalk.py" line="86" />
            <source>{file}: row {row}, column raw_value: empty</source>
            <translation>{file} : ligne {row}, colonne raw_value : vide</translation>
        </message>
        <message>
            <location filename="../processing/analysis/matching/crosswalk.py" line="96" />
            <source>{file}: row {row}, column level: {level!r} is not an admin level (0-4)</source>
            <translation>{file} : ligne {row}, colonne level : {level!r} n'est pas un niveau administratif (0-4)</translation>
        </message>
        <message>
            <location filename="../processing/analysis/matching/matcher.py" line="59" />
            <source>{file}: row {row}, column pcode: {pcode!r} is not in the boundaries</source>
            <translation>{file} : ligne {row}, colonne pcode : {pcode!r} n'est pas dans les limites</translation>
        </message>
        <message>
            <location filename="../processing/analysis/needs.py" line="98" />
            <source>{source}: no needs found: a needs table needs admin P-code columns and either a cluster/sector column with people in need, targets or severity (long shape), or one column per cluster on a sheet named for its measure, e.g. 'PiN' or 'Severity' (wide shape). {notes}</source>
            <translation>{source} : aucun besoin trouvé : une table de besoins demande des colonnes de P-code administratifs et soit une colonne cluster/secteur avec les personnes dans le besoin, les cibles ou la sévérité (format long), soit une colonne par cluster sur une feuille nommée d'après sa mesure, par ex. « PiN » ou « Severity » (format large). {notes}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/protection.py" line="48" />
            <source>small count threshold k = {k}: give 2 or more (counts below k are hidden; to publish everything, switch protection off instead)</source>
            <translation>seuil des petits effectifs k = {k} : donnez 2 ou plus (les effectifs sous k sont masqués ; pour tout publier, désactivez plutôt la protection)</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="94" />
            <source>QA report {file}: use a .xlsx or .csv file name</source>
            <translation>Rapport QA {file} : utilisez un nom de fichier .xlsx ou .csv</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="127" />
            <source>QA report {file}: writing XLSX needs the Python package openpyxl; install it or choose a .csv report</source>
            <translation>Rapport QA {file} : écrire du XLSX demande le paquet Python openpyxl ; installez-le ou choisissez un rapport .csv</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/plain_csv.py" line="55" />
            <source>{file}, line {line}: cannot be read as CSV ({cause})</source>
            <translation>{file}, ligne {line} : illisible en CSV ({cause})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/plain_csv.py" line="70" />
            <source>{file}, line {line}, column {column}: a quote (") opens in this cell and is never closed, so the rest of the file would be read as part of this one cell; close or remove the quote</source>
            <translation>{file}, ligne {line}, colonne {column} : un guillemet (") s'ouvre dans cette cellule et ne se ferme jamais, si bien que le reste du fichier serait lu comme faisant partie de cette seule cellule ; fermez ou supprimez le guillemet</translation>
        </message>
        <message>
            <location filename="../processing/analysis/vocabulary.py" line="45" />
            <source>{file}: file not found ({path})</source>
            <translation>{file} : fichier introuvable ({path})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/reader.py" line="59" />
            <source>{file}: is a folder, not a table file ({path})</source>
            <translation>{file} : est un dossier, pas un fichier de table ({path})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/text_file.py" line="35" />
            <source>{file}: the file is empty</source>
            <translation>{file} : le fichier est vide</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="52" />
            <source>{file}, sheet "{sheet}": the sheet is empty</source>
            <translation>{file}, feuille « {sheet} » : la feuille est vide</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="86" />
            <source>{file}: cannot be opened as a spreadsheet ({cause})</source>
            <translation>{file} : ne peut pas être ouvert comme classeur ({cause})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="113" />
            <source>{file}, sheet "{sheet}": the sheet is damaged and cannot be read ({cause})</source>
            <translation>{file}, feuille « {sheet} » : la feuille est endommagée et illisible ({cause})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="168" />
            <source>{file}: the file unpacks to {size:,.0f} MB, {ratio:,.0f} times its size; a spreadsheet of real data does not, so it is not read</source>
            <translation>{file} : le fichier se décompresse en {size:,.0f} Mo, {ratio:,.0f} fois sa taille ; un classeur de données réelles ne le fait pas, il n'est donc pas lu</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="186" />
            <source>{file}: the file is damaged (its sheet XML is broken at line {line}, column {column}: {cause}); open it in LibreOffice or Excel and save it again</source>
            <translation>{file} : le fichier est endommagé (le XML de sa feuille est cassé ligne {line}, colonne {column} : {cause}) ; ouvrez-le dans LibreOffice ou Excel et enregistrez-le à nouveau</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="202" />
            <source>{file}: no sheet has any data</source>
            <translation>{file} : aucune feuille n'a de données</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="212" />
            <source>{file}: no sheet number {number} (0-based); available sheets: {sheets}</source>
            <translation>{file} : pas de feuille numéro {number} (à partir de 0) ; feuilles disponibles : {sheets}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="223" />
            <source>{file}: no sheet "{sheet}"; available sheets: {sheets}</source>
            <translation>{file} : pas de feuille « {sheet} » ; feuilles disponibles : {sheets}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/text_file.py" line="61" />
            <source>{file}: the file has no data</source>
            <translation>{file} : le fichier n'a pas de données</translation>
        </message>
        <message>
            <location filename="../processing/analysis/vocabulary.py" line="53" />
            <source>{file}: not valid JSON at line {line}, column {column}: {cause}</source>
            <translation>{file} : JSON non valide ligne {line}, colonne {column} : {cause}</translation>
        </message>
    </context>
    <context>
        <name>Join4WAlgorithm</name>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="35" />
            <source>Join 4W table to admin boundaries</source>
            <translation>Joindre la table 4W aux limites administratives</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="35" />
            <source>Joins the partners' 3W/4W/5W table (HXL or not) to the admin boundaries by P-code: partner presence per unit and cluster, and a QA report of every row it could not use.</source>
            <translation>Joint le tableau 3W/4W/5W des partenaires (HXL ou non) aux limites administratives par P-code : présence des partenaires par unité et cluster, et un rapport qualité de chaque ligne inutilisable.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="35" />
            <source>join,P-code,admin boundaries,matching,QA report,operational presence</source>
            <translation>jointure,P-code,limites administratives,rapprochement,rapport qualité,présence opérationnelle</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="77" />
            <source>Reads a partners' 3W/4W/5W table (a loaded layer or a CSV, XLSX, XLS or ODS file), detects its header, HXL row and columns, normalises clusters and periods, and joins every row to the admin boundaries by P-code (then by name within the parent unit). No row is lost: every input row is in the rows output with its status (used, unmatched, rolled_up, skipped) and the reason, and the QA report lists what could not be matched with suggestions to send back to partners.

Outputs: presence polygons (one feature per admin unit and cluster, and period when asked) with the number of distinct implementing partners; every input row with how it matched; the QA report; optionally the column mapping used (reuse it next round as Mapping) and a crosswalk of suggestions to review (reuse it as Crosswalk).

Data protection (on by default): the presence of GBV and child protection (in any spelling or language, and of the other clusters you add) names no partner and gives no count below k: the partner list says fewer than k or 'hidden', smaller counts are blank and the 'protected' field is set. The rows output and the QA report keep every name: they are for you, not for publication, and say so in their first line.</source>
            <translation>Lit une table 3W/4W/5W des partenaires (une couche chargée ou un fichier CSV, XLSX, XLS ou ODS), détecte son en-tête, sa ligne HXL et ses colonnes, normalise les clusters et les périodes, et joint chaque ligne aux limites administratives par P-code (puis par nom au sein de l'unité parente). Aucune ligne n'est perdue : chaque ligne d'entrée figure dans la sortie des lignes avec son statut (used, unmatched, rolled_up, skipped) et la raison, et le rapport de contrôle qualité liste ce qui n'a pas pu être apparié, avec des suggestions à renvoyer aux partenaires.

Sorties : polygones de présence (une entité par unité administrative et par cluster, et par période si demandé) avec le nombre de partenaires de mise en œuvre distincts ; chaque ligne d'entrée avec la façon dont elle a été appariée ; le rapport de contrôle qualité ; en option, la correspondance des colonnes utilisée (à réutiliser au prochain cycle comme Correspondance des colonnes) et une table de correspondance des suggestions à vérifier (à réutiliser comme Table de correspondance).

Protection des données (activée par défaut) : la présence des VBG et de la protection de l'enfance (quelle qu'en soit l'orthographe ou la langue, et des autres clusters que vous ajoutez) ne nomme aucun partenaire et ne donne aucun effectif inférieur à k : la liste des partenaires indique moins de k ou 'hidden', les effectifs plus petits sont vides et le champ 'protected' est renseigné. La sortie des lignes et le rapport de contrôle qualité gardent tous les noms : ils sont pour vous, pas pour publication, et le disent dans leur première ligne.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="97" />
            <source>4W table (layer or CSV/XLSX/XLS/ODS file)</source>
            <translation>Table 4W (couche ou fichier CSV/XLSX/XLS/ODS)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="100" />
            <source>Sheet (name or number; default: the sheet that looks most like a 4W)</source>
            <translation>Feuille (nom ou numéro ; par défaut : la feuille qui ressemble le plus à un 4W)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="104" />
            <source>Admin boundaries (COD-AB polygons)</source>
            <translation>Limites administratives (polygones COD-AB)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="107" />
            <source>P-code field of the boundaries (default: found from names and values)</source>
            <translation>Champ P-code des limites (par défaut : trouvé d'après les noms et les valeurs)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="111" />
            <source>Name field of the boundaries (default: found)</source>
            <translation>Champ des noms des limites (par défaut : trouvé)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="114" />
            <source>Boundaries of other admin levels (when each level is a separate file)</source>
            <translation>Limites des autres niveaux administratifs (quand chaque niveau est un fichier distinct)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="118" />
            <source>Admin level of the presence output</source>
            <translation>Niveau administratif de la sortie de présence</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="118" />
            <source>Automatic</source>
            <translation>Automatique</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="121" />
            <source>Column mapping (JSON profile file, or role=column pairs separated by ';')</source>
            <translation>Correspondance des colonnes (fichier de profil JSON, ou paires rôle=colonne séparées par ';')</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="125" />
            <source>Reviewed crosswalk (CSV: raw_value, level, parent, pcode)</source>
            <translation>Table de correspondance vérifiée (CSV : raw_value, level, parent, pcode)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="128" />
            <source>Reviewed organisation list (CSV: spelling, partner)</source>
            <translation>Liste des organisations revue (CSV : spelling, partner)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="132" />
            <source>Presence per period</source>
            <translation>Présence par période</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="132" />
            <source>Whole table</source>
            <translation>Toute la table</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="132" />
            <source>Month</source>
            <translation>Mois</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="132" />
            <source>Quarter</source>
            <translation>Trimestre</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="135" />
            <source>Year for rows with a month but no year</source>
            <translation>Année des lignes qui ont un mois mais pas d'année</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="139" />
            <source>Extra cluster names (JSON, extends the built-in list)</source>
            <translation>Noms de clusters supplémentaires (JSON, complète la liste intégrée)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="143" />
            <source>Count programme/lead organisations and donors as partners too</source>
            <translation>Compter aussi comme partenaires les organisations chefs de file/de programme et les bailleurs</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="148" />
            <source>Presence</source>
            <translation>Présence</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="150" />
            <source>Rows with match status</source>
            <translation>Lignes avec statut d'appariement</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="153" />
            <source>QA report</source>
            <translation>Rapport de contrôle qualité</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="156" />
            <source>Column mapping profile used (JSON)</source>
            <translation>Profil de correspondance des colonnes utilisé (JSON)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="159" />
            <source>Crosswalk of suggestions to review (CSV)</source>
            <translation>Table de correspondance des suggestions à vérifier (CSV)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="162" />
            <source>Organisation list to review (CSV: spelling, partner)</source>
            <translation>Liste des organisations à revoir (CSV : spelling, partner)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="181" />
            <source>4W table {path}: file not found</source>
            <translation>Table 4W {path} : fichier introuvable</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="183" />
            <source>4W table {name}: the file is empty</source>
            <translation>Table 4W {name} : le fichier est vide</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="188" />
            <source>Incorrect parameter value for {name}</source>
            <translation>Valeur de paramètre incorrecte pour {name}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="222" />
            <source>No row could be placed on a unit of the boundaries: the presence layer is empty. The rows output and the QA report say why for each row (are the boundaries those of the table's country and P-code version?)</source>
            <translation>Aucune ligne n'a pu être placée sur une unité des limites : la couche de présence est vide. La sortie des lignes et le rapport QA disent pourquoi pour chaque ligne (les limites sont-elles celles du pays du tableau et de sa version de P-codes ?)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="236" />
            <source>Read {where}: {rows} data rows, header on row(s) {header}</source>
            <translation>Lu {where} : {rows} lignes de données, en-tête sur la ou les lignes {header}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="244" />
            <source>4W table {value!r}: no such file or layer</source>
            <translation>Table 4W {value!r} : ni fichier ni couche de ce nom</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="261" />
            <source>Admin boundaries: no such layer or file</source>
            <translation>Limites administratives : ni couche ni fichier de ce nom</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="297" />
            <source>{name}: the boundary layer has no polygons</source>
            <translation>{name} : la couche de limites ne contient aucun polygone</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="346" />
            <source>For the IM officer, not for publication: every row with its partner, sensitive clusters (GBV, child protection) included</source>
            <translation>Pour le chargé de gestion de l'information, pas pour publication : chaque ligne avec son partenaire, clusters sensibles (VBG, protection de l'enfance) compris</translation>
        </message>
    </context>
    <context>
        <name>JoinSummary</name>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="11" />
            <source>rows used</source>
            <translation>lignes utilisées</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="12" />
            <source>rows rolled_up</source>
            <translation>lignes remontées au niveau supérieur</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="13" />
            <source>rows unmatched</source>
            <translation>lignes non appariées</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="14" />
            <source>rows skipped</source>
            <translation>lignes ignorées</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="28" />
            <source>file</source>
            <translation>fichier</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="29" />
            <source>sheet</source>
            <translation>feuille</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="30" />
            <source>header rows</source>
            <translation>lignes d'en-tête</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="31" />
            <source>rows below the header</source>
            <translation>lignes sous l'en-tête</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="33" />
            <source>admin level of the presence</source>
            <translation>niveau administratif de la présence</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="34" />
            <source>match rate admin {level}</source>
            <translation>taux d'appariement admin {level}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="36" />
            <source>boundary units</source>
            <translation>unités des limites</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="40" />
            <source>CoordMap join: {rows} rows read, {used} used, {rolled_up} rolled up, {unmatched} unmatched, {skipped} skipped; match rate {rates}</source>
            <translation>Jointure CoordMap : {rows} lignes lues, {used} utilisées, {rolled_up} remontées, {unmatched} non appariées, {skipped} ignorées ; taux d'appariement {rates}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="40" />
            <source>cells neutralised in spreadsheet outputs (text starting with = + - @)</source>
            <translation>cellules neutralisées dans les sorties tableur (texte commençant par = + - @)</translation>
        </message>
    </context>
    <context>
        <name>MapExport</name>
        <message>
            <location filename="../processing/algorithms/layout_export.py" line="24" />
            <source>the file could not be written (check the folder and the file name)</source>
            <translation>le fichier n'a pas pu être écrit (vérifiez le dossier et le nom du fichier)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layout_export.py" line="26" />
            <source>not enough memory for the image</source>
            <translation>mémoire insuffisante pour l'image</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layout_export.py" line="28" />
            <source>the page could not be drawn</source>
            <translation>la page n'a pas pu être dessinée</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layout_export.py" line="30" />
            <source>the SVG layers could not be written</source>
            <translation>les couches SVG n'ont pas pu être écrites</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layout_export.py" line="32" />
            <source>the layout could not be prepared</source>
            <translation>la mise en page n'a pas pu être préparée</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layout_export.py" line="73" />
            <source>the export failed</source>
            <translation>l'export a échoué</translation>
        </message>
    </context>
    <context>
        <name>PeriodRangeWidget</name>
        <message>
            <location filename="../plugin/widgets.py" line="19" />
            <source>Drag either end to choose the first and last period</source>
            <translation>Faites glisser l'une ou l'autre extrémité pour choisir la première et la dernière période</translation>
        </message>
        <message>
            <location filename="../plugin/widgets.py" line="23" />
            <source>Latest period</source>
            <translation>Dernière période</translation>
        </message>
        <message>
            <location filename="../plugin/widgets.py" line="24" />
            <source>Show only the most recent period in the data</source>
            <translation>N'afficher que la période la plus récente des données</translation>
        </message>
        <message>
            <location filename="../plugin/widgets.py" line="25" />
            <source>&amp;From</source>
            <translation>&amp;Du</translation>
        </message>
        <message>
            <location filename="../plugin/widgets.py" line="27" />
            <source>&amp;To</source>
            <translation>&amp;Au</translation>
        </message>
    </context>
    <context>
        <name>QaReport</name>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>category</source>
            <translation>catégorie</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="30" />
            <source>column</source>
            <translation>colonne</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="33" />
            <source>value</source>
            <translation>valeur</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>level</source>
            <translation>niveau</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>parent</source>
            <translation>parent</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>rows</source>
            <translation>lignes</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>first_row</source>
            <translation>première ligne</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>reason</source>
            <translation>raison</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>suggestion</source>
            <translation>suggestion</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="30" />
            <source>role</source>
            <translation>rôle</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="30" />
            <source>source</source>
            <translation>source</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="33" />
            <source>item</source>
            <translation>élément</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="35" />
            <source>For the IM officer, not for publication: this report quotes partners' rows, sensitive clusters (GBV, child protection) included. Check what you send back to a partner.</source>
            <translation>Pour le chargé de gestion de l'information, pas pour publication : ce rapport cite des lignes des partenaires, clusters sensibles (VBG, protection de l'enfance) compris. Vérifiez ce que vous renvoyez à un partenaire.</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="108" />
            <source>cells neutralised (text starting with = + - @)</source>
            <translation>cellules neutralisées (texte commençant par = + - @)</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="113" />
            <source>Summary</source>
            <translation>Résumé</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="115" />
            <source>Issues</source>
            <translation>Problèmes</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="117" />
            <source>Columns</source>
            <translation>Colonnes</translation>
        </message>
    </context>
    <context>
        <name>RowReason</name>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>admin {level} code {code} found</source>
            <translation>code admin {level} {code} trouvé</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>admin {level} code {code} read as {pcode} ({detail})</source>
            <translation>code admin {level} {code} lu comme {pcode} ({detail})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>admin {level} code {code} is not in the boundaries</source>
            <translation>code admin {level} {code} absent des limites</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>admin {level} code {code} is finer than the boundaries</source>
            <translation>code admin {level} {code} plus fin que les limites</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>counted at admin {level} {pcode} ({detail})</source>
            <translation>compté en admin {level} {pcode} ({detail})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>counted at admin {level} {pcode}</source>
            <translation>compté en admin {level} {pcode}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>admin {level} name {name} matched {unit}</source>
            <translation>nom admin {level} {name} apparié à {unit}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>case/separators</source>
            <translation>casse/séparateurs</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>prefix {prefix} added</source>
            <translation>préfixe {prefix} ajouté</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>blank row</source>
            <translation>ligne vide</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>title row above the header</source>
            <translation>ligne de titre au-dessus de l'en-tête</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>total row at the end of the table</source>
            <translation>ligne de total à la fin de la table</translation>
        </message>
    </context>
    <context>
        <name>ShippedModel</name>
        <message>
            <location filename="../processing/models.py" line="40" />
            <source>Models</source>
            <translation>Modèles</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="58" />
            <source>The monthly run in one step: join, gaps and overlaps, map pack.</source>
            <translation>Le traitement mensuel en une étape : jointure, lacunes et chevauchements, jeu de cartes.</translation>
        </message>
        <message>
            <location filename="../resources/models/coordmap_4w_to_map_pack.model3" line="1" />
            <source>4W table and boundaries to map pack</source>
            <translation>De la table 4W et des limites au jeu de cartes</translation>
        </message>
    </context>
</TS>
