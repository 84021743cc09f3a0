<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
    <context>
        <name>AlgorithmRun</name>
        <message>
            <location filename="../plugin/tasks.py" line="37" />
            <source>The algorithm {id} is not available</source>
            <translation>الخوارزمية {id} غير متاحة</translation>
        </message>
        <message>
            <location filename="../plugin/tasks.py" line="62" />
            <source>Cancelled</source>
            <translation>أُلغي</translation>
        </message>
        <message>
            <location filename="../plugin/tasks.py" line="69" />
            <source>The algorithm failed (see the Processing log)</source>
            <translation>فشلت الخوارزمية (راجع سجل المعالجة)</translation>
        </message>
    </context>
    <context>
        <name>CoordMapAlgorithm</name>
        <message>
            <location filename="../processing/algorithms/base.py" line="128" />
            <source>Protect sensitive clusters (hide partners, blank small counts)</source>
            <translation>حماية المجموعات الحساسة (إخفاء الشركاء، حذف الأعداد الصغيرة)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="133" />
            <source>Sensitive clusters besides GBV and child protection (codes or names)</source>
            <translation>مجموعات حساسة إضافةً إلى العنف القائم على النوع الاجتماعي وحماية الطفل (رموز أو أسماء)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="138" />
            <source>Small count threshold k (counts below k are hidden)</source>
            <translation>عتبة الأعداد الصغيرة k (تُخفى الأعداد الأقل من k)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="158" />
            <source>Coordination</source>
            <translation>التنسيق</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="21" />
            <source>humanitarian,cluster,sector,partner,presence,coordination,who does what where</source>
            <translation>إنساني,مجموعة,قطاع,شريك,حضور,تنسيق,من يفعل ماذا وأين</translation>
        </message>
    </context>
    <context>
        <name>CoordMapDependencies</name>
        <message>
            <location filename="../processing/deps.py" line="34" />
            <source>tables</source>
            <translation>الجداول</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="34" />
            <source>geometry</source>
            <translation>الهندسة</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="34" />
            <source>reading XLSX, XLS and ODS files</source>
            <translation>قراءة ملفات XLSX وXLS وODS</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="34" />
            <source>writing XLSX reports</source>
            <translation>كتابة تقارير XLSX</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="34" />
            <source>fuzzy matching of admin names</source>
            <translation>المطابقة التقريبية للأسماء الإدارية</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="72" />
            <source>{package} is not installed ({purpose})</source>
            <translation>{package} غير مثبّت ({purpose})</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="73" />
            <source>{package} {found} is too old ({purpose}): CoordMap needs {minimum} or newer</source>
            <translation>{package} {found} قديم جدًا ({purpose}): يحتاج CoordMap إلى الإصدار {minimum} أو أحدث</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="233" />
            <source>Install your distribution's packages: {command}</source>
            <translation>ثبّت حزم توزيعتك: {command}</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="235" />
            <source>In the OSGeo4W Shell (Windows Start menu &gt; QGIS &gt; OSGeo4W Shell), run: {command}</source>
            <translation>في OSGeo4W Shell (قائمة ابدأ في ويندوز &gt; QGIS &gt; OSGeo4W Shell)، نفّذ: {command}</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="238" />
            <source>Your Linux distribution manages its Python and has no recent enough package for the rest: install it for your user only with: {command} (pip then writes to ~/.local, never to system folders, but what it installs there comes first for every Python program you run; the README's Install section gives other ways)</source>
            <translation>توزيعة لينكس لديك تدير بايثون الخاص بها وليس لديها حزمة حديثة بما يكفي للباقي: ثبّته لمستخدمك فقط باستخدام: {command} (يكتب pip حينها في ‎~/.local ولا يكتب أبدًا في مجلدات النظام، لكن ما يثبّته هناك تكون له الأولوية لكل برامج بايثون التي تشغّلها؛ يعرض قسم التثبيت في README طرقًا أخرى)</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="244" />
            <source>In a terminal, run: {command}</source>
            <translation>في الطرفية، نفّذ: {command}</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="245" />
            <source>Without internet: add --no-index --find-links FOLDER to the pip command, FOLDER being CoordMap's wheelhouse for this system (README, Install offline)</source>
            <translation>بلا إنترنت: أضف ‎--no-index --find-links FOLDER إلى أمر pip، حيث FOLDER هو مجلد عجلات CoordMap (wheelhouse) لهذا النظام (README، التثبيت دون اتصال)</translation>
        </message>
        <message>
            <location filename="../processing/deps.py" line="249" />
            <source>Then restart QGIS.</source>
            <translation>ثم أعد تشغيل QGIS.</translation>
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
            <translation>الفترات</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="276" />
            <source>Sources</source>
            <translation>المصادر</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="133" />
            <source>4W table layer</source>
            <translation>طبقة جدول 4W</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="133" />
            <source>or 4W file</source>
            <translation>أو ملف 4W</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="133" />
            <source>4W tables (*.xlsx *.xls *.ods *.csv *.txt);;All files (*)</source>
            <translation>جداول 4W (*.xlsx *.xls *.ods *.csv *.txt);;كل الملفات (*)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="137" />
            <source>A 4W file (XLSX, XLS, ODS, CSV); it wins over the layer</source>
            <translation>ملف 4W (XLSX أو XLS أو ODS أو CSV)؛ وله الأولوية على الطبقة</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="139" />
            <source>Admin boundaries layer</source>
            <translation>طبقة الحدود الإدارية</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="139" />
            <source>or boundaries file</source>
            <translation>أو ملف الحدود</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="139" />
            <source>Boundaries (*.gpkg *.geojson *.json *.shp);;All files (*)</source>
            <translation>الحدود (*.gpkg *.geojson *.json *.shp);;كل الملفات (*)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="144" />
            <source>Automatic</source>
            <translation>تلقائي</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="145" />
            <source>Admin level</source>
            <translation>المستوى الإداري</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="147" />
            <source>Month</source>
            <translation>الشهر</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="147" />
            <source>Quarter</source>
            <translation>الربع</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="147" />
            <source>Whole table</source>
            <translation>الجدول كاملًا</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="148" />
            <source>Presence per</source>
            <translation>الحضور حسب</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="151" />
            <source>not given</source>
            <translation>غير محددة</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="153" />
            <source>The year of month names written without one ("January", "Feb"): without it, such rows have no usable month</source>
            <translation>سنة أسماء الأشهر المكتوبة بدون سنة ("يناير"، "فبراير"): بدونها لا يكون لهذه الصفوف شهر صالح للاستخدام</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="156" />
            <source>Year of months without a year</source>
            <translation>سنة الأشهر بدون سنة</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="158" />
            <source>Needs tables (*.csv *.xlsx *.ods *.gpkg);;All files (*)</source>
            <translation>جداول الاحتياجات (*.csv *.xlsx *.ods *.gpkg);;كل الملفات (*)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="160" />
            <source>Optional: people in need per unit and cluster, for gaps</source>
            <translation>اختياري: الأشخاص المحتاجون لكل وحدة ومجموعة، لتحليل الفجوات</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="162" />
            <source>Needs (optional)</source>
            <translation>الاحتياجات (اختياري)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="164" />
            <source>Run join</source>
            <translation>تشغيل الربط</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="165" />
            <source>Join the 4W table to the boundaries in the background</source>
            <translation>ربط جدول 4W بالحدود الإدارية في الخلفية</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="167" />
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="169" />
            <source>Join 4W to boundaries (all options)…</source>
            <translation>ربط 4W بالحدود الإدارية (كل الخيارات)…</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="194" />
            <source>Clusters</source>
            <translation>المجموعات</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="198" />
            <source>Tick the clusters to map; the number is the partners in the chosen periods</source>
            <translation>حدّد المجموعات المراد رسم خرائطها؛ والرقم هو عدد الشركاء في الفترات المختارة</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="203" />
            <source>All</source>
            <translation>الكل</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="205" />
            <source>None</source>
            <translation>لا شيء</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="213" />
            <source>Summary</source>
            <translation>الملخص</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Partners</source>
            <translation>الشركاء</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Distinct organisations working in the chosen clusters and periods, anywhere (each counted once, not once per unit)</source>
            <translation>المنظمات المختلفة العاملة في المجموعات والفترات المختارة في أي مكان (تُحتسب كل منها مرة واحدة، لا مرة لكل وحدة)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Activities</source>
            <translation>الأنشطة</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Organisation-activity pairs, counted once per unit, cluster and period</source>
            <translation>أزواج منظمة-نشاط، تُحتسب مرة واحدة لكل وحدة ومجموعة وفترة</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Units covered</source>
            <translation>الوحدات المغطاة</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Admin units with at least one partner in the chosen clusters and periods</source>
            <translation>الوحدات الإدارية التي فيها شريك واحد على الأقل في المجموعات والفترات المختارة</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Units with a gap</source>
            <translation>الوحدات التي فيها فجوة</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Admin units with a need and no partner, or too few partners for the need (needs the gaps analysis: pick a needs table)</source>
            <translation>وحدات إدارية فيها احتياج ولا شريك فيها، أو فيها شركاء أقل مما يتطلبه الاحتياج (يتطلب تحليل الفجوات: اختر جدول الاحتياجات)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Unmatched rows</source>
            <translation>الصفوف غير المطابقة</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="215" />
            <source>Rows of the chosen clusters and periods that could not be placed on an admin unit (and, in brackets, in the whole table); the QA report lists them</source>
            <translation>صفوف المجموعات والفترات المختارة التي تعذّر وضعها على وحدة إدارية (وبين قوسين: في الجدول كله)؛ ويسردها تقرير ضبط الجودة</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="250" />
            <source>Map pack</source>
            <translation>حزمة الخرائط</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="254" />
            <source>Default: coordmap_map_pack next to the project, or in your home folder</source>
            <translation>الافتراضي: coordmap_map_pack بجانب المشروع، أو في مجلدك الشخصي</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="256" />
            <source>Folder</source>
            <translation>المجلد</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="264" />
            <source>Map language</source>
            <translation>لغة الخرائط</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="266" />
            <source>A4 landscape</source>
            <translation>A4 أفقي</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="266" />
            <source>A4 portrait</source>
            <translation>A4 عمودي</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="266" />
            <source>A3 landscape</source>
            <translation>A3 أفقي</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="268" />
            <source>Template</source>
            <translation>القالب</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="270" />
            <source>Default: country – cluster: operational presence</source>
            <translation>الافتراضي: البلد – المجموعة: الحضور التشغيلي</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="272" />
            <source>Title</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="274" />
            <source>Default: partners' 4W reports and the boundaries</source>
            <translation>الافتراضي: تقارير 4W للشركاء والحدود الإدارية</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="278" />
            <source>e.g. OCHA IM unit, im@example.org</source>
            <translation>مثلاً وحدة إدارة المعلومات في أوتشا، im@example.org</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="279" />
            <source>Producer</source>
            <translation>الجهة المنتجة</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="280" />
            <source>One map of the chosen periods</source>
            <translation>خريطة واحدة للفترات المختارة</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="281" />
            <source>Distinct partners over the whole range, as the map in the panel; unticked: one map per period</source>
            <translation>الشركاء المختلفون على كامل النطاق، كما في خريطة اللوحة؛ بدون تحديد: خريطة لكل فترة</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="286" />
            <source>Same classes on every map</source>
            <translation>الفئات نفسها في كل الخرائط</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="287" />
            <source>To compare clusters side by side</source>
            <translation>لمقارنة المجموعات جنباً إلى جنب</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="289" />
            <source>Export map pack</source>
            <translation>تصدير حزمة الخرائط</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="330" />
            <source>Load a 4W table to start: pick the partners' 4W table and the admin boundaries, then Run join.</source>
            <translation>حمّل جدول 4W للبدء: اختر جدول 4W الخاص بالشركاء والحدود الإدارية، ثم تشغيل الربط.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="355" />
            <source>The map pack export is not available in this installation (algorithm {id})</source>
            <translation>تصدير حزمة الخرائط غير متاح في هذا التثبيت (الخوارزمية {id})</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="360" />
            <source>Export the maps of the chosen clusters and periods in the background</source>
            <translation>تصدير خرائط المجموعات والفترات المختارة في الخلفية</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="360" />
            <source>Tick at least one cluster to export its maps</source>
            <translation>حدد مجموعة واحدة على الأقل لتصدير خرائطها</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="392" />
            <source>Choose a 4W table and admin boundaries first.</source>
            <translation>اختر أولًا جدول 4W والحدود الإدارية.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="401" />
            <source>CoordMap: join 4W table</source>
            <translation>CoordMap: ربط جدول 4W</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="403" />
            <source>Joining the 4W table to the boundaries…</source>
            <translation>جارٍ ربط جدول 4W بالحدود الإدارية…</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="426" />
            <source>Stopped: {message}</source>
            <translation>توقّف: {message}</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="439" />
            <source>No row has a usable month (no date column, or month names without a year): the map shows the whole table. To map month by month, give the year in "Year of months without a year", choose Presence per Month and run the join again.</source>
            <translation>لا يحتوي أي صف على شهر صالح (لا يوجد عمود تاريخ، أو أسماء أشهر بدون سنة): تعرض الخريطة الجدول كاملاً. لرسم الخريطة شهراً بشهر، أدخل السنة في "سنة الأشهر بدون سنة"، واختر الحضور حسب الشهر، ثم شغّل الربط مرة أخرى.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="459" />
            <source>{count} rows have no usable period and are not on the map: give the year of month names without one in "Year of months without a year", or choose Presence per Whole table, and run the join again.</source>
            <translation>{count} صفاً ليس لها فترة صالحة وليست على الخريطة: أدخل سنة أسماء الأشهر المكتوبة بدون سنة في "سنة الأشهر بدون سنة"، أو اختر الحضور حسب الجدول كاملاً، ثم شغّل الربط مرة أخرى.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="468" />
            <source>Computing gaps and overlaps…</source>
            <translation>جارٍ حساب الفجوات والتداخلات…</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="469" />
            <source>CoordMap: gaps and overlaps</source>
            <translation>CoordMap: الفجوات والتداخلات</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="476" />
            <source>Gaps and overlaps were not computed: {message}</source>
            <translation>لم تُحسب الفجوات والتداخلات: {message}</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="491" />
            <source>Cannot read the join outputs: {error}</source>
            <translation>تعذّرت قراءة مخرجات الربط: {error}</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="514" />
            <source>No row of the 4W table could be placed on an admin unit: open the QA report to see why for each row, fix the P-codes or names, and run the join again.</source>
            <translation>تعذّر وضع أي صف من جدول 4W على وحدة إدارية: افتح تقرير ضبط الجودة لمعرفة السبب لكل صف، وصحّح الرموز P-code أو الأسماء، ثم شغّل الربط مرة أخرى.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="519" />
            <source>{clusters} and {periods}.</source>
            <translation>{clusters} و{periods}.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="519" />
            <source>1 cluster</source>
            <translation>مجموعة واحدة</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="519" />
            <source>{n} clusters</source>
            <translation>{n} مجموعات</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="519" />
            <source>1 period</source>
            <translation>فترة واحدة</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="519" />
            <source>{n} periods</source>
            <translation>{n} فترات</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="524" />
            <source>Tick clusters and move the period range: the map and the numbers follow.</source>
            <translation>حدد المجموعات وحرّك نطاق الفترات: تتبعها الخريطة والأرقام.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="535" />
            <source>Partner presence</source>
            <translation>حضور الشركاء</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="535" />
            <source>Gaps</source>
            <translation>الفجوات</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="536" />
            <source>Overlapping partners</source>
            <translation>شركاء متداخلون</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="546" />
            <source>Cannot open {path}</source>
            <translation>تعذّر فتح {path}</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="562" />
            <source>Partners (chosen clusters and periods)</source>
            <translation>الشركاء (المجموعات والفترات المختارة)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="605" />
            <source>Open the QA report</source>
            <translation>فتح تقرير ضبط الجودة</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="658" />
            <source>No cluster ticked: tick at least one to see the map.</source>
            <translation>لم تُحدَّد أي مجموعة: حدّد واحدة على الأقل لرؤية الخريطة.</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="661" />
            <source>The whole table (the 4W gives no period)</source>
            <translation>الجدول كاملاً (لا يحدد 4W أي فترة)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="663" />
            <source>Period: {period}</source>
            <translation>الفترة: {period}</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="664" />
            <source>Periods: {first} to {last}</source>
            <translation>الفترات: من {first} إلى {last}</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="671" />
            <source>not computed</source>
            <translation>لم يُحسب</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="674" />
            <source>{chosen} ({total} in the whole table)</source>
            <translation>{chosen} ({total} في الجدول كله)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="682" />
            <source>withheld (protected data)</source>
            <translation>محجوب (بيانات محمية)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="683" />
            <source>{count} + withheld (protected data)</source>
            <translation>{count} + محجوب (بيانات محمية)</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="688" />
            <source>withheld</source>
            <translation>محجوب</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="689" />
            <source>{code} – {name} ({partners})</source>
            <translation>{code} – {name} ({partners})</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="691" />
            <source>Protected data: partner names and numbers below the threshold are not shown</source>
            <translation>بيانات محمية: لا تُعرض أسماء الشركاء ولا الأعداد التي تقل عن العتبة</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="691" />
            <source>{partners} partners in the chosen periods</source>
            <translation>{partners} شريك في الفترات المختارة</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="788" />
            <source>Exporting the map pack to {folder}…</source>
            <translation>جارٍ تصدير حزمة الخرائط إلى {folder}…</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="789" />
            <source>CoordMap: export map pack</source>
            <translation>CoordMap: تصدير حزمة الخرائط</translation>
        </message>
        <message>
            <location filename="../plugin/dock.py" line="789" />
            <source>Map pack written to {folder}</source>
            <translation>كُتبت حزمة الخرائط في {folder}</translation>
        </message>
    </context>
    <context>
        <name>CoordMapPlugin</name>
        <message>
            <location filename="../plugin/plugin.py" line="64" />
            <source>CoordMap panel</source>
            <translation>لوحة CoordMap</translation>
        </message>
        <message>
            <location filename="../plugin/plugin.py" line="67" />
            <source>Join 4W to boundaries…</source>
            <translation>ربط 4W بالحدود الإدارية…</translation>
        </message>
    </context>
    <context>
        <name>CoordMapProvider</name>
        <message>
            <location filename="../processing/provider.py" line="37" />
            <source>CoordMap humanitarian coordination</source>
            <translation>CoordMap للتنسيق الإنساني</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="56" />
            <source>Some CoordMap features are off: {problems}.</source>
            <translation>بعض ميزات CoordMap معطّلة: {problems}.</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="58" />
            <source>Some CoordMap algorithms cannot run: {problems}.</source>
            <translation>بعض خوارزميات CoordMap لا يمكن تشغيلها: {problems}.</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="79" />
            <source>CoordMap cannot run this algorithm: {problems}.</source>
            <translation>لا يستطيع CoordMap تشغيل هذه الخوارزمية: {problems}.</translation>
        </message>
    </context>
    <context>
        <name>Destinations</name>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="53" />
            <source>Cancelled: no output was written</source>
            <translation>أُلغي: لم يُكتب أي ناتج</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="159" />
            <source>{output}: {path} is the file of the input '{input}'; an output is never written over an input: choose another file name</source>
            <translation>{output}: {path} هو ملف المُدخل '{input}'؛ لا يُكتب أي ناتج فوق مُدخل أبداً: اختر اسم ملف آخر</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="165" />
            <source>{output}: {path} is a folder: give a file name</source>
            <translation>{output}: {path} مجلد: أعطِ اسم ملف</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="170" />
            <source>{output} and {other} are the same file ({path}): give each output its own file</source>
            <translation>{output} و{other} هما الملف نفسه ({path}): أعطِ كل ناتج ملفه الخاص</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="188" />
            <source>{what} {path}: cannot be written ({cause})</source>
            <translation>{what} {path}: تتعذّر الكتابة ({cause})</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="350" />
            <source>{path}: the file was not finished writing</source>
            <translation>{path}: لم تكتمل كتابة الملف</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/destinations.py" line="375" />
            <source>Output</source>
            <translation>الناتج</translation>
        </message>
    </context>
    <context>
        <name>ExportHapiPresenceAlgorithm</name>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="62" />
            <source>Export operational presence for HDX (HAPI)</source>
            <translation>تصدير الحضور العملياتي إلى HDX (HAPI)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="62" />
            <source>Writes the partner presence in the shape of HDX HAPI's operational presence table (one row per organisation, sector, admin unit and period), with HXL hashtags.</source>
            <translation>يكتب حضور الشركاء بشكل جدول الحضور العملياتي في HDX HAPI (صف لكل منظمة وقطاع ووحدة إدارية وفترة)، مع وسوم HXL.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="62" />
            <source>HDX,HAPI,operational presence,3W,export,share,sector</source>
            <translation>HDX,HAPI,الحضور العملياتي,3W,تصدير,مشاركة,قطاع</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="34" />
            <source>Writes the presence of the join in the shape of HDX HAPI's operational presence table, so a cluster can compare its figures with HDX's and share them in HDX's format: one row per organisation, sector, admin unit and period, with the country, admin 1 and admin 2 codes and names, the admin level, the organisation's acronym, name and type, the sector code and name, and the reference period's start and end. The file (CSV or XLSX) has HXL hashtags under its header.

Give the rows output of 'Join 4W table to admin boundaries' and the boundaries the join used (every level, for the admin 1 and admin 2 names). Rows located below admin 2 count in their admin 2 unit; rows located at admin 1 have no admin 2. The reference period is the row's month, quarter or year (its own dates when it has no period).

Sector codes are CoordMap's cluster codes, which are HDX's, except two: multipurpose cash (MPC) is written Cash, and coordination and common services (CSS) CCM, as HDX HAPI files them. Organisation types get HDX's type code where CoordMap recognises them (INGO 437, NNGO 441, UN 447 ...).

Data protection (on by default): the presence of GBV and child protection (and of the clusters you add) names no organisation: one row per unit, sector and period with the organisation blank.</source>
            <translation>يكتب حضور الربط بشكل جدول الحضور العملياتي في HDX HAPI، حتى تقارن المجموعة أرقامها بأرقام HDX وتشاركها بصيغة HDX: صف لكل منظمة وقطاع ووحدة إدارية وفترة، مع البلد ورموز وأسماء المستوى الإداري 1 والمستوى الإداري 2 والمستوى الإداري واختصار المنظمة واسمها ونوعها ورمز القطاع واسمه وبداية الفترة المرجعية ونهايتها. يحتوي الملف (CSV أو XLSX) على وسوم HXL تحت ترويسته.

أعطِ مخرجات الصفوف من «ربط جدول 4W بالحدود الإدارية» والحدود التي استخدمها الربط (كل المستويات، لأسماء المستوى الإداري 1 و2). الصفوف الموجودة تحت المستوى الإداري 2 تُحسب في وحدتها من المستوى 2؛ والصفوف الموجودة في المستوى الإداري 1 ليس لها مستوى 2. الفترة المرجعية هي شهر الصف أو ربعه أو سنته (تواريخه الخاصة إن لم تكن له فترة).

رموز القطاعات هي رموز مجموعات CoordMap، وهي رموز HDX، باستثناء اثنين: المساعدات النقدية متعددة الأغراض (MPC) تُكتب Cash، والتنسيق والخدمات المشتركة (CSS) تُكتب CCM، كما يصنفها HDX HAPI. تحصل أنواع المنظمات على رمز النوع في HDX عندما يتعرف عليها CoordMap (INGO 437، NNGO 441، الأمم المتحدة 447 ...).

حماية البيانات (مفعّلة افتراضياً): حضور العنف القائم على النوع الاجتماعي وحماية الطفل (والمجموعات التي تضيفها) لا يسمّي أي منظمة: صف واحد لكل وحدة وقطاع وفترة مع ترك المنظمة فارغة.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="55" />
            <source>Rows with match status (output of the join)</source>
            <translation>الصفوف مع حالة المطابقة (مخرجات الربط)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="58" />
            <source>Admin boundaries (COD-AB polygons, as given to the join)</source>
            <translation>الحدود الإدارية (مضلعات COD-AB، كما أُعطيت للربط)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="61" />
            <source>Boundaries of other admin levels (when each level is a separate file)</source>
            <translation>حدود المستويات الإدارية الأخرى (عندما يكون كل مستوى في ملف منفصل)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="65" />
            <source>Country ISO 3166 code (default: from the admin 1 P-codes)</source>
            <translation>رمز ISO 3166 للبلد (افتراضياً: من رموز P-code للمستوى الإداري 1)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="69" />
            <source>Extra cluster names (JSON, as given to the join)</source>
            <translation>أسماء مجموعات إضافية (JSON، كما أُعطيت للربط)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="74" />
            <source>Operational presence (HDX HAPI)</source>
            <translation>الحضور العملياتي (HDX HAPI)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="100" />
            <source>{rows} rows of operational presence</source>
            <translation>{rows} صفاً من الحضور العملياتي</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="107" />
            <source>Rows: no such layer or file</source>
            <translation>الصفوف: لا توجد طبقة أو ملف بهذا الاسم</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_hapi_presence.py" line="114" />
            <source>Admin boundaries: no such layer or file</source>
            <translation>الحدود الإدارية: لا توجد طبقة أو ملف بهذا الاسم</translation>
        </message>
    </context>
    <context>
        <name>ExportMapsAlgorithm</name>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="54" />
            <source>Export 3W map pack</source>
            <translation>تصدير حزمة خرائط 3W</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="54" />
            <source>Makes the OCHA-style partner presence maps, one per cluster (and period), as PDF, PNG or SVG.</source>
            <translation>ينتج خرائط حضور الشركاء بأسلوب أوتشا، خريطة لكل مجموعة (ولكل فترة)، بصيغة PDF أو PNG أو SVG.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="54" />
            <source>map pack,map,PDF,print layout,atlas,operational presence</source>
            <translation>حزمة خرائط,خريطة,PDF,تخطيط طباعة,أطلس,الحضور التشغيلي</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="65" />
            <source>Makes the 3W map pack from the presence output of 'Join 4W table to admin boundaries': one map per cluster (and per period) with title, period, 'as of' date, legend of partners per unit, locator map, scale bar, north arrow, sources, producer, map id, creation date, the United Nations disclaimer and a note saying what blank areas mean. Hatched grey units have no data (no 4W report); white units were reported with no partner of the cluster.

Classes of partners per unit are fitted to the data (few whole-number classes, as even as readable breaks allow); 'Same classes on every map' gives every map of the pack the classes of all of them, to compare clusters. 'One map of all the chosen periods' makes one map of a range of months (distinct partners over the range) instead of one map per period.

Admin boundaries (optional, the layer of the join or an admin-1 layer) draw the admin-1 outlines and names and are named in the sources; without them the units are dissolved by their parent P-code. The title names the country of the P-codes. The side panel charts the partners per admin 1 and, given the join's rows with an organisation type column, per type (UN, international NGO, national NGO, Red Cross / Red Crescent, government); the partner table prints acronyms. The 'as of' date is the end of the data's period.

Optional gaps and overlap-units layers (from 'Gaps and overlaps') outline units with a need and no partner and hatch units with overlapping activities. Files are named by map id, cluster short name, paper and date, e.g. COORDMAP-WSH-2025-12_3W-Water-Sanitation-and-Hygiene_A4L_20251231. Map texts are in the chosen language (English, French, Spanish, Arabic). Cluster colours and icons are CoordMap's own defaults, not an official palette: give your own JSON file (same shape as resources/styles/cluster_styles.json) as 'Cluster colours and icons', or set it once in the QGIS setting coordmap/cluster_styles. 'Add the layouts to the project' keeps every map as an editable print layout (with its layers, as temporary layers) to fine-tune in the layout manager.

Data protection (on by default): maps of GBV and child protection (in any spelling or language, and of the clusters you add) name no partner and show no count below k: the legend has two classes, fewer than k and k or more, the partner table shows fewer than k and 'withheld', and the partner and activity numbers are withheld. Texts from the data and the parameters are printed as written, never run as expressions.</source>
            <translation>يُنتج حزمة خرائط 3W من مخرَج الحضور لخوارزمية «ربط جدول 4W بالحدود الإدارية»: خريطة لكل مجموعة (ولكل فترة) تتضمن العنوان والفترة وتاريخ «حتى تاريخ» ومفتاح الشركاء لكل وحدة وخريطة الموقع ومقياس الرسم وسهم الشمال والمصادر والجهة المُعِدّة ومعرّف الخريطة وتاريخ الإنشاء وإخلاء المسؤولية الخاص بالأمم المتحدة وملاحظة توضح معنى المناطق الفارغة. الوحدات الرمادية المظللة بخطوط لا بيانات لها (لا تقرير 4W)؛ والوحدات البيضاء أُبلغ عنها دون أي شريك من المجموعة.

تُضبط فئات الشركاء لكل وحدة حسب البيانات (فئات قليلة بأعداد صحيحة، متوازنة بقدر ما تسمح به حدود سهلة القراءة)؛ "الفئات نفسها في كل الخرائط" يعطي كل خريطة في المجموعة فئات جميع الخرائط لمقارنة المجموعات. "خريطة واحدة لكل الفترات المختارة" ينتج خريطة واحدة لنطاق من الأشهر (الشركاء المختلفون على النطاق) بدلاً من خريطة لكل فترة.

ترسم الحدود الإدارية (اختيارية، طبقة الربط أو طبقة المستوى الإداري 1) حدود وأسماء وحدات المستوى الإداري 1 وتُذكر في المصادر؛ وبدونها تُدمج الوحدات حسب رمز P-code الأم. يذكر العنوان بلد رموز P-code. تعرض اللوحة الجانبية الشركاء لكل وحدة من المستوى الإداري 1، ومع صفوف الربط التي تحتوي على عمود نوع المنظمة، حسب النوع (الأمم المتحدة، منظمة غير حكومية دولية، منظمة غير حكومية وطنية، الصليب الأحمر / الهلال الأحمر، الحكومة)؛ ويطبع جدول الشركاء الاختصارات. تاريخ "حتى" هو نهاية فترة البيانات.

طبقتا الفجوات ووحدات التداخل الاختياريتان (من «الفجوات والتداخلات») تحددان الوحدات التي فيها احتياج ولا شريك فيها وتظللان بخطوط الوحدات التي فيها أنشطة متداخلة. تُسمّى الملفات بمعرّف الخريطة والاسم المختصر للمجموعة والورق والتاريخ، مثل COORDMAP-WSH-2025-12_3W-Water-Sanitation-and-Hygiene_A4L_20251231. نصوص الخرائط باللغة المختارة (الإنجليزية أو الفرنسية أو الإسبانية أو العربية). ألوان المجموعات وأيقوناتها هي الإعدادات الافتراضية لـ CoordMap وليست لوحة ألوان رسمية: قدّم ملف JSON خاصًا بك (بالشكل نفسه لملف resources/styles/cluster_styles.json) بوصفه «ألوان المجموعات وأيقوناتها»، أو اضبطه مرة واحدة في إعداد QGIS coordmap/cluster_styles. يُبقي خيار «إضافة التخطيطات إلى المشروع» كل خريطة تخطيطَ طباعة قابلًا للتحرير (مع طبقاته، كطبقات مؤقتة) لضبطه في مدير التخطيطات.

حماية البيانات (مفعّلة افتراضياً): لا تُسمّي خرائط العنف القائم على النوع الاجتماعي وحماية الطفل (بأي تهجئة أو لغة، والمجموعات التي تضيفها) أي شريك ولا تعرض أي عدد أقل من k: تضم وسيلة الإيضاح فئتين، أقل من k وk أو أكثر، ويذكر جدول الشركاء أقل من k و'محجوبة'، وتُحجب أعداد الشركاء والأنشطة. تُطبع نصوص البيانات والمعاملات كما كُتبت، ولا تُنفّذ أبداً كتعابير.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="103" />
            <source>Presence (output of Join 4W)</source>
            <translation>الحضور (مخرَج ربط 4W)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="106" />
            <source>Gaps (output of Gaps and overlaps)</source>
            <translation>الفجوات (مخرَج الفجوات والتداخلات)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="109" />
            <source>Overlap units (output of Gaps and overlaps)</source>
            <translation>وحدات التداخل (مخرَج الفجوات والتداخلات)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="112" />
            <source>Admin boundaries (for admin 1 outlines and names, and the sources)</source>
            <translation>الحدود الإدارية (حدود وأسماء المستوى الإداري 1، والمصادر)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="116" />
            <source>Rows with match status (output of Join 4W: organisation types and acronyms)</source>
            <translation>الصفوف مع حالة المطابقة (مخرج ربط 4W: أنواع المنظمات واختصاراتها)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="120" />
            <source>Clusters (codes separated by commas; default: all present)</source>
            <translation>المجموعات (رموز مفصولة بفواصل؛ الافتراضي: كل الموجودة)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="123" />
            <source>Periods (separated by commas; default: every period)</source>
            <translation>الفترات (مفصولة بفواصل؛ الافتراضي: كل الفترات)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="126" />
            <source>One map of all the chosen periods (instead of one map per period)</source>
            <translation>خريطة واحدة لكل الفترات المختارة (بدلاً من خريطة لكل فترة)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="130" />
            <source>Template</source>
            <translation>القالب</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="130" />
            <source>A4 landscape</source>
            <translation>A4 أفقي</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="130" />
            <source>A4 portrait</source>
            <translation>A4 عمودي</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="130" />
            <source>A3 landscape</source>
            <translation>A3 أفقي</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="134" />
            <source>Map language</source>
            <translation>لغة الخرائط</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="139" />
            <source>Title (default: the country, the cluster and 'operational presence')</source>
            <translation>العنوان (الافتراضي: البلد والمجموعة و"الحضور التشغيلي")</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="143" />
            <source>Sources (default: partners' 4W reports and the boundaries)</source>
            <translation>المصادر (الافتراضي: تقارير 4W للشركاء والحدود الإدارية)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="146" />
            <source>Producer and contact</source>
            <translation>الجهة المُعِدّة وجهة الاتصال</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="148" />
            <source>Format</source>
            <translation>الصيغة</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="150" />
            <source>Same classes on every map (to compare clusters)</source>
            <translation>الفئات نفسها في كل الخرائط (لمقارنة المجموعات)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="153" />
            <source>One multi-page PDF instead of one file per map</source>
            <translation>ملف PDF واحد متعدد الصفحات بدلًا من ملف لكل خريطة</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="156" />
            <source>Add the layouts to the project (to edit them)</source>
            <translation>إضافة التخطيطات إلى المشروع (لتحريرها)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="159" />
            <source>Add a page listing the partners per unit</source>
            <translation>إضافة صفحة تسرد الشركاء لكل وحدة</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="163" />
            <source>Cluster colours and icons (JSON)</source>
            <translation>ألوان المجموعات وأيقوناتها (JSON)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="166" />
            <source>Output folder</source>
            <translation>مجلد المخرجات</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="168" />
            <source>Files written</source>
            <translation>الملفات المكتوبة</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="176" />
            <source>Presence: no such layer or file</source>
            <translation>الحضور: لا توجد طبقة أو ملف بهذا الاسم</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="177" />
            <source>Presence</source>
            <translation>الحضور</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="193" />
            <source>Presence: no feature for clusters {clusters} and periods {periods}</source>
            <translation>الحضور: لا توجد معالم للمجموعات {clusters} والفترات {periods}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="197" />
            <source>{count} maps to make</source>
            <translation>{count} خريطة للإنتاج</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="226" />
            <source>Wrote {count} files to {folder}</source>
            <translation>كُتب {count} ملفًا في {folder}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/export_maps.py" line="273" />
            <source>{label} {name}: no field {fields}; give the output of CoordMap's algorithm (fields are listed in the help)</source>
            <translation>{label} {name}: لا يوجد حقل {fields}؛ قدّم مخرَج خوارزمية CoordMap (الحقول مذكورة في المساعدة)</translation>
        </message>
    </context>
    <context>
        <name>GapsOverlapsAlgorithm</name>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="44" />
            <source>Gaps, overlaps and changes per cluster and period</source>
            <translation>الفجوات والتداخلات والتغييرات حسب المجموعة والفترة</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="44" />
            <source>Finds needs with no or too few partners, partners doing the same activity in the same place and period, and what changed since the previous period.</source>
            <translation>يجد الاحتياجات التي لا شريك لها أو لها شركاء قليلون جدًا، والشركاء الذين ينفذون النشاط نفسه في المكان والفترة نفسيهما، وما تغيّر منذ الفترة السابقة.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="44" />
            <source>gap,overlap,duplication,needs,PiN,severity,coverage,change</source>
            <translation>فجوة,تداخل,ازدواجية,احتياجات,المحتاجون,شدة,تغطية,تغيير</translation>
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
            <translation>يجيب عن أسئلة اجتماع التنسيق الثلاثة انطلاقًا من مخرجات «ربط جدول 4W بالحدود الإدارية» (شغّلها مع الحضور حسب الشهر لرؤية التغييرات والوحدات التي لم تُبلغ) ومن جدول احتياجات اختياري.

الاحتياجات: جدول أو ملف للأشخاص المحتاجين (PiN) و/أو المستهدفين و/أو الشدة حسب الرمز P-code والمجموعة، بالشكل الطويل (صف لكل وحدة وقطاع، مثل HXL #inneed و#targeted و#severity و#sector) أو العريض (عمود لكل مجموعة، وورقة لكل مقياس باسم مثل 'PiN' أو 'Severity'؛ تُقرأ كل أوراق المصنّف). تُختزل صفوف التصنيف (الجنس، العمر، الفئة السكانية) إلى مجموع الوحدة. تُجمَّع احتياجات الوحدات الأدق صعودًا (يُجمع PiN والمستهدفون على الوحدات الفرعية، والشدة = الأعلى)؛ وتُنقل احتياجات الوحدات الأوسع نزولًا (الشدة فقط: لا يمكن تقسيم PiN). تنطبق الاحتياجات على كل الفترات.

حالة الفجوة لكل وحدة ومجموعة وفترة (الاحتياج = PiN &gt; 0 أو الشدة &gt;= 3):
- no_report: لم يُبلغ أي شريك في هذه الفترة لكن بعضهم أبلغ في فترة سابقة (لا يُقرأ الفراغ على أنه «لا شريك»)؛
- no_partner_with_need: احتياج ولا شريك؛
- underserved: احتياج وعدد شركاء أقل من الحد الأدنى، أو عدد شركاء لكل 10,000 شخص محتاج أقل من العتبة (0 = غير مستخدم)، أو تغطية أقل من الشريحة الأولى للتغطية؛
- covered: شركاء موجودون ولا شيء مما سبق؛
- no_need_reported: لا شريك ولا احتياج مُبلغ عنه.
يرتّب gap_rank (1 = الأولوية القصوى) فجوات كل مجموعة وفترة: الوحدات التي لا شريك فيها أولًا، ثم غير المخدومة بما يكفي؛ وداخل كل منهما الشدة الأعلى أولًا ثم PiN الأكبر.

لا يُجمع المستفيدون أبدًا عبر المجموعات ولا يُحتسبون مرتين: 'reached' هو المجموع على الشركاء (قد يحتسب الأشخاص مرتين)، و'reached_max' أكبر رقم لشريك واحد؛ والتغطية = reached_max / PiN، وهو الرقم الذي تستخدمه الخرائط.

التداخلات: شريكان مختلفان أو أكثر في الوحدة والمجموعة والنشاط نفسها (والطريقة والفئة المستهدفة نفسيهما إن وُجدتا) والفترة نفسها وتتداخل تواريخهم؛ والصف الذي لا تواريخ له يمتد على فترته؛ وتُستبعد الصفوف الملغاة أو المعلّقة. تقارن التغييرات كل فترة بالفترة السابقة: تغطية مكتسبة أو مفقودة، وشركاء بدؤوا أو توقفوا.

الحدود الإدارية: من دونها لا يمكن رسم إلا الوحدات الموجودة في طبقة الحضور (الوحدات التي فيها شركاء) واحتياجاتها؛ قدّم الحدود لتحصل الوحدات التي فيها احتياجات ولا شريك فيها على مضلّعاتها.

حماية البيانات (مفعّلة افتراضياً): بالنسبة إلى المجموعات الحساسة (العنف القائم على النوع الاجتماعي وحماية الطفل بأي تهجئة أو لغة، والمجموعات التي تضيفها) يخفي كل ناتج أسماء الشركاء ويحذف الأعداد الأقل من k، مع كتابة علامة أصغر من متبوعة بـ k في قائمة الشركاء؛ ويشير الحقل 'protected' إلى هذه العناصر. يُحتسب العدد الذي أخفاه ناتج الحضور شريكاً واحداً في قواعد الفجوات، فلا تكشف أي حالة عدداً مخفياً.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="108" />
            <source>Presence (output of the join)</source>
            <translation>الحضور (مخرَج الربط)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="111" />
            <source>Rows with match status (output of the join)</source>
            <translation>الصفوف مع حالة المطابقة (مخرَج الربط)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="114" />
            <source>Needs: PiN, targets, severity (layer or CSV/XLSX/ODS file)</source>
            <translation>الاحتياجات: PiN والمستهدفون والشدة (طبقة أو ملف CSV/XLSX/ODS)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="117" />
            <source>Admin boundaries (to map units with needs and no partner)</source>
            <translation>الحدود الإدارية (لرسم الوحدات التي فيها احتياجات ولا شريك فيها)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="120" />
            <source>Clusters (codes separated by commas; default: all)</source>
            <translation>المجموعات (رموز مفصولة بفواصل؛ الافتراضي: الكل)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="123" />
            <source>Periods (e.g. 2025-01,2025-02; default: all)</source>
            <translation>الفترات (مثل 2025-01,2025-02؛ الافتراضي: الكل)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="126" />
            <source>Admin level</source>
            <translation>المستوى الإداري</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="126" />
            <source>Automatic (the presence level)</source>
            <translation>تلقائي (مستوى الحضور)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="129" />
            <source>Minimum partners per unit</source>
            <translation>الحد الأدنى من الشركاء لكل وحدة</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="132" />
            <source>Partners per 10,000 people in need below which a unit is underserved (0: not used)</source>
            <translation>عدد الشركاء لكل 10,000 شخص محتاج الذي تُعدّ الوحدة دونه غير مخدومة بما يكفي (0: غير مستخدم)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="137" />
            <source>Coverage bands, reached/PiN (below the first: underserved)</source>
            <translation>شرائح التغطية، الواصلون/PiN (ما دون الأولى: خدمة غير كافية)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="142" />
            <source>Gaps</source>
            <translation>الفجوات</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="144" />
            <source>Overlaps</source>
            <translation>التداخلات</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="146" />
            <source>Units with overlaps</source>
            <translation>الوحدات التي فيها تداخلات</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="149" />
            <source>Changes since the previous period</source>
            <translation>التغييرات منذ الفترة السابقة</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="184" />
            <source>Needs read from: {sources}</source>
            <translation>قُرئت الاحتياجات من: {sources}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="189" />
            <source>{count} units have no polygon (give the admin boundaries to map them); their features have no geometry: {codes}</source>
            <translation>{count} وحدة بلا مضلّع (قدّم الحدود الإدارية لرسمها)؛ ومعالمها بلا شكل هندسي: {codes}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="200" />
            <source>Presence: no such layer or file</source>
            <translation>الحضور: لا توجد طبقة أو ملف بهذا الاسم</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="223" />
            <source>No needs table: gaps only say where partners are; every unit without partner is 'no_need_reported'</source>
            <translation>لا يوجد جدول احتياجات: تبيّن الفجوات أماكن الشركاء فقط؛ وكل وحدة بلا شريك تُصنَّف 'no_need_reported'</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/gaps_overlaps.py" line="226" />
            <source>Needs {value!r}: no such file or layer</source>
            <translation>الاحتياجات {value!r}: لا يوجد ملف أو طبقة بهذا الاسم</translation>
        </message>
    </context>
    <context>
        <name>InputError</name>
        <message>
            <location filename="../processing/analysis/boundaries.py" line="116" />
            <source>boundary layer: {records} attribute records but {geometries} geometries</source>
            <translation>طبقة الحدود: {records} سجلاً من السمات مقابل {geometries} شكلاً هندسياً</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundaries.py" line="121" />
            <source>boundary layer: it has no features</source>
            <translation>طبقة الحدود: لا تحتوي على أي معلم</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundaries.py" line="134" />
            <source>boundary layer: it has no polygon (admin boundaries must be areas)</source>
            <translation>طبقة الحدود: لا تحتوي على أي مضلع (يجب أن تكون الحدود الإدارية مساحات)</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundaries.py" line="149" />
            <source>no boundary layer given</source>
            <translation>لم تُعطَ أي طبقة حدود</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundaries.py" line="264" />
            <source>the boundaries have no admin {level} polygons</source>
            <translation>لا تحتوي الحدود على مضلعات للمستوى الإداري {level}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundary_fields.py" line="137" />
            <source>boundary layer: no P-code field found (expected e.g. ADM2_PCODE, adm2_pcode or admin2Pcode, or a field of values such as XY0102); fields seen: {fields}. Name the P-code field (P-code field of the boundaries)</source>
            <translation>طبقة الحدود: لم يُعثر على حقل للرمز P (المتوقع مثلًا ADM2_PCODE أو adm2_pcode أو admin2Pcode، أو حقل قيمه مثل XY0102)؛ الحقول الموجودة: {fields}. حدّد حقل الرمز P (حقل الرمز P في الحدود)</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundary_fields.py" line="145" />
            <source>boundary layer: no admin {level} P-code field; fields seen: {fields}</source>
            <translation>طبقة الحدود: لا يوجد حقل رمز P-code للمستوى الإداري {level}؛ الحقول الموجودة: {fields}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/boundary_fields.py" line="153" />
            <source>boundary layer: the P-code fields {fields} are all empty</source>
            <translation>طبقة الحدود: حقول رموز P-code {fields} كلها فارغة</translation>
        </message>
        <message>
            <location filename="../processing/analysis/errors.py" line="39" />
            <source>{where}: {error}</source>
            <translation>{where}: {error}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/gaps.py" line="140" />
            <source>{layer}: not a presence layer of the join: fields {fields} are missing</source>
            <translation>{layer}: ليست طبقة حضور من الربط: الحقول {fields} مفقودة</translation>
        </message>
        <message>
            <location filename="../processing/analysis/hapi.py" line="77" />
            <source>{layer}: not the rows output of the join: fields {fields} are missing</source>
            <translation>{layer}: ليست مخرجات الصفوف من الربط: الحقول {fields} مفقودة</translation>
        </message>
        <message>
            <location filename="../processing/analysis/gaps.py" line="190" />
            <source>the presence layer has no admin unit: run the join first</source>
            <translation>طبقة الحضور لا تحتوي على أي وحدة إدارية: شغّل الربط أولاً</translation>
        </message>
        <message>
            <location filename="../processing/analysis/gaps.py" line="194" />
            <source>admin level {level} was asked for, but the presence layer has levels {levels}: run the join at that level</source>
            <translation>طُلب المستوى الإداري {level}، لكن طبقة الحضور فيها المستويات {levels}: شغّل الربط على ذلك المستوى</translation>
        </message>
        <message>
            <location filename="../processing/analysis/gaps.py" line="528" />
            <source>coverage bands {bands!r}: give numbers separated by commas, e.g. 0.25,0.5,0.75</source>
            <translation>نطاقات التغطية {bands!r}: أعطِ أرقاماً مفصولة بفواصل، مثلاً 0.25,0.5,0.75</translation>
        </message>
        <message>
            <location filename="../processing/analysis/hapi.py" line="292" />
            <source>Operational presence {file}: use a .csv or .xlsx file name</source>
            <translation>الحضور العملياتي {file}: استخدم اسم ملف ‎.csv أو ‎.xlsx</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/layout.py" line="31" />
            <source>{table}: the table has no non-blank row</source>
            <translation>{table}: لا يحتوي الجدول على أي صف غير فارغ</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/parse.py" line="32" />
            <source>{table}: the table is empty</source>
            <translation>{table}: الجدول فارغ</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/profiles.py" line="24" />
            <source>{file}: a mapping profile must be a JSON object {{role: column}}</source>
            <translation>{file}: يجب أن يكون ملف تعريف المطابقة كائن JSON {{role: column}} (الدور: العمود)</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/profiles.py" line="29" />
            <source>{file}: unknown role "{role}"; roles are: {roles}</source>
            <translation>{file}: دور غير معروف «{role}»؛ الأدوار هي: {roles}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/profiles.py" line="33" />
            <source>{file}: role "{role}" must name a column (text) or be null</source>
            <translation>{file}: يجب أن يسمّي الدور «{role}» عموداً (نصاً) أو أن يكون null</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/profiles.py" line="51" />
            <source>Mapping {mapping!r}: write role=column pairs separated by ';' (e.g. org=Partner;adm2_code=District Pcode) or give a JSON profile file</source>
            <translation>المطابقة {mapping!r}: اكتب أزواج دور=عمود مفصولة بـ «;» (مثلاً org=Partner;adm2_code=District Pcode) أو أعطِ ملف تعريف JSON</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/roles.py" line="147" />
            <source>{table}: the mapping names an unknown role "{role}"; roles are: {roles}</source>
            <translation>{table}: تسمّي المطابقة دوراً غير معروف «{role}»؛ الأدوار هي: {roles}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/headers/roles.py" line="171" />
            <source>{table}: the mapping gives column "{column}" for role "{role}" but there is no such column; columns are: {columns}</source>
            <translation>{table}: تعطي المطابقة العمود «{column}» للدور «{role}» لكن لا يوجد عمود بهذا الاسم؛ الأعمدة هي: {columns}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/hxl.py" line="307" />
            <source>{file}: the HXL hashtags could not be written ({cause})</source>
            <translation>{file}: تعذرت كتابة وسوم HXL ({cause})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/locations.py" line="19" />
            <source>{table}: no admin P-code, admin name or latitude/longitude column was recognised among: {columns}. Name the columns in the Mapping parameter, e.g. adm2_code=District Pcode;adm1_name=Region</source>
            <translation>{table}: لم يُتعرف على أي عمود لرمز P-code أو اسم إداري أو خط عرض/طول بين: {columns}. سمِّ الأعمدة في معامل المطابقة، مثلاً adm2_code=District Pcode;adm1_name=Region</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/locations.py" line="31" />
            <source>admin level {level} was asked for, but the boundaries have levels {levels}</source>
            <translation>طُلب المستوى الإداري {level}، لكن الحدود فيها المستويات {levels}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/pipeline.py" line="56" />
            <source>period must be one of {modes}, not {period!r}</source>
            <translation>يجب أن تكون الفترة إحدى {modes}، لا {period!r}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/pipeline.py" line="63" />
            <source>{table}: the table has a header (row {rows}) but no data rows under it</source>
            <translation>{table}: للجدول ترويسة (الصف {rows}) لكن لا توجد صفوف بيانات تحتها</translation>
        </message>
        <message>
            <location filename="../processing/analysis/vocabulary.py" line="49" />
            <source>{file}: cannot be read ({cause})</source>
            <translation>{file}: تتعذر قراءته ({cause})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/matching/crosswalk.py" line="55" />
            <source>{file}: the crosswalk is empty</source>
            <translation>{file}: جدول التقابل فارغ</translation>
        </message>
        <message>
            <location filename="../processing/analysis/matching/crosswalk.py" line="62" />
            <source>{file}: crosswalk column(s) {missing} missing (columns found: {columns})</source>
            <translation>{file}: عمود (أعمدة) جدول التقابل {missing} مفقود (الأعمدة الموجودة: {columns})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/matching/crosswalk.py" line="86" />
            <source>{file}: row {row}, column raw_value: empty</source>
            <translation>{file}: الصف {row}، العمود raw_value: فارغ</translation>
        </message>
        <message>
            <location filename="../processing/analysis/matching/crosswalk.py" line="96" />
            <source>{file}: row {row}, column level: {level!r} is not an admin level (0-4)</source>
            <translation>{file}: الصف {row}، العمود level: {level!r} ليس مستوى إدارياً (0-4)</translation>
        </message>
        <message>
            <location filename="../processing/analysis/matching/matcher.py" line="59" />
            <source>{file}: row {row}, column pcode: {pcode!r} is not in the boundaries</source>
            <translation>{file}: الصف {row}، العمود pcode: {pcode!r} غير موجود في الحدود</translation>
        </message>
        <message>
            <location filename="../processing/analysis/needs.py" line="98" />
            <source>{source}: no needs found: a needs table needs admin P-code columns and either a cluster/sector column with people in need, targets or severity (long shape), or one column per cluster on a sheet named for its measure, e.g. 'PiN' or 'Severity' (wide shape). {notes}</source>
            <translation>{source}: لم يُعثر على احتياجات: يحتاج جدول الاحتياجات إلى أعمدة رموز P-code إدارية، ومعها إما عمود مجموعة/قطاع فيه الأشخاص المحتاجون أو المستهدفون أو الشدة (الشكل الطويل)، أو عمود لكل مجموعة في ورقة مسماة باسم مقياسها، مثلاً «PiN» أو «Severity» (الشكل العريض). {notes}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/protection.py" line="48" />
            <source>small count threshold k = {k}: give 2 or more (counts below k are hidden; to publish everything, switch protection off instead)</source>
            <translation>عتبة الأعداد الصغيرة k = {k}: أعطِ 2 أو أكثر (الأعداد الأقل من k تُخفى؛ لنشر كل شيء، أوقف الحماية بدلاً من ذلك)</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="94" />
            <source>QA report {file}: use a .xlsx or .csv file name</source>
            <translation>تقرير ضبط الجودة {file}: استخدم اسم ملف ‎.xlsx أو ‎.csv</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="127" />
            <source>QA report {file}: writing XLSX needs the Python package openpyxl; install it or choose a .csv report</source>
            <translation>تقرير ضبط الجودة {file}: كتابة XLSX تتطلب حزمة بايثون openpyxl؛ ثبّتها أو اختر تقريراً بصيغة ‎.csv</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/plain_csv.py" line="55" />
            <source>{file}, line {line}: cannot be read as CSV ({cause})</source>
            <translation>{file}، السطر {line}: تتعذر قراءته بصيغة CSV ({cause})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/plain_csv.py" line="70" />
            <source>{file}, line {line}, column {column}: a quote (") opens in this cell and is never closed, so the rest of the file would be read as part of this one cell; close or remove the quote</source>
            <translation>{file}، السطر {line}، العمود {column}: علامة اقتباس (") تُفتح في هذه الخلية ولا تُغلق أبداً، فيُقرأ باقي الملف كجزء من هذه الخلية؛ أغلق علامة الاقتباس أو احذفها</translation>
        </message>
        <message>
            <location filename="../processing/analysis/vocabulary.py" line="45" />
            <source>{file}: file not found ({path})</source>
            <translation>{file}: الملف غير موجود ({path})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/reader.py" line="59" />
            <source>{file}: is a folder, not a table file ({path})</source>
            <translation>{file}: مجلد وليس ملف جدول ({path})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/text_file.py" line="35" />
            <source>{file}: the file is empty</source>
            <translation>{file}: الملف فارغ</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="52" />
            <source>{file}, sheet "{sheet}": the sheet is empty</source>
            <translation>{file}، الورقة «{sheet}»: الورقة فارغة</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="86" />
            <source>{file}: cannot be opened as a spreadsheet ({cause})</source>
            <translation>{file}: يتعذر فتحه كجدول بيانات ({cause})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="113" />
            <source>{file}, sheet "{sheet}": the sheet is damaged and cannot be read ({cause})</source>
            <translation>{file}، الورقة «{sheet}»: الورقة تالفة وتتعذر قراءتها ({cause})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="168" />
            <source>{file}: the file unpacks to {size:,.0f} MB, {ratio:,.0f} times its size; a spreadsheet of real data does not, so it is not read</source>
            <translation>{file}: يتوسع الملف عند فك ضغطه إلى {size:,.0f} ميغابايت، أي {ratio:,.0f} ضعف حجمه؛ جدول بيانات حقيقي لا يفعل ذلك، لذا لن يُقرأ</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="186" />
            <source>{file}: the file is damaged (its sheet XML is broken at line {line}, column {column}: {cause}); open it in LibreOffice or Excel and save it again</source>
            <translation>{file}: الملف تالف (XML الورقة معطوب في السطر {line}، العمود {column}: {cause})؛ افتحه في LibreOffice أو Excel واحفظه من جديد</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="202" />
            <source>{file}: no sheet has any data</source>
            <translation>{file}: لا توجد ورقة فيها بيانات</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="212" />
            <source>{file}: no sheet number {number} (0-based); available sheets: {sheets}</source>
            <translation>{file}: لا توجد ورقة رقم {number} (الترقيم من 0)؛ الأوراق المتاحة: {sheets}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/spreadsheets.py" line="223" />
            <source>{file}: no sheet "{sheet}"; available sheets: {sheets}</source>
            <translation>{file}: لا توجد ورقة «{sheet}»؛ الأوراق المتاحة: {sheets}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/table/text_file.py" line="61" />
            <source>{file}: the file has no data</source>
            <translation>{file}: لا توجد بيانات في الملف</translation>
        </message>
        <message>
            <location filename="../processing/analysis/vocabulary.py" line="53" />
            <source>{file}: not valid JSON at line {line}, column {column}: {cause}</source>
            <translation>{file}: JSON غير صالح في السطر {line}، العمود {column}: {cause}</translation>
        </message>
    </context>
    <context>
        <name>Join4WAlgorithm</name>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="35" />
            <source>Join 4W table to admin boundaries</source>
            <translation>ربط جدول 4W بالحدود الإدارية</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="35" />
            <source>Joins the partners' 3W/4W/5W table (HXL or not) to the admin boundaries by P-code: partner presence per unit and cluster, and a QA report of every row it could not use.</source>
            <translation>يربط جدول 3W/4W/5W للشركاء (بوسوم HXL أو بدونها) بالحدود الإدارية عبر الرموز P-code: حضور الشركاء لكل وحدة ومجموعة، وتقرير جودة عن كل صف لم يمكن استخدامه.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/catalog.py" line="35" />
            <source>join,P-code,admin boundaries,matching,QA report,operational presence</source>
            <translation>ربط,P-code,الحدود الإدارية,مطابقة,تقرير الجودة,الحضور التشغيلي</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="77" />
            <source>Reads a partners' 3W/4W/5W table (a loaded layer or a CSV, XLSX, XLS or ODS file), detects its header, HXL row and columns, normalises clusters and periods, and joins every row to the admin boundaries by P-code (then by name within the parent unit). No row is lost: every input row is in the rows output with its status (used, unmatched, rolled_up, skipped) and the reason, and the QA report lists what could not be matched with suggestions to send back to partners.

Outputs: presence polygons (one feature per admin unit and cluster, and period when asked) with the number of distinct implementing partners; every input row with how it matched; the QA report; optionally the column mapping used (reuse it next round as Mapping) and a crosswalk of suggestions to review (reuse it as Crosswalk).

Data protection (on by default): the presence of GBV and child protection (in any spelling or language, and of the other clusters you add) names no partner and gives no count below k: the partner list says fewer than k or 'hidden', smaller counts are blank and the 'protected' field is set. The rows output and the QA report keep every name: they are for you, not for publication, and say so in their first line.</source>
            <translation>يقرأ جدول 3W/4W/5W الخاص بالشركاء (طبقة محمّلة أو ملف CSV أو XLSX أو XLS أو ODS)، ويكتشف ترويسته وصف HXL وأعمدته، ويوحّد أسماء المجموعات والفترات، ويربط كل صف بالحدود الإدارية عبر الرمز P-code (ثم بالاسم ضمن الوحدة الأم). لا يضيع أي صف: كل صف مُدخل موجود في مخرَج الصفوف مع حالته (used أو unmatched أو rolled_up أو skipped) والسبب، ويسرد تقرير ضبط الجودة ما تعذّرت مطابقته مع اقتراحات لإعادتها إلى الشركاء.

المخرجات: مضلّعات الحضور (معلم واحد لكل وحدة إدارية ومجموعة، ولكل فترة عند الطلب) مع عدد الشركاء المنفّذين المختلفين؛ كل صف مُدخل مع طريقة مطابقته؛ تقرير ضبط الجودة؛ واختياريًا مطابقة الأعمدة المستخدمة (أعد استخدامها في الجولة التالية بوصفها مطابقة الأعمدة) وجدول تقابل للاقتراحات للمراجعة (أعد استخدامه بوصفه جدول التقابل).

حماية البيانات (مفعّلة افتراضياً): لا يُسمّي ناتج الحضور للعنف القائم على النوع الاجتماعي وحماية الطفل (بأي تهجئة أو لغة، وللمجموعات الأخرى التي تضيفها) أي شريك ولا يعطي أي عدد أقل من k: تذكر قائمة الشركاء أقل من k أو 'hidden'، وتُترك الأعداد الأصغر فارغة ويُعيَّن الحقل 'protected'. يحتفظ ناتج الصفوف وتقرير ضبط الجودة بكل الأسماء: هما لك، ليسا للنشر، ويقولان ذلك في سطرهما الأول.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="97" />
            <source>4W table (layer or CSV/XLSX/XLS/ODS file)</source>
            <translation>جدول 4W (طبقة أو ملف CSV/XLSX/XLS/ODS)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="100" />
            <source>Sheet (name or number; default: the sheet that looks most like a 4W)</source>
            <translation>الورقة (الاسم أو الرقم؛ الافتراضي: الورقة الأكثر شبهاً بجدول 4W)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="104" />
            <source>Admin boundaries (COD-AB polygons)</source>
            <translation>الحدود الإدارية (مضلّعات COD-AB)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="107" />
            <source>P-code field of the boundaries (default: found from names and values)</source>
            <translation>حقل الرمز (P-code) في الحدود (الافتراضي: يُحدَّد من الأسماء والقيم)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="111" />
            <source>Name field of the boundaries (default: found)</source>
            <translation>حقل الأسماء في الحدود (الافتراضي: يُحدَّد تلقائياً)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="114" />
            <source>Boundaries of other admin levels (when each level is a separate file)</source>
            <translation>حدود المستويات الإدارية الأخرى (عندما يكون كل مستوى في ملف منفصل)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="118" />
            <source>Admin level of the presence output</source>
            <translation>المستوى الإداري لمخرَج الحضور</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="118" />
            <source>Automatic</source>
            <translation>تلقائي</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="121" />
            <source>Column mapping (JSON profile file, or role=column pairs separated by ';')</source>
            <translation>مطابقة الأعمدة (ملف تعريف JSON، أو أزواج دور=عمود مفصولة بـ ';')</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="125" />
            <source>Reviewed crosswalk (CSV: raw_value, level, parent, pcode)</source>
            <translation>جدول تقابل تمت مراجعته (CSV: raw_value, level, parent, pcode)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="128" />
            <source>Reviewed organisation list (CSV: spelling, partner)</source>
            <translation>قائمة المنظمات بعد المراجعة (CSV: spelling، partner)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="132" />
            <source>Presence per period</source>
            <translation>الحضور حسب الفترة</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="132" />
            <source>Whole table</source>
            <translation>الجدول كاملًا</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="132" />
            <source>Month</source>
            <translation>الشهر</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="132" />
            <source>Quarter</source>
            <translation>الربع</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="135" />
            <source>Year for rows with a month but no year</source>
            <translation>السنة للصفوف التي فيها شهر دون سنة</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="139" />
            <source>Extra cluster names (JSON, extends the built-in list)</source>
            <translation>أسماء مجموعات إضافية (JSON، تُضاف إلى القائمة المدمجة)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="143" />
            <source>Count programme/lead organisations and donors as partners too</source>
            <translation>احتساب المنظمات الرائدة/منظمات البرامج والجهات المانحة شركاءَ أيضًا</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="148" />
            <source>Presence</source>
            <translation>الحضور</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="150" />
            <source>Rows with match status</source>
            <translation>الصفوف مع حالة المطابقة</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="153" />
            <source>QA report</source>
            <translation>تقرير ضبط الجودة</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="156" />
            <source>Column mapping profile used (JSON)</source>
            <translation>ملف تعريف مطابقة الأعمدة المستخدم (JSON)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="159" />
            <source>Crosswalk of suggestions to review (CSV)</source>
            <translation>جدول تقابل للاقتراحات للمراجعة (CSV)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="162" />
            <source>Organisation list to review (CSV: spelling, partner)</source>
            <translation>قائمة المنظمات للمراجعة (CSV: spelling، partner)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="181" />
            <source>4W table {path}: file not found</source>
            <translation>جدول 4W {path}: الملف غير موجود</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="183" />
            <source>4W table {name}: the file is empty</source>
            <translation>جدول 4W {name}: الملف فارغ</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="188" />
            <source>Incorrect parameter value for {name}</source>
            <translation>قيمة غير صحيحة للمعامل {name}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="222" />
            <source>No row could be placed on a unit of the boundaries: the presence layer is empty. The rows output and the QA report say why for each row (are the boundaries those of the table's country and P-code version?)</source>
            <translation>تعذّر وضع أي صف على وحدة من الحدود: طبقة الحضور فارغة. يوضّح مخرج الصفوف وتقرير ضبط الجودة السبب لكل صف (هل الحدود هي حدود بلد الجدول وإصدار رموز P-code الخاص به؟)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="236" />
            <source>Read {where}: {rows} data rows, header on row(s) {header}</source>
            <translation>تمت قراءة {where}: {rows} صف بيانات، والترويسة في الصف/الصفوف {header}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="244" />
            <source>4W table {value!r}: no such file or layer</source>
            <translation>جدول 4W {value!r}: لا يوجد ملف أو طبقة بهذا الاسم</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="261" />
            <source>Admin boundaries: no such layer or file</source>
            <translation>الحدود الإدارية: لا توجد طبقة أو ملف بهذا الاسم</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="297" />
            <source>{name}: the boundary layer has no polygons</source>
            <translation>{name}: طبقة الحدود لا تحتوي أي مضلّعات</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/join_4w.py" line="346" />
            <source>For the IM officer, not for publication: every row with its partner, sensitive clusters (GBV, child protection) included</source>
            <translation>لمسؤول إدارة المعلومات، ليس للنشر: كل صف مع شريكه، بما في ذلك المجموعات الحساسة (العنف القائم على النوع الاجتماعي، حماية الطفل)</translation>
        </message>
    </context>
    <context>
        <name>JoinSummary</name>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="11" />
            <source>rows used</source>
            <translation>الصفوف المستخدمة</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="12" />
            <source>rows rolled_up</source>
            <translation>الصفوف المرفوعة إلى مستوى أعلى</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="13" />
            <source>rows unmatched</source>
            <translation>الصفوف غير المطابقة</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="14" />
            <source>rows skipped</source>
            <translation>الصفوف المتجاوزة</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="28" />
            <source>file</source>
            <translation>الملف</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="29" />
            <source>sheet</source>
            <translation>الورقة</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="30" />
            <source>header rows</source>
            <translation>صفوف الترويسة</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="31" />
            <source>rows below the header</source>
            <translation>الصفوف تحت الترويسة</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="33" />
            <source>admin level of the presence</source>
            <translation>المستوى الإداري للحضور</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="34" />
            <source>match rate admin {level}</source>
            <translation>نسبة المطابقة للمستوى الإداري {level}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="36" />
            <source>boundary units</source>
            <translation>وحدات الحدود</translation>
        </message>
        <message>
            <location filename="../processing/analysis/join/summary.py" line="40" />
            <source>CoordMap join: {rows} rows read, {used} used, {rolled_up} rolled up, {unmatched} unmatched, {skipped} skipped; match rate {rates}</source>
            <translation>ربط CoordMap: قُرئ {rows} صفاً، استُخدم {used}، رُفع {rolled_up}، لم يطابَق {unmatched}، تُجووز {skipped}؛ نسبة المطابقة {rates}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="40" />
            <source>cells neutralised in spreadsheet outputs (text starting with = + - @)</source>
            <translation>الخلايا المحيَّدة في مخرجات جداول البيانات (نص يبدأ بـ = + - @)</translation>
        </message>
    </context>
    <context>
        <name>MapExport</name>
        <message>
            <location filename="../processing/algorithms/layout_export.py" line="24" />
            <source>the file could not be written (check the folder and the file name)</source>
            <translation>تعذّرت كتابة الملف (تحقّق من المجلد واسم الملف)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layout_export.py" line="26" />
            <source>not enough memory for the image</source>
            <translation>الذاكرة غير كافية للصورة</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layout_export.py" line="28" />
            <source>the page could not be drawn</source>
            <translation>تعذّر رسم الصفحة</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layout_export.py" line="30" />
            <source>the SVG layers could not be written</source>
            <translation>تعذّرت كتابة طبقات SVG</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layout_export.py" line="32" />
            <source>the layout could not be prepared</source>
            <translation>تعذّر تجهيز التخطيط</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layout_export.py" line="73" />
            <source>the export failed</source>
            <translation>فشل التصدير</translation>
        </message>
    </context>
    <context>
        <name>PeriodRangeWidget</name>
        <message>
            <location filename="../plugin/widgets.py" line="19" />
            <source>Drag either end to choose the first and last period</source>
            <translation>اسحب أيًّا من الطرفين لاختيار الفترة الأولى والأخيرة</translation>
        </message>
        <message>
            <location filename="../plugin/widgets.py" line="23" />
            <source>Latest period</source>
            <translation>أحدث فترة</translation>
        </message>
        <message>
            <location filename="../plugin/widgets.py" line="24" />
            <source>Show only the most recent period in the data</source>
            <translation>عرض أحدث فترة في البيانات فقط</translation>
        </message>
        <message>
            <location filename="../plugin/widgets.py" line="25" />
            <source>&amp;From</source>
            <translation>&amp;من</translation>
        </message>
        <message>
            <location filename="../plugin/widgets.py" line="27" />
            <source>&amp;To</source>
            <translation>&amp;إلى</translation>
        </message>
    </context>
    <context>
        <name>QaReport</name>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>category</source>
            <translation>الفئة</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="30" />
            <source>column</source>
            <translation>العمود</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="33" />
            <source>value</source>
            <translation>القيمة</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>level</source>
            <translation>المستوى</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>parent</source>
            <translation>الوحدة الأم</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>rows</source>
            <translation>الصفوف</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>first_row</source>
            <translation>الصف الأول</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>reason</source>
            <translation>السبب</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="19" />
            <source>suggestion</source>
            <translation>الاقتراح</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="30" />
            <source>role</source>
            <translation>الدور</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="30" />
            <source>source</source>
            <translation>المصدر</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="33" />
            <source>item</source>
            <translation>البند</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="35" />
            <source>For the IM officer, not for publication: this report quotes partners' rows, sensitive clusters (GBV, child protection) included. Check what you send back to a partner.</source>
            <translation>لمسؤول إدارة المعلومات، ليس للنشر: يقتبس هذا التقرير صفوف الشركاء، بما في ذلك المجموعات الحساسة (العنف القائم على النوع الاجتماعي، حماية الطفل). تحقّق مما ترسله إلى أي شريك.</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="108" />
            <source>cells neutralised (text starting with = + - @)</source>
            <translation>خلايا تم تحييدها (نص يبدأ بـ = + - @)</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="113" />
            <source>Summary</source>
            <translation>الملخص</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="115" />
            <source>Issues</source>
            <translation>المشكلات</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="117" />
            <source>Columns</source>
            <translation>الأعمدة</translation>
        </message>
    </context>
    <context>
        <name>RowReason</name>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>admin {level} code {code} found</source>
            <translation>وُجد رمز المستوى الإداري {level} {code}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>admin {level} code {code} read as {pcode} ({detail})</source>
            <translation>قُرئ رمز المستوى الإداري {level} {code} على أنه {pcode} ({detail})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>admin {level} code {code} is not in the boundaries</source>
            <translation>رمز المستوى الإداري {level} {code} غير موجود في الحدود</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>admin {level} code {code} is finer than the boundaries</source>
            <translation>رمز المستوى الإداري {level} {code} أدق من الحدود</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>counted at admin {level} {pcode} ({detail})</source>
            <translation>حُسب في المستوى الإداري {level} {pcode} ({detail})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>counted at admin {level} {pcode}</source>
            <translation>حُسب في المستوى الإداري {level} {pcode}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>admin {level} name {name} matched {unit}</source>
            <translation>طوبق اسم المستوى الإداري {level} {name} مع {unit}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>case/separators</source>
            <translation>حالة الأحرف/الفواصل</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>prefix {prefix} added</source>
            <translation>أُضيفت البادئة {prefix}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>blank row</source>
            <translation>صف فارغ</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>title row above the header</source>
            <translation>صف عنوان فوق الترويسة</translation>
        </message>
        <message>
            <location filename="../processing/analysis/reasons.py" line="17" />
            <source>total row at the end of the table</source>
            <translation>صف المجموع في نهاية الجدول</translation>
        </message>
    </context>
    <context>
        <name>ShippedModel</name>
        <message>
            <location filename="../processing/models.py" line="40" />
            <source>Models</source>
            <translation>النماذج</translation>
        </message>
        <message>
            <location filename="../processing/models.py" line="58" />
            <source>The monthly run in one step: join, gaps and overlaps, map pack.</source>
            <translation>التشغيل الشهري في خطوة واحدة: الربط، والفجوات والتداخلات، وحزمة الخرائط.</translation>
        </message>
        <message>
            <location filename="../resources/models/coordmap_4w_to_map_pack.model3" line="1" />
            <source>4W table and boundaries to map pack</source>
            <translation>من جدول 4W والحدود إلى حزمة الخرائط</translation>
        </message>
    </context>
</TS>
