"""What real 3W/4W/5W tables look like: their words in five languages, and how often each
convention occurs (the frequencies the generator draws from; README.md explains where they
come from).

Tables in a language other than the five below (Russian, Ukrainian, Indonesian...) are written
with the English vocabulary and the country's own level words (bilingual tables, common in
such operations).
"""
TABLE_LANGUAGES = ("en", "fr", "es", "pt", "ar")

# -- Frequencies ------------------------------------------------------------------------------
# Per table (drawn once per country and seed).
FILE_FORMAT = {"csv": 0.6, "xlsx": 0.4}
CSV_ENCODING = {"utf-8": 0.55, "utf-8-sig": 0.25, "cp1252": 0.15, "utf-16": 0.05}
CSV_DELIMITER = {",": 0.65, ";": 0.30, "\t": 0.05}  # utf-16 files are always tab-separated
LAYOUT = {"ocha_3w": 0.30, "five_w": 0.25, "health": 0.15, "activityinfo": 0.10,
          "kobo": 0.10, "names_simple": 0.10}
LAYOUT_HEALTH_COUNTRY = {"ocha_3w": 0.20, "five_w": 0.20, "health": 0.35, "activityinfo": 0.10,
                         "kobo": 0.05, "names_simple": 0.10}  # countries with a health pyramid
LOCATION_KINDS = {"codes_and_names": 0.65, "names_only": 0.20, "codes_only": 0.15}
BOUNDARY_LEVEL_1_SHARE = 0.15  # countries with admin 2: tables joined to admin-1 boundaries
ADMIN1_ONLY_TABLE_SHARE = 0.5  # ... of which the table has admin-1 columns only
BOUNDARY_SCHEMA = {"cod_legacy": 0.45, "cod_new": 0.30, "itos": 0.25}
BOUNDARY_SINGLE_LEVEL = 0.30  # the file carries its own level's fields only
BOUNDARY_GPKG = 0.20
BOUNDARY_SPLIT_FEATURES = 0.10  # some units are several features (split by zone)
TITLE_ROWS = 0.20  # a title (and a blank row) above the header
HXL_ROW = 0.35
HXL_WITH_SPACES = 0.25  # of the HXL rows: "#adm1 +code"
TWO_ROW_HEADER = {"ocha_3w": 0.1, "five_w": 0.4, "health": 0.3, "activityinfo": 0.0,
                  "kobo": 0.0, "names_simple": 0.1}  # exports of tools have one header row
LEVEL_GROUPS = 0.5  # of two-row 5W headers: level words over "Name" / "Pcode" (else "Location")
VERTICAL_MERGES = 0.5  # of two-row headers: ungrouped labels in the top row, merged down
HEADER_STYLE = {"plain": 0.60, "generic_admin": 0.15, "abbreviated": 0.15,
                "title_over_codes": 0.10}
CODE_STYLE = {"clean": 0.62, "prefix": 0.10, "lower": 0.05, "padding": 0.05, "number": 0.05,
              "separator": 0.05, "mixed": 0.08}
CODE_STYLE_COLUMNS = {"first": 0.5, "all": 0.5}  # a code style hits the admin-1 column or all
NAME_CASE = {"as_is": 0.80, "upper": 0.12, "lower": 0.03, "title": 0.05}
ACCENTED_TABLE = 0.5  # es/fr/pt tables typed with accents (the COD's names have none)
PARTIAL_NAMES_TABLE = 0.5  # tables that leave out "Province", "Region de"...
TRAILING_BLANK_ROWS = 0.30
TOTAL_ROW = 0.10
ROWS = (120, 2000)  # rows per table, log-uniform
FOCUS_SHARE = (0.3, 1.0)  # share of admin-1 units a table's partners work in

