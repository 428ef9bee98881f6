//! Interface words in English, Spanish and French, and numbers written the way each
//! language writes them.
//!
//! One table holds every string the charts draw and every string the JS shell shows,
//! so that nothing drawn is left untranslated and the web glue can hand the same table
//! to JavaScript ([`ui_strings`]). Keys are stable, lowercase, dot-separated.
//!
//! Numbers: English uses a decimal point and "46%"; Spanish and French use a decimal
//! comma and put a (non-breaking) space before the per cent sign ("46 %", French with a
//! narrow no-break space as the Imprimerie nationale recommends).

use std::collections::BTreeSet;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Es,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::Fr];
    pub const NAMES: &'static [&'static str] = &["en", "es", "fr"];

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
        }
    }

    /// The language for a BCP 47 tag such as `es-MX` or `fr`; anything else is English.
    pub fn from_tag_or_default(tag: &str) -> Lang {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        primary.parse().unwrap_or_default()
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" => Ok(Lang::En),
            "es" => Ok(Lang::Es),
            "fr" => Ok(Lang::Fr),
            other => Err(format!(
                "unknown language \"{other}\"; expected one of {}",
                Lang::NAMES.join(", ")
            )),
        }
    }
}

/// Lenient conversion for glue code that holds a language tag as text: unknown tags are English.
impl From<&str> for Lang {
    fn from(tag: &str) -> Lang {
        Lang::from_tag_or_default(tag)
    }
}

impl From<&String> for Lang {
    fn from(tag: &String) -> Lang {
        Lang::from_tag_or_default(tag)
    }
}

/// `(key, English, Spanish, French)`. `{}` marks where a value goes, in order.
const TABLE: &[(&str, &str, &str, &str)] = &[
    // ---- Views, as shown to readers.
    ("view.forest", "Forest plot", "Diagrama de bosque", "Graphique en forêt"),
    ("view.map", "Evidence map", "Mapa de la evidencia", "Carte des preuves"),
    ("view.harms", "Benefit and harm", "Beneficio y daño", "Bénéfices et risques"),
    ("view.claims", "Claims", "Afirmaciones", "Affirmations"),
    ("view.funnel", "Funnel plot", "Gráfico de embudo", "Graphique en entonnoir"),
    ("view.summary", "Summary", "Resumen", "Résumé"),
    // ---- Shell (JS) strings.
    ("ui.filter", "Filter", "Filtrar", "Filtrer"),
    ("ui.sort", "Sort", "Ordenar", "Trier"),
    ("ui.show_table", "Show table", "Mostrar tabla", "Afficher le tableau"),
    ("ui.hide_table", "Hide table", "Ocultar tabla", "Masquer le tableau"),
    ("ui.download_png", "Download PNG", "Descargar PNG", "Télécharger PNG"),
    ("ui.download_svg", "Download SVG", "Descargar SVG", "Télécharger SVG"),
    ("ui.download_csv", "Download data (CSV)", "Descargar datos (CSV)", "Télécharger les données (CSV)"),
    ("ui.citations", "Citations", "Referencias", "Références"),
    ("ui.copy_link", "Copy link", "Copiar enlace", "Copier le lien"),
    ("ui.loading", "Loading the evidence…", "Cargando la evidencia…", "Chargement des preuves…"),
    ("ui.error_intro", "The evidence chart could not be shown:", "No se pudo mostrar el gráfico de la evidencia:", "Le graphique des preuves n’a pas pu être affiché :"),
    ("ui.partial", "Some entries could not be shown", "Algunas entradas no se pudieron mostrar", "Certaines entrées n’ont pas pu être affichées"),
    ("ui.errors", "Errors", "Errores", "Erreurs"),
    ("ui.warnings", "Warnings", "Advertencias", "Avertissements"),
    ("ui.source", "Source", "Fuente", "Source"),
    ("ui.certainty", "Certainty", "Certeza", "Certitude"),
    ("ui.study", "Study", "Estudio", "Étude"),
    ("ui.result", "Result", "Resultado", "Résultat"),
    ("ui.estimate_ci", "Estimate [95% CI]", "Estimación [IC 95 %]", "Estimation [IC 95 %]"),
    ("ui.participants", "Participants", "Participantes", "Participants"),
    ("ui.sort.dataset", "Dataset order", "Orden de los datos", "Ordre des données"),
    ("ui.sort.year", "Year", "Año", "Année"),
    ("ui.sort.effect", "Effect size", "Tamaño del efecto", "Taille de l’effet"),
    ("ui.sort.size", "Number of participants", "Número de participantes", "Nombre de participants"),
    ("ui.sort.certainty", "Certainty", "Certeza", "Certitude"),
    // ---- Forest.
    ("forest.panel.notes", "No comparison group, or no result yet", "Sin grupo de comparación, o aún sin resultados", "Sans groupe de comparaison, ou sans résultat"),
    ("forest.panel.ratio_lower", "Ratios (log scale), fewer events is better: 1 = no difference", "Razones (escala log.), menos eventos es mejor: 1 = sin diferencia", "Rapports (échelle log.), moins d’événements est mieux : 1 = aucune différence"),
    ("forest.panel.ratio_higher", "Ratios (log scale), more is better: 1 = no difference", "Razones (escala log.), más es mejor: 1 = sin diferencia", "Rapports (échelle log.), plus est mieux : 1 = aucune différence"),
    ("forest.panel.difference_lower", "Differences, lower is better: 0 = no difference", "Diferencias, menor es mejor: 0 = sin diferencia", "Différences, plus bas est mieux : 0 = aucune différence"),
    ("forest.panel.difference_higher", "Differences, higher is better: 0 = no difference", "Diferencias, mayor es mejor: 0 = sin diferencia", "Différences, plus haut est mieux : 0 = aucune différence"),
    ("forest.favours_treatment_left", "← favours the treatment", "← a favor del tratamiento", "← en faveur du traitement"),
    ("forest.favours_control_right", "favours the comparison →", "a favor de la comparación →", "en faveur de la comparaison →"),
    ("forest.favours_control_left", "← favours the comparison", "← a favor de la comparación", "← en faveur de la comparaison"),
    ("forest.favours_treatment_right", "favours the treatment →", "a favor del tratamiento →", "en faveur du traitement →"),
    ("forest.studies.one", "{} study", "{} estudio", "{} étude"),
    ("forest.studies.other", "{} studies", "{} estudios", "{} études"),
    ("forest.elsewhere", "Not shown: {} in other conditions than {} (choose them with the condition filter).", "No se muestran: {} en otras enfermedades distintas de {} (elíjalos con el filtro de enfermedad).", "Non affichées : {} dans d’autres maladies que {} (choisissez-les avec le filtre de maladie)."),
    ("forest.col.n", "n", "n", "n"),
    ("forest.col.weight", "Weight", "Peso", "Poids"),
    ("forest.col.certainty", "Certainty", "Certeza", "Certitude"),
    ("forest.pooled", "Pooled ({} studies, random effects)", "Combinado ({} estudios, efectos aleatorios)", "Combiné ({} études, effets aléatoires)"),
    ("forest.prediction", "prediction interval {}", "intervalo de predicción {}", "intervalle de prédiction {}"),
    ("forest.more", "… and {} more results: use the filters, or see them all in the table", "… y {} resultados más: use los filtros o véalos todos en la tabla", "… et {} autres résultats : utilisez les filtres ou voyez-les tous dans le tableau"),
    ("forest.empty", "No results to show for this selection.", "No hay resultados para esta selección.", "Aucun résultat pour cette sélection."),
    ("forest.footnote", "Squares: studies (filled when the 95% interval excludes no difference; size = weight). Lines: 95% confidence intervals. Diamond: pooled estimate; dashed line: prediction interval.",
        "Cuadrados: estudios (rellenos si el intervalo del 95 % excluye la ausencia de diferencia; tamaño = peso). Líneas: intervalos de confianza del 95 %. Rombo: estimación combinada; línea discontinua: intervalo de predicción.",
        "Carrés : études (pleins si l’intervalle à 95 % exclut l’absence de différence ; taille = poids). Traits : intervalles de confiance à 95 %. Losange : estimation combinée ; tirets : intervalle de prédiction."),
    ("forest.caveat_note", "† The study has caveats: see its details.", "† El estudio tiene salvedades: vea sus detalles.", "† L’étude comporte des réserves : voir ses détails."),
    ("result.pending", "results pending", "resultados pendientes", "résultats en attente"),
    ("result.one_group", "one group, no comparison", "un solo grupo, sin comparación", "un seul groupe, sans comparaison"),
    ("result.no_numbers", "no numbers reported", "no se informaron cifras", "aucun chiffre rapporté"),
    ("result.no_outcomes", "no outcomes recorded", "sin resultados registrados", "aucun critère enregistré"),
    ("result.cannot_show", "cannot be shown: {}", "no se puede mostrar: {}", "ne peut pas être affiché : {}"),
    ("result.no_interval", "no interval reported", "sin intervalo informado", "aucun intervalle rapporté"),
    // ---- Design badges.
    ("design.rct", "RCT", "ECA", "ECR"),
    ("design.crossover_rct", "crossover RCT", "ECA cruzado", "ECR croisé"),
    ("design.non_randomised_controlled", "non-randomised", "no aleatorizado", "non randomisé"),
    ("design.single_arm", "single group", "un solo grupo", "groupe unique"),
    ("design.cohort", "cohort", "cohorte", "cohorte"),
    ("design.case_series", "case series", "serie de casos", "série de cas"),
    ("design.systematic_review", "review", "revisión", "revue"),
    ("design.unknown", "design not given", "diseño no indicado", "plan non précisé"),
    // ---- Certainty (GRADE).
    ("certainty.high", "high", "alta", "élevée"),
    ("certainty.moderate", "moderate", "moderada", "modérée"),
    ("certainty.low", "low", "baja", "faible"),
    ("certainty.very_low", "very low", "muy baja", "très faible"),
    ("certainty.none", "not rated", "sin calificar", "non évaluée"),
    // ---- Result directions (map legend).
    ("direction.favourable", "favours treatment", "a favor del tratamiento", "en faveur du traitement"),
    ("direction.unfavourable", "against treatment", "en contra del tratamiento", "en défaveur du traitement"),
    ("direction.unclear", "unclear (includes no difference)", "incierto (incluye la ausencia de diferencia)", "incertain (inclut l’absence de différence)"),
    ("direction.no_comparison", "no comparison group", "sin grupo de comparación", "sans groupe de comparaison"),
    ("direction.pending", "no result yet", "aún sin resultados", "pas encore de résultat"),
    // ---- Evidence map.
    ("map.title", "What evidence exists: design and size of each study", "Qué evidencia existe: diseño y tamaño de cada estudio", "Quelles preuves existent : plan et taille de chaque étude"),
    ("map.x_axis", "Design: weaker → stronger", "Diseño: más débil → más sólido", "Plan d’étude : plus faible → plus solide"),
    ("map.y_axis", "Participants (log scale)", "Participantes (escala log.)", "Participants (échelle log.)"),
    ("map.reviews", "Reviews", "Revisiones", "Revues"),
    ("map.size_unknown", "size not reported", "tamaño no informado", "taille non rapportée"),
    ("map.legend.shape", "Shape: design", "Forma: diseño", "Forme : plan d’étude"),
    ("map.legend.colour", "Colour: result", "Color: resultado", "Couleur : résultat"),
    ("map.note", "Promising results without a comparison group come from the weakest designs.", "Los resultados prometedores sin grupo de comparación provienen de los diseños más débiles.", "Les résultats prometteurs sans groupe de comparaison proviennent des plans les plus faibles."),
    // ---- Benefit and harm (icon arrays).
    ("harms.title", "Out of 100 people: with and without the treatment", "De cada 100 personas: con y sin el tratamiento", "Sur 100 personnes : avec et sans le traitement"),
    ("harms.control", "Without {}", "Sin {}", "Sans {}"),
    ("harms.treatment", "With {}", "Con {}", "Avec {}"),
    ("harms.of_100", "{} of 100", "{} de 100", "{} sur 100"),
    ("harms.range", "(range {} to {})", "(rango {} a {})", "(de {} à {})"),
    ("harms.one_group", "{} (no comparison group)", "{} (sin grupo de comparación)", "{} (sans groupe de comparaison)"),
    ("harms.both", "With or without {}", "Con o sin {}", "Avec ou sans {}"),
    ("harms.with_numbers", "{} without, {} with", "{} sin, {} con", "{} sans, {} avec"),
    ("harms.no_clear_difference", "No clear difference: the range of likely effects includes no difference, so one array is drawn for both groups.", "Sin diferencia clara: el rango de efectos probables incluye la ausencia de diferencia, así que se dibuja un solo grupo de iconos para ambos.", "Pas de différence nette : l’intervalle des effets probables inclut l’absence de différence, donc un seul ensemble d’icônes est dessiné pour les deux groupes."),
    ("harms.fewer_better", "An event to avoid: fewer is better.", "Un evento que conviene evitar: cuantos menos, mejor.", "Un événement à éviter : moins il y en a, mieux c’est."),
    ("harms.more_better", "A good outcome: more is better.", "Un buen resultado: cuantos más, mejor.", "Un bon résultat : plus il y en a, mieux c’est."),
    ("harms.legend", "Each icon is one person; filled icons had the outcome.", "Cada icono es una persona; los rellenos tuvieron el resultado.", "Chaque icône est une personne ; les icônes pleines ont eu l’événement."),
    ("harms.empty", "No result gives risks per 100 people for this selection.", "Ningún resultado da riesgos por cada 100 personas para esta selección.", "Aucun résultat ne donne de risque pour 100 personnes dans cette sélection."),
    // ---- Claims.
    ("claims.title", "Claims checked against the evidence", "Afirmaciones contrastadas con la evidencia", "Affirmations confrontées aux preuves"),
    ("claims.by", "Claimed by: {}", "Afirmado por: {}", "Affirmé par : {}"),
    ("claims.certainty", "Certainty of the evidence: {}", "Certeza de la evidencia: {}", "Certitude des preuves : {}"),
    ("claims.empty", "The dataset has no claims.", "Los datos no contienen afirmaciones.", "Les données ne contiennent aucune affirmation."),
    ("by.clinic", "a clinic", "una clínica", "une clinique"),
    ("by.news", "the news", "la prensa", "la presse"),
    ("by.advocacy", "an advocacy group", "un grupo de defensa", "une association"),
    ("by.researcher", "researchers", "investigadores", "des chercheurs"),
    ("verdict.supported", "Supported", "Respaldada", "Étayée"),
    ("verdict.supported_in_part", "Supported only in part", "Respaldada solo en parte", "Étayée en partie seulement"),
    ("verdict.not_supported", "Not supported", "No respaldada", "Non étayée"),
    ("verdict.contradicted", "Contradicted", "Contradicha", "Contredite"),
    ("verdict.no_controlled_evidence", "No controlled evidence", "Sin evidencia controlada", "Aucune preuve contrôlée"),
    // ---- Funnel.
    ("funnel.title", "Funnel plot: {}", "Gráfico de embudo: {}", "Graphique en entonnoir : {}"),
    ("funnel.x_axis", "Effect ({})", "Efecto ({})", "Effet ({})"),
    ("funnel.y_axis", "Standard error", "Error estándar", "Erreur type"),
    ("funnel.needs", "A funnel plot needs at least 10 studies of one outcome that can be pooled: with fewer, it cannot tell small-study effects from chance (Cochrane Handbook).", "Un gráfico de embudo necesita al menos 10 estudios de un mismo resultado que puedan combinarse: con menos, no distingue los efectos de estudios pequeños del azar (Manual Cochrane).", "Un graphique en entonnoir nécessite au moins 10 études d’un même critère pouvant être combinées : avec moins, il ne distingue pas l’effet des petites études du hasard (manuel Cochrane)."),
    ("funnel.observed", "studies", "estudios", "études"),
    ("funnel.filled", "imputed by trim-and-fill ({})", "imputados por trim-and-fill ({})", "imputées par trim-and-fill ({})"),
    ("funnel.region", "pseudo 95% region", "región pseudo 95 %", "région pseudo 95 %"),
    ("funnel.estimate", "pooled estimate {}", "estimación combinada {}", "estimation combinée {}"),
    // ---- The summary view: each therapy's answer.
    ("answer.certainty", "{} certainty", "certeza {}", "certitude {}"),
    ("answer.benefit", "Main benefit", "Beneficio principal", "Bénéfice principal"),
    ("answer.harm", "Main harm", "Daño principal", "Risque principal"),
    ("answer.no_benefit_data", "No study reports a benefit with numbers.", "Ningún estudio informa un beneficio con cifras.", "Aucune étude ne rapporte de bénéfice chiffré."),
    ("answer.no_harm_data", "No study reports harms with numbers.", "Ningún estudio informa daños con cifras.", "Aucune étude ne rapporte de risques chiffrés."),
    ("answer.rests_on", "Rests on {} ({} randomised), {} people.", "Se basa en {} ({} aleatorizados), {} personas.", "Repose sur {} ({} randomisées), {} personnes."),
    ("answer.studies.one", "{} study", "{} estudio", "{} étude"),
    ("answer.studies.other", "{} studies", "{} estudios", "{} études"),
    ("answer.ongoing.one", "{} study is still running.", "{} estudio sigue en curso.", "{} étude est en cours."),
    ("answer.ongoing.other", "{} studies are still running.", "{} estudios siguen en curso.", "{} études sont en cours."),
    ("answer.latest", "Most recent: {}.", "Más reciente: {}.", "La plus récente : {}."),
    ("answer.claims_checked", "Claims checked: {}.", "Afirmaciones contrastadas: {}.", "Affirmations vérifiées : {}."),
    ("answer.empty", "No therapy in this data is studied in the question's condition.", "Ningún tratamiento de estos datos se estudió en la enfermedad de la pregunta.", "Aucun traitement de ces données n'est étudié dans la maladie de la question."),
    ("answer.title_best", "{}; for the other treatments for {}, the evidence is uncertain or shows no clear benefit.", "{}; para los demás tratamientos de {}, la evidencia es incierta o no muestra un beneficio claro.", "{} ; pour les autres traitements de {}, les preuves sont incertaines ou ne montrent pas de bénéfice net."),
    ("answer.title_uncertain", "For {}, the evidence on every treatment here is uncertain.", "Para {}, la evidencia sobre todos estos tratamientos es incierta.", "Pour {}, les preuves sur chacun de ces traitements sont incertaines."),
    ("summary.summary", "Summary of {} treatments.", "Resumen de {} tratamientos.", "Résumé de {} traitements."),
    // ---- Summaries (aria-label).
    ("summary.forest", "Forest plot of {} results from {} studies.", "Diagrama de bosque de {} resultados de {} estudios.", "Graphique en forêt de {} résultats issus de {} études."),
    ("summary.map", "Evidence map of {} studies: {} randomised, {} without a comparison group.", "Mapa de la evidencia de {} estudios: {} aleatorizados, {} sin grupo de comparación.", "Carte des preuves de {} études : {} randomisées, {} sans groupe de comparaison."),
    ("summary.harms", "{} results shown as people out of 100.", "{} resultados mostrados como personas de cada 100.", "{} résultats montrés en personnes sur 100."),
    ("summary.claims", "{} claims checked: {} supported.", "{} afirmaciones contrastadas: {} respaldadas.", "{} affirmations vérifiées : {} étayées."),
    ("summary.funnel", "Funnel plot of {} studies; {} added by trim-and-fill.", "Gráfico de embudo de {} estudios; {} añadidos por trim-and-fill.", "Graphique en entonnoir de {} études ; {} ajoutées par trim-and-fill."),
    ("summary.table", "The same results are in the table that follows.", "Los mismos resultados están en la tabla siguiente.", "Les mêmes résultats figurent dans le tableau qui suit."),
    // ---- The JS shell's controls, announcements and links.
    ("shell.crash", "The chart stopped working because of an internal error.", "El gráfico dejó de funcionar por un error interno.", "Le graphique a cessé de fonctionner à cause d'une erreur interne."),
    ("shell.retry", "Try again", "Reintentar", "Réessayer"),
    ("shell.problem_error", "Error", "Error", "Erreur"),
    ("shell.problem_warning", "Warning", "Aviso", "Avertissement"),
    ("shell.controls", "Chart options", "Opciones del gráfico", "Options du graphique"),
    ("shell.view", "View", "Vista", "Vue"),
    ("shell.outcome", "Outcome", "Resultado", "Critère"),
    ("shell.condition", "Condition", "Enfermedad", "Maladie"),
    ("shell.therapy", "Therapy", "Tratamiento", "Traitement"),
    ("shell.route", "Route", "Vía", "Voie"),
    ("shell.design", "Study design", "Diseño del estudio", "Type d'étude"),
    ("shell.kind", "Benefit or harm", "Beneficio o daño", "Bénéfice ou risque"),
    ("shell.kind.benefit", "Benefits", "Beneficios", "Bénéfices"),
    ("shell.kind.harm", "Harms", "Daños", "Risques"),
    ("shell.all", "All", "Todos", "Tous"),
    ("shell.table_caption", "The results shown in the chart", "Los resultados que muestra el gráfico", "Les résultats montrés dans le graphique"),
    ("shell.table_partial", "rows 1–{shown} of {count}", "filas 1–{shown} de {count}", "lignes 1 à {shown} sur {count}"),
    ("shell.table_more", "Show {n} more rows", "Mostrar {n} filas más", "Afficher {n} lignes de plus"),
    ("shell.table_all", "Show all {count} rows", "Mostrar las {count} filas", "Afficher les {count} lignes"),
    ("shell.chart_keys", "Chart. Use the arrow keys to move between results, Enter to select one, Escape to clear.", "Gráfico. Use las flechas para moverse entre resultados, Intro para seleccionar uno y Escape para borrar.", "Graphique. Utilisez les flèches pour passer d'un résultat à l'autre, Entrée pour en choisir un, Échap pour effacer."),
    ("shell.chart_loading", "Evidence chart (loading)", "Gráfico de la evidencia (cargando)", "Graphique des preuves (chargement)"),
    ("shell.chart_unavailable", "Evidence chart unavailable", "Gráfico de la evidencia no disponible", "Graphique des preuves indisponible"),
    ("shell.position", "{index} of {count}", "{index} de {count}", "{index} sur {count}"),
    ("shell.participants", "{n} participants", "{n} participantes", "{n} participants"),
    ("shell.caveats", "Things to know", "A tener en cuenta", "À savoir"),
    ("shell.link.doi", "Article (DOI)", "Artículo (DOI)", "Article (DOI)"),
    ("shell.link.pubmed", "PubMed", "PubMed", "PubMed"),
    ("shell.link.trial", "ClinicalTrials.gov", "ClinicalTrials.gov", "ClinicalTrials.gov"),
    ("shell.link.web", "Web page", "Página web", "Page web"),
    ("shell.selected", "Selected result", "Resultado seleccionado", "Résultat sélectionné"),
    ("shell.clear", "Clear the selection", "Borrar la selección", "Effacer la sélection"),
    ("shell.copied", "Link copied", "Enlace copiado", "Lien copié"),
];