# Per row or per cell, in the tables that have the convention at all (share of tables first).
ROW_KINDS = {
    # kind: (share of tables having it, share of their rows)
    "adm1_only": (0.30, (0.03, 0.20)),  # mixed admin levels: the deeper cells blank
    "code_only": (0.40, (0.01, 0.05)),  # in tables with codes and names: names left blank
    "name_only": (0.40, (0.01, 0.06)),  # ... codes left blank
    "national": (0.30, (0.005, 0.02)),
    "no_location": (0.25, (0.002, 0.01)),
    "contradiction": (0.30, (0.005, 0.03)),  # the deepest code is another unit's
    "split_contradiction": (0.15, (0.001, 0.004)),  # one cell against one: unresolvable
    "list": (0.25, (0.003, 0.015)),
    "unknown_name": (0.25, (0.002, 0.01)),  # a village in the admin-2 name column
}
PLACEHOLDER_FOR_BLANK = 0.25  # a blank location cell written as #N/A, -, N/A...
NAME_VARIANTS = {  # per name cell
    "typo": 0.03, "transliteration": 0.03, "parent_hint": 0.01, "qualifier": 0.004,
}
PARENT_HINT_HOMONYM = 0.5  # an admin-2 name shared by several units gets a parent hint
PARTIAL_NAME = 0.6  # in tables that shorten names: names that have a generic word
ACCENT_NAME = 0.8  # in accented tables: names an accent rule applies to
MIXED_CODE_CELL = 0.25  # code style "mixed": share of cells with a random variant
HEALTH_ZONE_CODE_STYLE = {"dhis2": 0.4, "zs": 0.4, "numeric": 0.2}

# -- Words -------------------------------------------------------------------------------------
PLACEHOLDERS = ("#N/A", "-", "N/A", "n/a", "NA", "#N/A", "-")
NATIONAL = {
    "en": ("National", "Nationwide", "All regions", "Country-wide", "National level"),
    "fr": ("National", "Couverture nationale", "Niveau national", "Tout le pays"),
    "es": ("Nacional", "A nivel nacional", "Todo el país"),
    "pt": ("Nacional", "Todo o país", "Nível nacional"),
    "ar": ("وطني", "على المستوى الوطني", "جميع المحافظات"),
}
LIST_SEPARATORS = (", ", ", ", ",", "; ", " / ", " et ", " and ", " y ", " e ")
LIST_SEPARATOR_LANGUAGE = {" et ": "fr", " and ": "en", " y ": "es", " e ": "pt"}

NAME_TEMPLATES = {
    "en": ("{W}", "{W} Name", "{W} name", "{W}_name", "{W}Name", "Name of {W}"),
    "fr": ("{W}", "Nom {W}", "Nom_{W}", "Nom de {W}", "{W} (nom)"),
    "es": ("{W}", "Nombre {W}", "Nombre de {W}", "{W}_nombre"),
    "pt": ("{W}", "Nome {W}", "Nome do {W}", "{W}_nome"),
    "ar": ("{W}", "اسم {W}"),
}
CODE_TEMPLATES = {
    "en": ("{W} Pcode", "{W} P-code", "{W}_PCODE", "{W} PCode", "{W}Pcode", "Pcode {W}",
           "{W} Code", "{W} code"),
    "fr": ("Code {W}", "Pcode {W}", "P-code {W}", "Code_{W}", "{W} (Pcode)", "Code {W} (Pcode)",
           "{W} Pcode"),
    "es": ("Código {W}", "Pcode {W}", "Cod_{W}", "P-código {W}", "{W} Pcode"),
    "pt": ("Código {W}", "Pcode {W}", "Cod_{W}", "{W} Pcode"),
    "ar": ("رمز {W}", "{W} Pcode", "كود {W}"),
}
# Abbreviations and slips of "pcode" real headers carry (k: the level number).
ABBREVIATED_CODE_TEMPLATES = ("{W} Pcod", "{W} P_code", "Cod. {W}", "Code adm{k}", "{A}_Pcode",
                              "pcode{k}", "{W}_pcod", "P.code {W}", "{W} Pcdoe", "{A}_PCODE")
ABBREVIATED_NAME_TEMPLATES = ("{T}", "{A}_{N}", "{A}. {N}", "{A}", "{T} {N}")
GENERIC_ADMIN_NAME = ("Admin{k}", "Admin {k}", "ADM{k}_EN", "adm{k}_name", "Admin{k} Name",
                      "admin{k}Name", "Admin {k} name")
GENERIC_ADMIN_CODE = ("Admin{k} Pcode", "admin{k}Pcode", "adm{k}_pcode", "ADM{k}_PCODE",
                      "Admin{k}Code", "Admin {k} P-code")
NAME_WORD = {"en": "name", "fr": "nom", "es": "nombre", "pt": "nome", "ar": "الاسم"}

GROUP_LOCATION = {"en": "Location", "fr": "Localisation", "es": "Ubicación",
                  "pt": "Localização", "ar": "الموقع"}
SUB_NAME_CODE = {"en": ("Name", "Pcode"), "fr": ("Nom", "Code"), "es": ("Nombre", "Código"),
                 "pt": ("Nome", "Código"), "ar": ("الاسم", "الرمز")}
PEOPLE_GROUPS = {"en": ("Targeted", "Reached"), "fr": ("Ciblés", "Atteints"),
                 "es": ("Meta", "Alcanzados"), "pt": ("Planificados", "Alcançados"),
                 "ar": ("المستهدفون", "الذين تم الوصول إليهم")}
SEX_AGE = {"en": ("Men", "Women", "Boys", "Girls", "Total"),
           "fr": ("Hommes", "Femmes", "Garçons", "Filles", "Total"),
           "es": ("Hombres", "Mujeres", "Niños", "Niñas", "Total"),
           "pt": ("Homens", "Mulheres", "Rapazes", "Raparigas", "Total"),
           "ar": ("رجال", "نساء", "فتيان", "فتيات", "المجموع")}
PEOPLE_SINGLE_ROW = {  # (sex/age word, group word) -> header
    "en": ("{S} {g}", "# {S} {g}", "{G} - {S}", "{S} ({g})"),
    "fr": ("{S} {g}", "Nb {S} {g}", "{G} - {S}", "{S} ({g})"),
    "es": ("{S} {g}", "{G} - {S}", "{S} ({g})"),
    "pt": ("{S} {g}", "{G} - {S}", "{S} ({g})"),
    "ar": ("{S} - {G}", "{S} ({G})"),
}
PEOPLE_TOTAL = {
    "en": ("Total {g}", "Total people {g}", "Total beneficiaries {g}", "People {g}"),
    "fr": ("Total {g}", "Total bénéficiaires {g}", "Total personnes {g}", "Bénéficiaires {g}"),
    "es": ("Total {g}", "Total de personas {g}", "Beneficiarios {g}"),
    "pt": ("Total {g}", "Total de beneficiários {g}", "Beneficiários {g}"),
    "ar": ("المجموع - {G}", "إجمالي {G}"),
}
PEOPLE_GROUP_WORD = {"en": ("targeted", "reached"), "fr": ("ciblés", "atteints"),
                     "es": ("meta", "alcanzadas"), "pt": ("planificados", "alcançados"),
                     "ar": ("المستهدفون", "الذين تم الوصول إليهم")}