/// The text for `key` in `lang`; the key itself when the table has no such key, so that a
/// missing string shows where it belongs instead of vanishing (never panics).
pub fn t(lang: Lang, key: &str) -> &'static str {
    match TABLE.iter().find(|row| row.0 == key) {
        Some(&(_, en, es, fr)) => [en, es, fr][lang.index()],
        None => missing_key(key),
    }
}

/// A key the table lacks, as a `&'static str` like the table's texts: each distinct one is
/// allocated once and kept. Keys are written in the code (some with an enum's name filled
/// in), never taken from data, so there are few of them.
fn missing_key(key: &str) -> &'static str {
    static MISSING: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    // A panic elsewhere while the set was held leaves it consistent: inserts are atomic.
    let mut missing = MISSING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(&kept) = missing.get(key) {
        return kept;
    }
    let kept: &'static str = Box::leak(key.to_owned().into_boxed_str());
    missing.insert(kept);
    kept
}

/// [`t`] with `{}` placeholders filled in order.
pub fn tf(lang: Lang, key: &str, args: &[&str]) -> String {
    let mut out = String::new();
    let mut parts = t(lang, key).split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (i, part) in parts.enumerate() {
        out.push_str(args.get(i).copied().unwrap_or(""));
        out.push_str(part);
    }
    out
}