ROLE_HEADERS = {
    "en": {
        "org": ("Organization", "Organisation", "Partner", "Implementing Partner", "Org Name",
                "Agency", "Partner Name"),
        "org_acronym": ("Acronym", "Org Acronym", "Partner acronym", "Org. Acronym"),
        "org_type": ("Organization Type", "Type of Organization", "Org Type", "Partner type"),
        "lead_org": ("Lead Organization", "Reporting Organization", "Appealing Agency"),
        "donor": ("Donor", "Funding source", "Donor(s)"),
        "cluster": ("Cluster", "Sector", "Cluster/Sector", "Project Sector"),
        "subsector": ("Sub-sector", "AoR", "Sub-cluster"),
        "activity": ("Activity", "Activity description", "Activities", "Intervention"),
        "status": ("Status", "Activity Status", "Project status"),
        "modality": ("Modality", "Delivery modality"),
        "month": ("Month", "Reporting Month", "Reporting period"),
        "start_date": ("Start Date", "Start date", "Activity start"),
        "end_date": ("End Date", "End date", "Activity end"),
        "comment": ("Comments", "Remarks", "Notes", "Observations"),
        "location": ("Site", "Village", "Site name", "Community", "Locality"),
        "project": ("Project code", "Project ID", "HRP code"),
        "hz_code": ("{Z} code", "{Z} ID", "Code {Z}"),
        "hz_name": ("{Z}", "{Z} name"),
        "ha_name": ("{H}", "{H} name"),
    },
    "fr": {
        "org": ("Organisation", "Partenaire", "Nom de l'organisation",
                "Partenaire de mise en œuvre", "Acteur"),
        "org_acronym": ("Acronyme", "Sigle", "Acronyme de l'organisation"),
        "org_type": ("Type d'organisation", "Type de partenaire", "Catégorie"),
        "lead_org": ("Organisation chef de file", "Partenaire principal",
                     "Organisation rapportant"),
        "donor": ("Bailleur", "Bailleur de fonds", "Source de financement"),
        "cluster": ("Cluster", "Secteur", "Cluster/Secteur"),
        "subsector": ("Sous-secteur", "Domaine de responsabilité", "Sous-cluster"),
        "activity": ("Activité", "Description de l'activité", "Activités", "Intervention"),
        "status": ("Statut", "Statut de l'activité", "État"),
        "modality": ("Modalité", "Modalité d'assistance"),
        "month": ("Mois", "Mois de rapportage", "Période"),
        "start_date": ("Date de début", "Début", "Date début"),
        "end_date": ("Date de fin", "Fin", "Date fin"),
        "comment": ("Commentaires", "Observations", "Remarques"),
        "location": ("Localité", "Village", "Site", "Localité/Village"),
        "project": ("Code projet", "Code du projet", "Code HRP"),
        "hz_code": ("Code {Z}", "Code_{Z}", "{Z} (code)"),
        "hz_name": ("{Z}", "Nom {Z}"),
        "ha_name": ("{H}", "Nom {H}"),
    },
    "es": {
        "org": ("Organización", "Socio", "Socio implementador", "Nombre de la organización"),
        "org_acronym": ("Acrónimo", "Siglas", "Sigla"),
        "org_type": ("Tipo de organización", "Tipo de socio"),
        "lead_org": ("Organización líder", "Socio principal", "Organización que reporta"),
        "donor": ("Donante", "Fuente de financiamiento"),
        "cluster": ("Clúster", "Sector", "Clúster/Sector"),
        "subsector": ("Subsector", "Área de responsabilidad"),
        "activity": ("Actividad", "Descripción de la actividad", "Actividades"),
        "status": ("Estado", "Estado de la actividad"),
        "modality": ("Modalidad", "Modalidad de asistencia"),
        "month": ("Mes", "Mes de reporte", "Periodo"),
        "start_date": ("Fecha de inicio", "Fecha inicio"),
        "end_date": ("Fecha de fin", "Fecha fin", "Fecha de finalización"),
        "comment": ("Comentarios", "Observaciones"),
        "location": ("Comunidad", "Localidad", "Sitio", "Aldea"),
        "project": ("Código del proyecto", "Código proyecto"),
        "hz_code": ("Código {Z}", "Cod {Z}"),
        "hz_name": ("{Z}", "Nombre {Z}"),
        "ha_name": ("{H}", "Nombre {H}"),
    },
    "pt": {
        "org": ("Organização", "Parceiro", "Parceiro de implementação", "Nome da organização"),
        "org_acronym": ("Sigla", "Acrónimo"),
        "org_type": ("Tipo de organização", "Tipo de parceiro"),
        "lead_org": ("Organização líder", "Parceiro principal"),
        "donor": ("Doador", "Financiador"),
        "cluster": ("Cluster", "Sector", "Setor"),
        "subsector": ("Subsector", "Área de responsabilidade"),
        "activity": ("Actividade", "Atividade", "Descrição da actividade"),
        "status": ("Estado", "Estado da actividade", "Situação"),
        "modality": ("Modalidade",),
        "month": ("Mês", "Mês de reporte", "Período"),
        "start_date": ("Data de início", "Início"),
        "end_date": ("Data de fim", "Fim", "Data de conclusão"),
        "comment": ("Comentários", "Observações"),
        "location": ("Localidade", "Aldeia", "Comunidade", "Bairro"),
        "project": ("Código do projecto", "Código do projeto"),
        "hz_code": ("Código {Z}",),
        "hz_name": ("{Z}", "Nome {Z}"),
        "ha_name": ("{H}",),
    },
    "ar": {
        "org": ("المنظمة", "اسم المنظمة", "الشريك المنفذ", "الشريك"),
        "org_acronym": ("الاختصار", "اختصار المنظمة"),
        "org_type": ("نوع المنظمة",),
        "lead_org": ("المنظمة الرئيسية", "المنظمة المبلغة"),
        "donor": ("المانح", "الجهة المانحة"),
        "cluster": ("القطاع", "الكتلة"),
        "subsector": ("القطاع الفرعي",),
        "activity": ("النشاط", "وصف النشاط", "الأنشطة"),
        "status": ("الحالة", "حالة النشاط"),
        "modality": ("طريقة التنفيذ",),
        "month": ("الشهر", "شهر التقرير"),
        "start_date": ("تاريخ البدء",),
        "end_date": ("تاريخ الانتهاء",),
        "comment": ("ملاحظات",),
        "location": ("الموقع", "القرية", "التجمع"),
        "project": ("رمز المشروع",),
        "hz_code": ("رمز {Z}",),
        "hz_name": ("{Z}",),
        "ha_name": ("{H}",),
    },
}
HEALTH_WORDS = {  # default words of the health pyramid when the country has none of its own
    "en": (("Health District", "Health Zone"), ("Health Area", "Health Facility")),
    "fr": (("District sanitaire", "Zone de santé"), ("Aire de santé",)),
    "es": (("Distrito de salud", "Área de salud"), ("Establecimiento de salud",)),
    "pt": (("Distrito sanitário",), ("Unidade sanitária",)),
    "ar": (("المنطقة الصحية",), ("المرفق الصحي",)),
}
KOBO_GROUPS = {"location": "group_location", "people": "group_beneficiaries",
               "org": "group_partner", "activity": "group_activity"}
ACTIVITYINFO_LOCATION = "Location"  # ActivityInfo: "Location.<level word>.Name"

CLUSTERS = {
    "en": ("Health", "WASH", "Food Security", "Protection", "Education", "Nutrition",
           "Shelter/NFI", "CCCM", "Logistics", "Early Recovery", "GBV", "Child Protection",
           "HEA", "FSL"),
    "fr": ("Santé", "EHA", "Sécurité alimentaire", "Protection", "Éducation", "Nutrition",
           "Abris/AME", "CCCM", "Logistique", "Relèvement précoce", "VBG",
           "Protection de l'enfance", "WASH"),
    "es": ("Salud", "Agua, saneamiento e higiene", "Seguridad alimentaria", "Protección",
           "Educación", "Nutrición", "Alojamiento", "Logística", "Recuperación temprana",
           "VBG", "Protección de la niñez", "WASH"),
    "pt": ("Saúde", "Água, saneamento e higiene", "Segurança alimentar", "Protecção",
           "Educação", "Nutrição", "Abrigo", "Logística", "Recuperação precoce", "VBG", "WASH"),
    "ar": ("الصحة", "المياه والصرف الصحي", "الأمن الغذائي", "الحماية", "التعليم", "التغذية",
           "المأوى", "اللوجستيات", "Health", "WASH"),
}
SUBSECTORS = ("GBV", "Child Protection", "Mine Action", "HLP", "General Protection", "")
ORG_TYPES = {
    "en": ("INGO", "NNGO", "UN Agency", "Government", "Red Cross/Red Crescent"),
    "fr": ("ONGI", "ONGN", "Agence UN", "Gouvernement", "Croix-Rouge"),
    "es": ("ONGI", "ONG nacional", "Agencia ONU", "Gobierno", "Cruz Roja"),
    "pt": ("ONGI", "ONG nacional", "Agência ONU", "Governo", "Cruz Vermelha"),
    "ar": ("منظمة دولية", "منظمة وطنية", "وكالة أممية", "حكومة", "الهلال الأحمر"),
}
INTERNATIONAL_ORGS = (
    ("UNICEF", "UNICEF"), ("World Food Programme", "WFP"), ("UNHCR", "UNHCR"),
    ("International Organization for Migration", "IOM"), ("World Health Organization", "WHO"),
    ("Save the Children", "SCI"), ("Médecins Sans Frontières", "MSF"),
    ("International Rescue Committee", "IRC"), ("Norwegian Refugee Council", "NRC"),
    ("CARE International", "CARE"), ("World Vision", "WV"), ("Oxfam", "OXFAM"),
    ("Action Contre la Faim", "ACF"), ("Mercy Corps", "MC"), ("Plan International", "PLAN"),
    ("Danish Refugee Council", "DRC"), ("Concern Worldwide", "CWW"),
    ("Solidarités International", "SI"), ("Première Urgence Internationale", "PUI"),
    ("ALIMA", "ALIMA"), ("Humanity & Inclusion", "HI"), ("International Medical Corps", "IMC"),
    ("ACTED", "ACTED"), ("COOPI", "COOPI"), ("Welthungerhilfe", "WHH"),
    ("Terre des Hommes", "TDH"), ("Caritas", "CARITAS"), ("Samaritan's Purse", "SP"),
)
LOCAL_ORG_PATTERNS = {  # national NGOs are often named after their region: place names as noise
    "en": ("{place} Development Association", "{place} Women's Network", "Hope for {place}"),
    "fr": ("Association pour le Développement de {place}", "ONG Espoir {place}",
           "Réseau des femmes de {place}"),
    "es": ("Fundación {place}", "Asociación de Desarrollo de {place}"),
    "pt": ("Associação de Desenvolvimento de {place}", "Fundação {place}"),
    "ar": ("جمعية تنمية {place}", "مؤسسة {place} الخيرية"),
}
DONORS = ("ECHO", "USAID", "BHA", "FCDO", "CERF", "CBPF", "SIDA", "GFFO", "Japan", "EU")
ACTIVITIES = {
    "en": ("Distribution of hygiene kits", "Water trucking", "Mobile clinics",
           "Cash for food", "Case management", "Emergency shelter kits",
           "Screening for malnutrition", "Temporary learning spaces",
           "Rehabilitation of water points in {place}", "Awareness sessions"),
    "fr": ("Distribution de kits d'hygiène", "Cliniques mobiles", "Transferts monétaires",
           "Gestion de cas", "Kits d'abris d'urgence", "Dépistage de la malnutrition",
           "Espaces d'apprentissage temporaires", "Réhabilitation de points d'eau à {place}",
           "Sensibilisation"),
    "es": ("Distribución de kits de higiene", "Clínicas móviles", "Transferencias monetarias",
           "Gestión de casos", "Kits de albergue", "Tamizaje nutricional",
           "Rehabilitación de pozos en {place}", "Sesiones de sensibilización"),
    "pt": ("Distribuição de kits de higiene", "Clínicas móveis", "Transferências monetárias",
           "Gestão de casos", "Kits de abrigo", "Rastreio nutricional",
           "Reabilitação de furos em {place}", "Sessões de sensibilização"),
    "ar": ("توزيع مستلزمات النظافة", "عيادات متنقلة", "مساعدات نقدية", "إدارة الحالات",
           "مستلزمات المأوى", "فحص سوء التغذية", "إعادة تأهيل مصادر المياه في {place}"),
}
STATUSES = {"en": ("Ongoing", "Completed", "Planned"), "fr": ("En cours", "Terminé", "Planifié"),
            "es": ("En curso", "Finalizado", "Planificado"),
            "pt": ("Em curso", "Concluído", "Planificado"), "ar": ("جاري", "مكتمل", "مخطط")}