/// A count with its noun in the right number: `key.one` for one (and, in French, for zero),
/// `key.other` otherwise ("1 study", "2 studies"; "0 étude").
pub fn plural(lang: Lang, key: &str, n: usize) -> String {
    let one = match lang {
        Lang::Fr => n <= 1,
        Lang::En | Lang::Es => n == 1,
    };
    let form = if one { "one" } else { "other" };
    tf(lang, &format!("{key}.{form}"), &[&int(lang, n as u64)])
}

/// Every key in the table.
pub fn keys() -> impl Iterator<Item = &'static str> {
    TABLE.iter().map(|row| row.0)
}

/// The whole table in one language, for the JS shell.
pub fn ui_strings(lang: impl Into<Lang>) -> Vec<(&'static str, &'static str)> {
    let lang = lang.into();
    TABLE
        .iter()
        .map(|row| (row.0, [row.1, row.2, row.3][lang.index()]))
        .collect()
}

/// A number with a fixed number of decimals, decimal comma for Spanish and French,
/// and a true minus sign.
pub fn num(lang: Lang, v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "–".to_string();
    }
    // Edited in place: forests format three numbers a row, thousands of rows.
    let mut s = format!("{v:.decimals$}");
    if s.starts_with('-') {
        if s[1..].chars().all(|c| c == '0' || c == '.') {
            s.remove(0); // no "−0.00"
        } else {
            s.replace_range(..1, "\u{2212}");
        }
    }
    let decimal_comma = match lang {
        Lang::En => false,
        Lang::Es | Lang::Fr => true,
    };
    if decimal_comma {
        if let Some(point) = s.find('.') {
            s.replace_range(point..point + 1, ",");
        }
    }
    s
}

/// A whole number with thousands grouped ("1,000", "1.000" in Spanish, "1 000" in French).
pub fn int(lang: Lang, v: u64) -> String {
    let digits = v.to_string();
    if digits.len() <= 4 && lang != Lang::En {
        return digits; // Spanish and French do not group four-digit numbers.
    }
    let sep = match lang {
        Lang::En => ",",
        Lang::Es => ".",
        Lang::Fr => "\u{202F}",
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// A percentage of a fraction (0.46 → "46%", "46 %" in Spanish and French).
pub fn pct(lang: Lang, fraction: f64, decimals: usize) -> String {
    pct_number(lang, &num(lang, fraction * 100.0, decimals))
}

/// Attaches the per cent sign to an already formatted number.
pub fn pct_number(lang: Lang, number: &str) -> String {
    match lang {
        Lang::En => format!("{number}%"),
        Lang::Es => format!("{number}\u{00A0}%"),
        Lang::Fr => format!("{number}\u{202F}%"),
    }
}

/// An effect estimate as journals print it: 2 decimals, 3 below 0.1.
pub fn estimate(lang: Lang, v: f64) -> String {
    let digits = if v != 0.0 && v.abs() < 0.1 { 3 } else { 2 };
    num(lang, v, digits)
}

/// Separator between the bounds of an interval: "[0.58, 1.50]" in English, "[0,58; 1,50]"
/// where the comma is the decimal mark.
pub fn interval(lang: Lang, lo: &str, hi: &str) -> String {
    match lang {
        Lang::En => format!("[{lo}, {hi}]"),
        Lang::Es | Lang::Fr => format!("[{lo}; {hi}]"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(num(Lang::En, 0.945, 2), "0.94");
        assert_eq!(num(Lang::Es, 1.5, 2), "1,50");
        assert_eq!(num(Lang::Fr, -1.7, 1), "\u{2212}1,7");
        assert_eq!(num(Lang::En, -0.0001, 2), "0.00");
        assert_eq!(pct(Lang::En, 0.46, 0), "46%");
        assert_eq!(pct(Lang::Fr, 0.46, 0), "46\u{202F}%");
        assert_eq!(int(Lang::En, 1234567), "1,234,567");
        assert_eq!(int(Lang::Es, 1000), "1000");
        assert_eq!(int(Lang::Es, 12000), "12.000");
        assert_eq!(interval(Lang::Fr, "0,5", "1,2"), "[0,5; 1,2]");
    }

    #[test]
    fn languages_parse_and_unknown_ones_are_listed() {
        assert_eq!("es".parse::<Lang>(), Ok(Lang::Es));
        let e = "de".parse::<Lang>().unwrap_err();
        assert!(e.contains("en, es, fr"), "{e}");
        assert_eq!(Lang::from("fr-CA"), Lang::Fr);
        assert_eq!(Lang::from("xx"), Lang::En);
    }

    #[test]
    fn placeholders_are_filled_in_order() {
        assert_eq!(tf(Lang::En, "harms.of_100", &["7"]), "7 of 100");
        assert_eq!(tf(Lang::Es, "harms.range", &["1", "2"]), "(rango 1 a 2)");
    }

    #[test]
    fn an_unknown_key_is_shown_as_itself() {
        assert_eq!(t(Lang::En, "no.such.key"), "no.such.key");
        assert_eq!(
            t(Lang::Fr, &format!("design.{}", "no_such_design")),
            "design.no_such_design"
        );
        // Asked again, the same kept copy comes back: missing keys do not pile up.
        let first = t(Lang::Es, &String::from("no.such.key2"));
        let again = t(Lang::En, &String::from("no.such.key2"));
        assert!(std::ptr::eq(first, again));
        assert_eq!(tf(Lang::En, "no.such.key3", &["7"]), "no.such.key3");
        // A known key is unaffected.
        assert_eq!(t(Lang::En, "ui.sort"), "Sort");
    }
}