MODALITIES = {"en": ("In-kind", "Cash", "Service delivery", "Voucher"),
              "fr": ("En nature", "Cash", "Prestation de services", "Coupons"),
              "es": ("En especie", "Efectivo", "Servicios", "Cupones"),
              "pt": ("Em espécie", "Dinheiro", "Serviços", "Vales"),
              "ar": ("عيني", "نقدي", "خدمات", "قسائم")}
MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"),
    "ar": ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
           "أكتوبر", "نوفمبر", "ديسمبر"),
}
COMMENTS = {
    "en": ("", "", "", "Delayed by access constraints", "Joint with {place} authorities",
           "Moved from {place}", "See annex"),
    "fr": ("", "", "", "Retard dû à l'insécurité", "En collaboration avec les autorités de {place}",
           "Déplacé depuis {place}"),
    "es": ("", "", "", "Retraso por acceso", "Con las autoridades de {place}"),
    "pt": ("", "", "", "Atraso por acesso", "Com as autoridades de {place}"),
    "ar": ("", "", "", "تأخير بسبب الوصول", "بالتنسيق مع سلطات {place}"),
}
TITLES = {
    "en": ("Who does What Where (3W) - {month} 2025",
           "4W matrix - {cluster} cluster - {month} 2025", "Operational presence {month} 2025"),
    "fr": ("Matrice 3W - {month} 2025", "Matrice 4W - Cluster {cluster} - {month} 2025",
           "Présence opérationnelle {month} 2025"),
    "es": ("Matriz 345W - {month} 2025", "Matriz 3W - Clúster {cluster} - {month} 2025"),
    "pt": ("Matriz 3W - {month} 2025", "Matriz 4W - Cluster {cluster} - {month} de 2025"),
    "ar": ("مصفوفة من يفعل ماذا وأين - {month} 2025",),
}
TOTAL_WORD = {"en": "Total", "fr": "Total", "es": "Total", "pt": "Total", "ar": "المجموع"}
KOBO_META = ("start", "end", "today", "deviceid", "_id", "_uuid", "_submission_time", "_index")
ACTIVITYINFO_META = ("Database", "Form", "Record ID", "Indicator")
