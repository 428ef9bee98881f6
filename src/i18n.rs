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

use std::sync::{Mutex, OnceLock};

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

/// Splits the catalogue's rows `(key, English, Spanish, French)` into keys and English (`$rows`)
/// and Spanish and French (`$translations`), which the widget's release build leaves out
/// (`slim-catalogue`): its shell downloads the reader's language instead (`pkg/i18n/`, made by
/// `evidence-lens catalogue`) and hands it over with [`install`]. The Spanish and French columns
/// were 13 KB of the gzipped wasm, which an English reader never uses.
macro_rules! catalogue {
    ($rows:ident, $translations:ident: $(($key:literal, $en:literal, $es:literal, $fr:literal)),* $(,)?) => {
        const $rows: &[(&str, &str)] = &[$(($key, $en)),*];
        #[cfg(not(feature = "slim-catalogue"))]
        const $translations: &[[&str; 2]] = &[$([$es, $fr]),*];
    };
}

#[cfg(not(feature = "table"))]
const CSV_ONLY: &[(&str, &str)] = &[];
#[cfg(not(any(feature = "table", feature = "slim-catalogue")))]
const CSV_ONLY_TRANSLATIONS: &[[&str; 2]] = &[];
#[cfg(not(feature = "import"))]
const IMPORT_ONLY: &[(&str, &str)] = &[];
#[cfg(not(any(feature = "import", feature = "slim-catalogue")))]
const IMPORT_ONLY_TRANSLATIONS: &[[&str; 2]] = &[];

/// How many rows the catalogue has in this build.
const ROWS: usize = COMMON.len() + CSV_ONLY.len() + IMPORT_ONLY.len();
/// Each row's key and English text: every build's rows, then a table's and the importer's
/// (below), where the build reads them.
static TABLE: [(&str, &str); ROWS] = concat([COMMON, CSV_ONLY, IMPORT_ONLY]);
/// Each row's Spanish and French, in [`TABLE`]'s order.
#[cfg(not(feature = "slim-catalogue"))]
static TRANSLATIONS: [[&str; 2]; ROWS] = concat([
    COMMON_TRANSLATIONS,
    CSV_ONLY_TRANSLATIONS,
    IMPORT_ONLY_TRANSLATIONS,
]);

/// The parts one after another, as one array (`N` is their lengths' sum; the first is not
/// empty).
const fn concat<T: Copy, const N: usize>(parts: [&[T]; 3]) -> [T; N] {
    let mut out = [parts[0][0]; N];
    let (mut part, mut at, mut i) = (0, 0, 0);
    while i < N {
        while at == parts[part].len() {
            (part, at) = (part + 1, 0);
        }
        out[i] = parts[part][at];
        at += 1;
        i += 1;
    }
    out
}

// `(key, English, Spanish, French)`. `{}` marks where a value goes, in order.
catalogue![COMMON, COMMON_TRANSLATIONS:
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
    ("ui.error_intro", "The evidence chart could not be shown:", "No se pudo mostrar el gráfico de la evidencia:", "Le graphique des preuves n’a pas pu être affiché :"),
    ("ui.partial", "Some entries could not be shown", "Algunas entradas no se pudieron mostrar", "Certaines entrées n’ont pas pu être affichées"),
    ("ui.notes", "Notes on the data", "Notas sobre los datos", "Remarques sur les données"),
    ("ui.errors", "Errors", "Errores", "Erreurs"),
    ("ui.warnings", "Warnings", "Advertencias", "Avertissements"),
    ("ui.source", "Source", "Fuente", "Source"),
    ("ui.certainty", "Certainty", "Certeza", "Certitude"),
    ("ui.population", "Who took part", "Quiénes participaron", "Qui a participé"),
    ("ui.labelled", "{label}: {value}", "{label}: {value}", "{label}\u{a0}: {value}"),
    ("ui.study", "Study", "Estudio", "Étude"),
    ("ui.result", "Result", "Resultado", "Résultat"),
    ("ui.estimate_ci", "Estimate [95% CI]", "Estimación [IC 95\u{a0}%]", "Estimation [IC 95\u{202f}%]"),
    ("ui.participants", "Participants", "Participantes", "Participants"),
    // The table's first columns where a view's items are not studies' results.
    ("ui.treatment", "Treatment", "Tratamiento", "Traitement"),
    ("ui.answer", "Answer", "Respuesta", "Réponse"),
    ("ui.findings", "What the studies found", "Qué encontraron los estudios", "Ce que les études ont trouvé"),
    ("ui.claim", "Claim", "Afirmación", "Affirmation"),
    ("ui.claimed_by", "Who said it", "Quién lo dice", "Qui l’affirme"),
    ("ui.verdict", "What the evidence says", "Qué dice la evidencia", "Ce que disent les preuves"),
    ("ui.sort.dataset", "Dataset order", "Orden de los datos", "Ordre des données"),
    ("ui.sort.year", "Year", "Año", "Année"),
    ("ui.sort.effect", "Effect size", "Tamaño del efecto", "Taille de l’effet"),
    ("ui.sort.size", "Number of participants", "Número de participantes", "Nombre de participants"),
    ("ui.sort.certainty", "Certainty", "Certeza", "Certitude"),
    // ---- Forest.
    ("forest.panel.notes", "Not plotted: no comparison group, no result yet, or no effect to compare", "No representados: sin grupo de comparación, aún sin resultados o sin un efecto que comparar", "Non représentés : sans groupe de comparaison, sans résultat ou sans effet à comparer"),
    ("forest.panel.ratio_lower", "Ratios (log scale), fewer events is better: 1 = no difference", "Razones (escala log.), menos eventos es mejor: 1 = sin diferencia", "Rapports (échelle log.), moins d’événements est mieux : 1 = aucune différence"),
    ("forest.panel.ratio_higher", "Ratios (log scale), more is better: 1 = no difference", "Razones (escala log.), más es mejor: 1 = sin diferencia", "Rapports (échelle log.), plus est mieux : 1 = aucune différence"),
    ("forest.panel.difference_lower", "Differences, lower is better: 0 = no difference", "Diferencias, menor es mejor: 0 = sin diferencia", "Différences, plus bas est mieux : 0 = aucune différence"),
    ("forest.panel.difference_higher", "Differences, higher is better: 0 = no difference", "Diferencias, mayor es mejor: 0 = sin diferencia", "Différences, plus haut est mieux : 0 = aucune différence"),
    ("forest.favours_treatment_left", "← favours the treatment", "← a favor del tratamiento", "← en faveur du traitement"),
    ("forest.favours_control_right", "favours the comparison →", "a favor de la comparación →", "en faveur de la comparaison →"),
    ("forest.favours_control_left", "← favours the comparison", "← a favor de la comparación", "← en faveur de la comparaison"),
    ("forest.favours_treatment_right", "favours the treatment →", "a favor del tratamiento →", "en faveur du traitement →"),
    ("forest.subgroup_test", "Test for subgroup differences: Q = {q}, df = {df} (p {p}), I² = {i2}.", "Prueba de diferencias entre subgrupos: Q = {q}, gl = {df} (p {p}), I² = {i2}.", "Test de différence entre sous-groupes\u{a0}: Q = {q}, ddl = {df} (p {p}), I² = {i2}."),
    ("forest.subtotal", "Subtotal ({})", "Subtotal ({})", "Sous-total ({})"),
    ("forest.studies.one", "{} study", "{} estudio", "{} étude"),
    ("forest.studies.other", "{} studies", "{} estudios", "{} études"),
    ("forest.elsewhere", "Not shown: {} in other conditions than {} (choose them with the condition filter).", "No se muestran: {} en enfermedades distintas de la de la pregunta, {} (elíjalos con el filtro de enfermedad).", "Non affichées : {} dans d’autres maladies que celle de la question, {} (choisissez-les avec le filtre de maladie)."),
    ("forest.col.n", "n", "n", "n"),
    ("forest.col.weight", "Weight", "Peso", "Poids"),
    ("forest.col.certainty", "Certainty", "Certeza", "Certitude"),
    ("forest.pooled", "Pooled ({}, random effects)", "Combinado ({}, efectos aleatorios)", "Combiné ({}, effets aléatoires)"),
    ("forest.pooled_fixed", "Pooled ({}, fixed effect)", "Combinado ({}, efecto fijo)", "Combiné ({}, effet fixe)"),
    ("forest.prediction", "prediction interval {}", "intervalo de predicción {}", "intervalle de prédiction {}"),
    ("forest.more", "… and {} more results: use the filters, or see them all in the table", "… y {} resultados más: use los filtros o véalos todos en la tabla", "… et {} autres résultats : utilisez les filtres ou voyez-les tous dans le tableau"),
    ("forest.more_poster", "… and {} more results in the interactive chart", "… y {} resultados más en el gráfico interactivo", "… et {} autres résultats dans le graphique interactif"),
    ("forest.empty", "No results to show for this selection.", "No hay resultados para esta selección.", "Aucun résultat pour cette sélection."),
    ("forest.footnote", "Squares: studies (filled when the 95% interval excludes no difference; size = weight). Lines: 95% confidence intervals.",
        "Cuadrados: estudios (rellenos si el intervalo del 95\u{a0}% excluye la ausencia de diferencia; tamaño = peso). Líneas: intervalos de confianza del 95\u{a0}%.",
        "Carrés : études (pleins si l’intervalle à 95\u{202f}% exclut l’absence de différence ; taille = poids). Traits : intervalles de confiance à 95\u{202f}%."),
    // Said only where the forest draws them.
    ("forest.footnote_pooled", "Diamond: pooled estimate.", "Rombo: estimación combinada.", "Losange : estimation combinée."),
    ("forest.footnote_prediction", "Dashed line: prediction interval.", "Línea discontinua: intervalo de predicción.", "Tirets : intervalle de prédiction."),
    ("forest.caveat_note", "† Read these numbers with their note (see the details): they come from a secondary copy rather than the peer-reviewed paper, were worked out from other numbers, or count treatment periods rather than people.", "† Lea estas cifras con su nota (vea los detalles): no proceden del artículo revisado por pares, se calcularon a partir de otras cifras o cuentan periodos de tratamiento en lugar de personas.", "† Lisez ces chiffres avec leur note (voir les détails) : ils ne viennent pas de l’article évalué par des pairs, ont été calculés à partir d’autres chiffres ou comptent des périodes de traitement plutôt que des personnes."),
    ("result.pending", "results pending", "resultados pendientes", "résultats en attente"),
    ("result.one_group", "one group, no comparison", "un solo grupo, sin comparación", "un seul groupe, sans comparaison"),
    ("result.no_numbers", "no numbers reported", "no se informaron cifras", "aucun chiffre rapporté"),
    ("result.no_outcomes", "no outcomes recorded", "sin resultados registrados", "aucun critère enregistré"),
    ("result.not_estimable", "not estimable: its numbers give no effect to compare, so it adds no weight", "no estimable: sus cifras no dan un efecto que comparar, así que no aporta peso", "non estimable : ses chiffres ne donnent aucun effet à comparer, il n’a donc aucun poids"),
    ("result.cannot_show", "cannot be shown: {}", "no se puede mostrar: {}", "ne peut pas être affiché : {}"),
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
    ("map.title", "What evidence exists: design and size of each study", "Qué evidencia existe: diseño y tamaño de cada estudio", "Quelles preuves existent : plan et taille de chaque étude"),
    ("map.x_axis", "Design: weaker → stronger", "Diseño: más débil → más sólido", "Plan d’étude : plus faible → plus solide"),
    ("map.y_axis", "Participants (log scale)", "Participantes (escala log.)", "Participants (échelle log.)"),
    ("map.reviews", "Reviews", "Revisiones", "Revues"),
    ("map.size_unknown", "size not reported", "tamaño no informado", "taille non rapportée"),
    ("map.legend.shape", "Shape: design", "Forma: diseño", "Forme : plan d’étude"),
    ("map.legend.colour", "Colour: result", "Color: resultado", "Couleur : résultat"),
    ("map.note", "Promising results without a comparison group come from the weakest designs.", "Los resultados prometedores sin grupo de comparación provienen de los diseños más débiles.", "Les résultats prometteurs sans groupe de comparaison proviennent des plans les plus faibles."),
    // ---- Benefit and harm (icon arrays).
    ("harms.title", "Out of 100 people: with the treatment and in the comparison group", "De cada 100 personas: con el tratamiento y en el grupo de comparación", "Sur 100 personnes\u{a0}: avec le traitement et dans le groupe de comparaison"),
    ("harms.control", "Comparison group", "Grupo de comparación", "Groupe de comparaison"),
    ("harms.treatment", "With {}", "Con {}", "Avec {}"),
    ("harms.of_100", "{} of 100", "{} de 100", "{} sur 100"),
    ("harms.range", "(range {} to {})", "(rango {} a {})", "(de {} à {})"),
    ("harms.one_group", "{}; no comparison group", "{}; sin grupo de comparación", "{}\u{202f}; sans groupe de comparaison"),
    ("harms.both", "With {} or in the comparison group", "Con {} o en el grupo de comparación", "Avec {} ou dans le groupe de comparaison"),
    ("harms.with_numbers", "{} in the comparison group, {} with the treatment", "{} en el grupo de comparación, {} con el tratamiento", "{} dans le groupe de comparaison, {} avec le traitement"),
    ("harms.no_clear_difference", "No clear difference: the range of likely effects includes no difference, so one array is drawn for both groups.", "Sin diferencia clara: el rango de efectos probables incluye la ausencia de diferencia, así que se dibuja un solo grupo de iconos para ambos.", "Pas de différence nette : l’intervalle des effets probables inclut l’absence de différence, donc un seul ensemble d’icônes est dessiné pour les deux groupes."),
    ("harms.fewer_better", "An event to avoid: fewer is better.", "Un evento que conviene evitar: cuantos menos, mejor.", "Un événement à éviter : moins il y en a, mieux c’est."),
    ("harms.more_better", "A good outcome: more is better.", "Un buen resultado: cuantos más, mejor.", "Un bon résultat : plus il y en a, mieux c’est."),
    ("harms.legend", "Each icon is one person; filled icons had the outcome.", "Cada icono es una persona; los rellenos tuvieron el resultado.", "Chaque icône est une personne ; les icônes pleines ont eu l’événement."),
    ("harms.empty", "No result gives risks per 100 people for this selection.", "Ningún resultado da riesgos por cada 100 personas para esta selección.", "Aucun résultat ne donne de risque pour 100 personnes dans cette sélection."),
    // ---- Claims.
    ("claims.title", "Claims checked against the evidence", "Afirmaciones contrastadas con la evidencia", "Affirmations confrontées aux preuves"),
    ("claims.by", "Claimed by: {}", "Afirmado por: {}", "Affirmé par : {}"),
    ("claims.certainty", "Certainty of the evidence: {}", "Certeza de la evidencia: {}", "Certitude des preuves : {}"),
    ("claims.certainty_supported", "Certainty of the evidence for what is supported: {}", "Certeza de la evidencia de lo que está respaldado: {}", "Certitude des preuves pour ce qui est étayé : {}"),
    ("claims.certainty_of_supported", "{} (for what is supported)", "{} (de lo que está respaldado)", "{} (pour ce qui est étayé)"),
    ("claims.empty", "The dataset has no claims.", "Los datos no contienen afirmaciones.", "Les données ne contiennent aucune affirmation."),
    ("by.clinic", "a clinic", "una clínica", "une clinique"),
    ("by.news", "the news", "la prensa", "la presse"),
    ("by.advocacy", "an advocacy group", "un grupo de defensa", "une association"),
    ("by.researcher", "researchers", "investigadores", "des chercheurs"),
    ("verdict.supported", "Supported", "Respaldada", "Étayée"),
    ("verdict.supported_in_part", "Supported only in part", "Respaldada solo en parte", "Étayée en partie seulement"),
    ("verdict.not_supported", "Not supported", "No respaldada", "Non étayée"),
    ("verdict.contradicted", "Contradicted", "Contradicha", "Contredite"),
    ("verdict.no_controlled_evidence", "No controlled evidence", "Sin evidencia de estudios controlados", "Aucune donnée d’études contrôlées"),
    ("verdict.unverifiable", "Cannot be checked", "No se puede comprobar", "Impossible à vérifier"),
    ("verdict.supported_count.one", "{} supported", "{} respaldada", "{} étayée"),
    ("verdict.supported_count.other", "{} supported", "{} respaldadas", "{} étayées"),
    ("verdict.supported_in_part_count.one", "{} supported only in part", "{} respaldada solo en parte", "{} étayée en partie seulement"),
    ("verdict.supported_in_part_count.other", "{} supported only in part", "{} respaldadas solo en parte", "{} étayées en partie seulement"),
    ("verdict.not_supported_count.one", "{} not supported", "{} no respaldada", "{} non étayée"),
    ("verdict.not_supported_count.other", "{} not supported", "{} no respaldadas", "{} non étayées"),
    ("verdict.contradicted_count.one", "{} contradicted", "{} contradicha", "{} contredite"),
    ("verdict.contradicted_count.other", "{} contradicted", "{} contradichas", "{} contredites"),
    ("verdict.no_controlled_evidence_count.one", "{} with no controlled evidence", "{} sin evidencia de estudios controlados", "{} sans données d’études contrôlées"),
    ("verdict.no_controlled_evidence_count.other", "{} with no controlled evidence", "{} sin evidencia de estudios controlados", "{} sans données d’études contrôlées"),
    ("verdict.unverifiable_count.one", "{} that cannot be checked", "{} que no se puede comprobar", "{} impossible à vérifier"),
    ("verdict.unverifiable_count.other", "{} that cannot be checked", "{} que no se pueden comprobar", "{} impossibles à vérifier"),
    // ---- Funnel.
    ("funnel.title", "Funnel plot: {}", "Gráfico de embudo: {}", "Graphique en entonnoir : {}"),
    ("funnel.x_axis", "Effect ({})", "Efecto ({})", "Effet ({})"),
    ("funnel.y_axis", "Standard error", "Error estándar", "Erreur type"),
    ("funnel.needs", "A funnel plot needs at least 10 studies of one outcome that can be pooled: with fewer, it cannot tell small-study effects from chance (Cochrane Handbook).", "Un gráfico de embudo necesita al menos 10 estudios de un mismo resultado que puedan combinarse: con menos, no distingue los efectos de estudios pequeños del azar (Manual Cochrane).", "Un graphique en entonnoir nécessite au moins 10 études d’un même critère pouvant être combinées : avec moins, il ne distingue pas l’effet des petites études du hasard (manuel Cochrane)."),
    ("funnel.observed", "studies", "estudios", "études"),
    ("funnel.filled", "imputed by trim-and-fill ({})", "imputados por trim-and-fill ({})", "imputées par trim-and-fill ({})"),
    ("funnel.region", "pseudo 95% region", "región pseudo 95\u{a0}%", "région pseudo 95\u{202f}%"),
    ("funnel.estimate", "pooled estimate {}", "estimación combinada {}", "estimation combinée {}"),
    // ---- The appraisal's sentences (named placeholders). GRADE's statements as Cochrane's
    // plain-language summaries word them (Santesso et al. 2020, and the Spanish and French
    // translations Cochrane publishes).
    ("stmt.subject", "{therapy}", "el tratamiento con {therapy}", "le traitement par {therapy}"),
    // An outcome as the object of a statement: a count of people by the number of them ("the
    // number of patients with …"); any other without the data's article (`Outcome::article`,
    // which depends on the noun's gender) named in Spanish and French as what it is, quoted. The
    // heads that make a count, each language's, separated by "|".
    ("stmt.object", "{outcome}", "el resultado «{outcome}»", "le critère «\u{a0}{outcome}\u{a0}»"),
    // An outcome after a verb or preposition of its own ("still affected by"), without the
    // data's article: quoted in Spanish and French, as a name (`text::outcome_named`).
    ("stmt.named", "{outcome}", "«{outcome}»", "«\u{a0}{outcome}\u{a0}»"),
    ("stmt.object_count", "the number of {outcome}", "el número de {outcome}", "le nombre de {outcome}"),
    ("stmt.count_heads", "patients with|people with|participants with|subjects with", "pacientes con|personas con|participantes con|sujetos con", "patients ayant|personnes ayant|participants ayant|patients avec|personnes avec|participants avec"),
    ("stmt.very_low", "The evidence is very uncertain about the effect of {therapy} on {outcome}.", "La evidencia es muy incierta acerca del efecto de {therapy} sobre {outcome}.", "Les données probantes sont très incertaines quant à l’effet de {therapy} sur {outcome}."),
    ("stmt.high.reduce.one", "{therapy} reduces {outcome}.", "{therapy} reduce {outcome}.", "{therapy} réduit {outcome}."),
    ("stmt.high.reduce.other", "{therapy} reduce {outcome}.", "{therapy} reducen {outcome}.", "{therapy} réduisent {outcome}."),
    ("stmt.high.increase.one", "{therapy} increases {outcome}.", "{therapy} aumenta {outcome}.", "{therapy} augmente {outcome}."),
    ("stmt.high.increase.other", "{therapy} increase {outcome}.", "{therapy} aumentan {outcome}.", "{therapy} augmentent {outcome}."),
    ("stmt.high.none.one", "{therapy} results in little or no difference in {outcome}.", "{therapy} produce poca o ninguna diferencia en {outcome}.", "{therapy} n’entraîne que peu ou pas de différence sur {outcome}."),
    ("stmt.high.none.other", "{therapy} result in little or no difference in {outcome}.", "{therapy} producen poca o ninguna diferencia en {outcome}.", "{therapy} n’entraînent que peu ou pas de différence sur {outcome}."),
    ("stmt.moderate.reduce.one", "{therapy} probably reduces {outcome}.", "{therapy} probablemente reduce {outcome}.", "{therapy} réduit probablement {outcome}."),
    ("stmt.moderate.reduce.other", "{therapy} probably reduce {outcome}.", "{therapy} probablemente reducen {outcome}.", "{therapy} réduisent probablement {outcome}."),
    ("stmt.moderate.increase.one", "{therapy} probably increases {outcome}.", "{therapy} probablemente aumenta {outcome}.", "{therapy} augmente probablement {outcome}."),
    ("stmt.moderate.increase.other", "{therapy} probably increase {outcome}.", "{therapy} probablemente aumentan {outcome}.", "{therapy} augmentent probablement {outcome}."),
    ("stmt.moderate.none.one", "{therapy} probably results in little or no difference in {outcome}.", "{therapy} probablemente produce poca o ninguna diferencia en {outcome}.", "{therapy} n’entraîne probablement que peu ou pas de différence sur {outcome}."),
    ("stmt.moderate.none.other", "{therapy} probably result in little or no difference in {outcome}.", "{therapy} probablemente producen poca o ninguna diferencia en {outcome}.", "{therapy} n’entraînent probablement que peu ou pas de différence sur {outcome}."),
    ("stmt.low.reduce.one", "{therapy} may reduce {outcome}.", "{therapy} puede reducir {outcome}.", "{therapy} pourrait réduire {outcome}."),
    ("stmt.low.reduce.other", "{therapy} may reduce {outcome}.", "{therapy} pueden reducir {outcome}.", "{therapy} pourraient réduire {outcome}."),
    ("stmt.low.increase.one", "{therapy} may increase {outcome}.", "{therapy} puede aumentar {outcome}.", "{therapy} pourrait augmenter {outcome}."),
    ("stmt.low.increase.other", "{therapy} may increase {outcome}.", "{therapy} pueden aumentar {outcome}.", "{therapy} pourraient augmenter {outcome}."),
    ("stmt.low.none.one", "{therapy} may result in little or no difference in {outcome}.", "{therapy} puede producir poca o ninguna diferencia en {outcome}.", "{therapy} pourrait n’entraîner que peu ou pas de différence sur {outcome}."),
    ("stmt.low.none.other", "{therapy} may result in little or no difference in {outcome}.", "{therapy} pueden producir poca o ninguna diferencia en {outcome}.", "{therapy} pourraient n’entraîner que peu ou pas de différence sur {outcome}."),
    ("stmt.single_arm_attributed", "This study had no comparison group; it counted {outcome} as caused by {therapy}, as its investigators judged.", "Este estudio no tuvo grupo de comparación; sus investigadores juzgaron qué casos de «{outcome}» causó {therapy}.", "Cette étude n’avait pas de groupe de comparaison\u{202f}; ses investigateurs ont jugé quels cas de «\u{a0}{outcome}\u{a0}» {therapy} avait causés."),
    ("stmt.single_arm_review_attributed", "The studies in this review had no comparison group; they counted {outcome} as caused by {therapy}, as their investigators judged.", "Los estudios de esta revisión no tuvieron grupo de comparación; sus investigadores juzgaron qué casos de «{outcome}» causó {therapy}.", "Les études de cette revue n’avaient pas de groupe de comparaison\u{202f}; leurs investigateurs ont jugé quels cas de «\u{a0}{outcome}\u{a0}» {therapy} avait causés."),
    ("stmt.single_arm", "This study had no comparison group, so it cannot show what part {therapy} played in {outcome}.", "Este estudio no tuvo grupo de comparación, por lo que no puede mostrar qué papel tuvo {therapy} en {outcome}.", "Cette étude n’avait pas de groupe de comparaison : elle ne peut donc pas montrer quel rôle {therapy} a joué dans {outcome}."),
    ("stmt.single_arm_review", "The studies in this review had no comparison group, so they cannot show what part {therapy} played in {outcome}.", "Los estudios de esta revisión no tuvieron grupo de comparación, por lo que no pueden mostrar qué papel tuvo {therapy} en {outcome}.", "Les études de cette revue n’avaient pas de groupe de comparaison : elles ne peuvent donc pas montrer quel rôle {therapy} a joué dans {outcome}."),
    ("num.not_available", "not available", "no disponible", "non disponible"),
    ("effect.describe", "{measure} {estimate} (95% CI {lower} to {upper})", "{measure} {estimate} (IC del 95\u{a0}%: {lower} a {upper})", "{measure} {estimate} (IC à 95\u{202f}% : {lower} à {upper})"),
    // ---- Reasons of a GRADE rating, one step each.
    ("reason.no_comparison", "{design} with no comparison group: we cannot tell what would have happened to these people without {therapy}", "{design} sin grupo de comparación: no podemos saber qué les habría pasado a estas personas sin {therapy}", "{design} sans groupe de comparaison : on ne peut pas savoir ce qui serait arrivé à ces personnes sans {therapy}"),
    ("reason.review_single_arm", "The review pooled studies that had no comparison group, so it is no stronger than they are", "La revisión combinó estudios sin grupo de comparación, así que no es más sólida que ellos", "La revue a combiné des études sans groupe de comparaison ; elle n’est donc pas plus solide qu’elles"),
    ("reason.review_observational", "The review pooled observational studies, in which people were not assigned to treatment by chance", "La revisión combinó estudios observacionales, en los que el tratamiento no se asignó al azar", "La revue a combiné des études observationnelles, où le traitement n’était pas attribué au hasard"),
    ("reason.review_one_group", "These numbers describe only people who had the treatment, with no comparison group", "Estas cifras describen solo a personas que recibieron el tratamiento, sin grupo de comparación", "Ces chiffres ne décrivent que des personnes ayant reçu le traitement, sans groupe de comparaison"),
    ("reason.review_unclear", "The review does not say that it pooled only randomised trials, so it starts as observational evidence", "La revisión no dice que combinara solo ensayos aleatorizados, así que parte como evidencia observacional", "La revue ne dit pas n’avoir combiné que des essais randomisés ; elle part donc comme des données observationnelles"),
    ("reason.one_group", "These numbers describe only the people who had {therapy}, with no comparison group", "Estas cifras describen solo a las personas que recibieron {therapy}, sin grupo de comparación", "Ces chiffres ne décrivent que les personnes traitées par {therapy}, sans groupe de comparaison"),
    ("reason.observational", "Observational evidence ({design}): people were not assigned to {therapy} by chance, so the groups may have differed in other ways", "Evidencia observacional ({design}): el tratamiento con {therapy} no se asignó al azar, así que los grupos pudieron diferir en otros aspectos", "Données observationnelles ({design}) : le traitement par {therapy} n’a pas été attribué au hasard, donc les groupes ont pu différer autrement"),
    ("reason.open_label", "Open-label: the people assessing {outcome} knew who had {therapy}", "Abierto: quienes evaluaron el resultado «{outcome}» sabían quién recibió {therapy}", "En ouvert : les personnes évaluant le critère « {outcome} » savaient qui avait été traité par {therapy}"),
    ("reason.participants_blinded", "Only the participants were blinded: the people assessing {outcome} knew who had {therapy}", "Solo los participantes estaban enmascarados: quienes evaluaron el resultado «{outcome}» sabían quién recibió {therapy}", "Seuls les participants étaient en aveugle : les personnes évaluant le critère « {outcome} » savaient qui avait été traité par {therapy}"),
    ("reason.first_period", "Crossover design, but the comparison uses only the first period (between the randomised groups, before the switch), so carry-over cannot bias it", "Diseño cruzado, pero la comparación usa solo el primer periodo (entre los grupos aleatorizados, antes del cambio), así que el efecto residual no puede sesgarla", "Plan croisé, mais la comparaison n’utilise que la première période (entre les groupes randomisés, avant le changement) : l’effet résiduel ne peut donc pas la biaiser"),
    ("reason.crossover", "Crossover design: people had {therapy} and the comparison in turn, so effects can carry over from one period to the next", "Diseño cruzado: las personas recibieron {therapy} y la comparación por turnos, así que los efectos pueden arrastrarse de un periodo al siguiente", "Plan croisé : les personnes ont reçu à tour de rôle {therapy} et la comparaison, donc les effets peuvent se prolonger d’une période à l’autre"),
    ("reason.rob_high", "The review judged this study at high risk of bias for {domains}", "La revisión juzgó este estudio con alto riesgo de sesgo en {domains}", "La revue a jugé cette étude à risque élevé de biais pour {domains}"),
    ("reason.rob_high_counted", "The review also judged this study at high risk of bias for {domains}; counted once, with the concern above", "La revisión también juzgó este estudio con alto riesgo de sesgo en {domains}; se cuenta una sola vez, con la objeción anterior", "La revue a aussi jugé cette étude à risque élevé de biais pour {domains}\u{202f}; compté une seule fois, avec la réserve ci-dessus"),
    ("reason.rob_unclear", "The review judged the risk of bias unclear for {domains}; not rated down for this alone", "La revisión consideró incierto el riesgo de sesgo en {domains}; no se rebaja solo por esto", "La revue a jugé le risque de biais incertain pour {domains}\u{202f}; pas de déclassement pour cette seule raison"),
    ("reason.registry", "The results come from a trial registry record, not from a peer-reviewed paper", "Los resultados proceden de un registro de ensayos, no de un artículo revisado por pares", "Les résultats viennent d’un registre d’essais, non d’un article évalué par des pairs"),
    ("reason.news", "The results come from a news or advocacy summary, not from the peer-reviewed paper", "Los resultados proceden de un resumen de prensa o de una asociación, no del artículo revisado por pares", "Les résultats viennent d’un résumé de presse ou d’association, non de l’article évalué par des pairs"),
    ("reason.marketing", "The numbers come from marketing by someone selling the treatment, not from a study report", "Las cifras proceden de la publicidad de alguien que vende el tratamiento, no de un informe de estudio", "Les chiffres viennent de la publicité d’un vendeur du traitement, non d’un rapport d’étude"),
    ("reason.crosses_null", "The result is uncertain: the range of likely effects ({measure} from {lower} to {upper}) includes no effect", "El resultado es incierto: el rango de efectos probables ({measure} de {lower} a {upper}) incluye la ausencia de efecto", "Le résultat est incertain : l’intervalle des effets probables ({measure} de {lower} à {upper}) inclut l’absence d’effet"),
    ("reason.both_ways", "The result is very uncertain: the range of likely effects ({measure} from {lower} to {upper}) includes no effect, and both an important benefit and an important harm", "El resultado es muy incierto: el rango de efectos probables ({measure} de {lower} a {upper}) incluye la ausencia de efecto, y tanto un beneficio importante como un daño importante", "Le résultat est très incertain\u{a0}: l’intervalle des effets probables ({measure} de {lower} à {upper}) inclut l’absence d’effet, ainsi qu’un bénéfice et un effet néfaste importants"),
    ("reason.few_people", "Only {n} people took part, too few for a reliable answer", "Solo participaron {n} personas, demasiado pocas para una respuesta fiable", "Seules {n} personnes ont participé, trop peu pour une réponse fiable"),
    ("reason.below_ois.risk", "Only {n} people took part, fewer than the {ois} that one trial would need to detect a {change} relative reduction (GRADE's optimal information size)", "Solo participaron {n} personas, menos de las {ois} que necesitaría un ensayo para detectar una reducción relativa del {change} (el tamaño óptimo de información de GRADE)", "Seules {n} personnes ont participé, moins que les {ois} qu’il faudrait à un essai pour détecter une réduction relative de {change} (la taille optimale d’information de GRADE)"),
    ("reason.below_ois.mean", "Only {n} people took part, fewer than the {ois} that GRADE's rule of thumb asks of a result measured on a scale (its optimal information size)", "Solo participaron {n} personas, menos de las {ois} que la regla práctica de GRADE pide a un resultado medido en una escala (su tamaño óptimo de información)", "Seules {n} personnes ont participé, moins que les {ois} que la règle empirique de GRADE demande à un résultat mesuré sur une échelle (sa taille optimale d’information)"),
    ("reason.few_events.one", "Only {n} person had the outcome, too few for a reliable answer", "Solo {n} persona tuvo el resultado, demasiado poco para una respuesta fiable", "Seule {n} personne a eu l’événement, trop peu pour une réponse fiable"),
    ("reason.few_events.other", "Only {n} people had the outcome, too few for a reliable answer", "Solo {n} personas tuvieron el resultado, demasiado pocas para una respuesta fiable", "Seules {n} personnes ont eu l’événement, trop peu pour une réponse fiable"),
    ("reason.few_non_events.one", "Only {n} person did not have the outcome, too few for a reliable answer", "Solo {n} persona no tuvo el resultado, demasiado poco para una respuesta fiable", "Seule {n} personne n’a pas eu l’événement, trop peu pour une réponse fiable"),
    ("reason.few_non_events.other", "Only {n} people did not have the outcome, too few for a reliable answer", "Solo {n} personas no tuvieron el resultado, demasiado pocas para una respuesta fiable", "Seules {n} personnes n’ont pas eu l’événement, trop peu pour une réponse fiable"),
    ("reason.periods_interval", "The interval counts treatment periods as if they were independent people, so it is narrower than the evidence allows (\"{caveat}\")", "El intervalo cuenta periodos de tratamiento como si fueran personas independientes, así que es más estrecho de lo que la evidencia permite («{caveat}»)", "L’intervalle compte des périodes de traitement comme des personnes indépendantes ; il est donc plus étroit que ne le permettent les données (« {caveat} »)"),
    ("reason.words_only", "Reported without an effect and interval that can be analysed, so the size of the effect and how precise it is cannot be judged", "Publicado sin un efecto ni un intervalo analizables, así que no pueden juzgarse el tamaño del efecto ni su precisión", "Rapporté sans effet ni intervalle analysables\u{a0}: ni l’ampleur de l’effet ni sa précision ne peuvent être jugées"),
    ("reason.surrogate", "“{outcome}” stands in for {target}, which is what matters to patients, and does not always predict it", "«{outcome}» es una variable subrogada de «{target}», que es lo que importa a los pacientes, y no siempre predice ese resultado", "«\u{a0}{outcome}\u{a0}» est un critère de substitution de «\u{a0}{target}\u{a0}», celui qui compte pour les patients, et ne prédit pas toujours ce critère"),
    ("reason.surrogate_unknown", "“{outcome}” is measured on tests or scans, not something patients feel", "«{outcome}» se mide con pruebas o imágenes, no es algo que los pacientes noten", "«\u{a0}{outcome}\u{a0}» se mesure par des examens ou de l’imagerie, ce n’est pas ce que ressentent les patients"),
    ("reason.mixed_population", "The study included people with other conditions as well ({condition}), so the results may not apply to people with {question}", "El estudio incluyó también a personas con otras enfermedades ({condition}), así que los resultados pueden no aplicarse a personas con {question}", "L’étude incluait aussi des personnes atteintes d’autres maladies ({condition}) ; les résultats peuvent donc ne pas s’appliquer aux personnes atteintes de {question}"),
    ("reason.other_condition", "The study was in people with {condition}, not {question}, so the results may not apply", "El estudio se hizo en personas con {condition}, no con {question}, así que los resultados pueden no aplicarse", "L’étude portait sur des personnes atteintes de {condition}, non de {question} ; les résultats peuvent donc ne pas s’appliquer"),
    ("reason.publication_bias", "The source's authors suspect that small studies with less favourable results went unpublished or unreported", "Los autores de la fuente sospechan que estudios pequeños con resultados menos favorables quedaron sin publicar o sin informar", "Les auteurs de la source soupçonnent que de petites études aux résultats moins favorables n’ont pas été publiées ou rapportées"),
    ("reason.publication_bias_said", "The source's authors suspect small-study effects: {words}", "Los autores de la fuente sospechan efectos de estudios pequeños: {words}", "Les auteurs de la source soupçonnent des effets des petites études\u{a0}: {words}"),
    ("reason.small_series", "The review pooled small uncontrolled series, which are more often published when their results look good", "La revisión combinó pequeñas series sin control, que se publican más a menudo cuando sus resultados parecen buenos", "La revue a combiné de petites séries sans contrôle, plus souvent publiées quand leurs résultats semblent bons"),
    ("reason.very_large_effect", "Very large effect", "Efecto muy grande", "Effet très important"),
    ("reason.large_effect", "Large effect", "Efecto grande", "Effet important"),
    ("reason.large_not_up_rob_rct", "{size} ({measure} {estimate}), but not rated up: randomised evidence already starts at high, and this was rated down for risk of bias", "{size} ({measure} {estimate}), pero no se eleva: la evidencia aleatorizada ya parte de alta, y se bajó por riesgo de sesgo", "{size} ({measure} {estimate}), mais pas de relèvement : les données randomisées partent déjà d’un niveau élevé, et le niveau a été abaissé pour risque de biais"),
    ("reason.large_not_up_rct", "{size} ({measure} {estimate}); randomised evidence already starts at high, so it is not rated up", "{size} ({measure} {estimate}); la evidencia aleatorizada ya parte de alta, así que no se eleva", "{size} ({measure} {estimate}) ; les données randomisées partent déjà d’un niveau élevé, donc pas de relèvement"),
    ("reason.large_not_up_rob", "{size} ({measure} {estimate}), but not rated up because of the risk of bias", "{size} ({measure} {estimate}), pero no se eleva por el riesgo de sesgo", "{size} ({measure} {estimate}), mais pas de relèvement à cause du risque de biais"),
    ("reason.large_up", "{size} ({measure} {estimate}): too large to be explained by bias alone, so rated up", "{size} ({measure} {estimate}): demasiado grande para explicarse solo por sesgos, así que se eleva", "{size} ({measure} {estimate}) : trop important pour s’expliquer par des biais seuls, donc relevé"),
    ("reason.capped_down", " (not rated down further: this concern is already counted at the most two levels)", " (no se baja más: esta preocupación ya cuenta con el máximo de dos niveles)", " (pas d’abaissement supplémentaire : ce problème compte déjà pour le maximum de deux niveaux)"),
    ("reason.capped_up", " (not rated up further: at most two levels)", " (no se eleva más: como máximo dos niveles)", " (pas de relèvement supplémentaire : deux niveaux au plus)"),
    // ---- Absolute effects and numbers needed to treat.
    ("nnt.nnt", "NNT", "NNT", "NST"),
    ("nnt.nnh", "NNH", "NND", "NNN"),
    ("nnt.fewer", "fewer", "menos", "de moins"),
    ("nnt.more", "more", "más", "de plus"),
    ("nnt.none", "No difference between the groups, so there is no number needed to treat (it would be infinite) for the outcome “{outcome}”.", "No hay diferencia entre los grupos, así que no hay número necesario a tratar (sería infinito) para el resultado «{outcome}».", "Aucune différence entre les groupes : il n’y a donc pas de nombre de sujets à traiter (il serait infini) pour le critère « {outcome} »."),
    ("nnt.ci", " (95% CI {lower} to {upper})", " (IC del 95\u{a0}%: {lower} a {upper})", " (IC à 95\u{202f}% : {lower} à {upper})"),
    ("nnt.value", "{kind} {n}{ci}: treating {n} people with {therapy} means one {direction} person with the outcome “{outcome}”.", "{kind} {n}{ci}: tratar a {n} personas con {therapy} significa una persona {direction} con el resultado «{outcome}».", "{kind} {n}{ci} : traiter {n} personnes par {therapy} signifie une personne {direction} pour le critère « {outcome} »."),
    ("nnt.not_meaningful", "{kind} {n}{ci}: treating {n} people with {therapy} would mean one {direction} person with the outcome “{outcome}”, but the 95% interval includes no difference, so this number is not meaningful: it could be infinite, and the treatment could help or harm.", "{kind} {n}{ci}: tratar a {n} personas con {therapy} significaría una persona {direction} con el resultado «{outcome}», pero el intervalo del 95\u{a0}% incluye la ausencia de diferencia, así que esta cifra no tiene sentido: podría ser infinita, y el tratamiento podría ayudar o perjudicar.", "{kind} {n}{ci} : traiter {n} personnes par {therapy} signifierait une personne {direction} pour le critère « {outcome} », mais l’intervalle à 95\u{202f}% inclut l’absence de différence : ce nombre n’a donc pas de sens, il pourrait être infini, et le traitement pourrait aider ou nuire."),
    ("abs.same", "about the same", "aproximadamente las mismas", "à peu près autant"),
    ("abs.fewer", "{n} fewer", "{n} menos", "{n} de moins"),
    ("abs.more", "{n} more", "{n} más", "{n} de plus"),
    ("abs.change_ci", "{change}; 95% CI {lower} to {upper}", "{change}; IC del 95\u{a0}%: {lower} a {upper}", "{change}\u{202f}; IC à 95\u{202f}%\u{a0}: {lower} à {upper}"),
    ("abs.hr_note", " These numbers come from the hazard ratio and assume the same follow-up time.", " Estas cifras proceden del cociente de riesgos instantáneos y suponen el mismo tiempo de seguimiento.", " Ces chiffres viennent du rapport des risques instantanés et supposent la même durée de suivi."),
    ("abs.hr_note_time", " These numbers come from the hazard ratio, assuming its effect held over {time}.", " Estas cifras se calculan a partir del cociente de riesgos instantáneos, suponiendo que su efecto se mantuviera durante {time}.", " Ces chiffres viennent du rapport des risques instantanés, en supposant que son effet se soit maintenu sur {time}."),
    ("abs.comparative", "{outcome}: out of 1,000 people, about {without} in the comparison group and about {with} (95% CI {lower} to {upper}) with {therapy} ({change}). Out of 100: {without100} in the comparison group, {with100} with it.{hr_note}", "{outcome}: de cada 1000 personas, unas {without} en el grupo de comparación y unas {with} (IC del 95\u{a0}%: {lower} a {upper}) entre las tratadas con {therapy} ({change}). De cada 100: {without100} en el grupo de comparación, {with100} con el tratamiento.{hr_note}", "{outcome} : sur 1000 personnes, environ {without} dans le groupe de comparaison et environ {with} (IC à 95\u{202f}% : {lower} à {upper}) chez les personnes traitées par {therapy} ({change}). Sur 100 : {without100} dans le groupe de comparaison, {with100} avec le traitement.{hr_note}"),
    ("abs.comparative_short", "{outcome}: out of 100 people, about {without100} in the comparison group and about {with100} with {therapy}{ci100}.", "{outcome}: de cada 100 personas, alrededor de {without100} en el grupo de comparación y alrededor de {with100} entre las tratadas con {therapy}{ci100}.", "{outcome}\u{a0}: sur 100 personnes, environ {without100} dans le groupe de comparaison et environ {with100} chez les personnes traitées par {therapy}{ci100}."),
    ("abs.within", "{outcome} within {time}", "{outcome} a {time}", "{outcome} à {time}"),
    ("abs.observed_none", " In the study, none of the {n} people who had {therapy} had it; the number with {therapy} is worked out from the ratio.", " En el estudio, ninguna de las {n} personas tratadas con {therapy} lo tuvo; la cifra con {therapy} se calcula a partir de la medida relativa.", " Dans l’étude, aucune des {n} personnes traitées par {therapy} ne l’a eu\u{202f}; le chiffre avec {therapy} est calculé à partir de la mesure relative."),
    ("abs.baseline_basis", " Where the comparison group's risk comes from: {basis}.", " De dónde procede el riesgo del grupo de comparación: {basis}.", " D’où vient le risque du groupe de comparaison\u{a0}: {basis}."),
    ("abs.about", "about {n}", "alrededor de {n}", "environ {n}"),
    ("abs.none_seen.one", " No such case in {people} person: a risk of up to {bound} in 100 cannot be ruled out{narrower}.", " Ningún caso en {people} persona: no se puede descartar un riesgo de hasta {bound} de cada 100{narrower}.", " Aucun cas chez {people} personne\u{a0}: un risque allant jusqu’à {bound} sur 100 ne peut pas être exclu{narrower}."),
    ("abs.none_seen.other", " No such case among {people} people: a risk of up to {bound} in 100 cannot be ruled out{narrower}.", " Ningún caso entre {people} personas: no se puede descartar un riesgo de hasta {bound} de cada 100{narrower}.", " Aucun cas parmi {people} personnes\u{a0}: un risque allant jusqu’à {bound} sur 100 ne peut pas être exclu{narrower}."),
    ("abs.narrower", "; the interval given, {lower} to {upper} in 100, is narrower than that number of people can show", "; el intervalo indicado, de {lower} a {upper} de cada 100, es más estrecho de lo que ese número de personas permite mostrar", "\u{202f}; l’intervalle indiqué, de {lower} à {upper} sur 100, est plus étroit que ce que ce nombre de personnes permet de montrer"),
    ("abs.in_per", "{n} in {per}{ci}", "{n} de cada {per}{ci}", "{n} sur {per}{ci}"),
    ("abs.in_per_compared", "{n} in {per} with it{ci} and {without} in the comparison group", "{n} de cada {per} con el tratamiento{ci} y {without} en el grupo de comparación", "{n} sur {per} avec le traitement{ci} et {without} dans le groupe de comparaison"),
    ("abs.ci", " (95% CI {lower} to {upper})", " (IC del 95\u{a0}%: {lower} a {upper})", " (IC à 95\u{202f}% : {lower} à {upper})"),
    ("abs.single_arm_attributed.one", "{outcome}: {n} in 100 people{ci} who had {therapy}; the investigators judged which cases the treatment caused.", "{outcome}: {n} de cada 100 personas{ci} que recibieron {therapy}; los investigadores juzgaron qué casos causó el tratamiento.", "{outcome}\u{a0}: {n} personne traitée par {therapy} sur 100{ci}\u{202f}; les investigateurs ont jugé quels cas le traitement avait causés."),
    ("abs.single_arm_attributed.other", "{outcome}: {n} in 100 people{ci} who had {therapy}; the investigators judged which cases the treatment caused.", "{outcome}: {n} de cada 100 personas{ci} que recibieron {therapy}; los investigadores juzgaron qué casos causó el tratamiento.", "{outcome}\u{a0}: {n} personnes traitées par {therapy} sur 100{ci}\u{202f}; les investigateurs ont jugé quels cas le traitement avait causés."),
    ("abs.single_arm.one", "{outcome}: {n} in 100 people{ci} who had {therapy}. There was no comparison group, so we cannot tell how many would have had this without the treatment.", "{outcome}: {n} de cada 100 personas{ci} que recibieron {therapy}. No hubo grupo de comparación, así que no sabemos cuántas lo habrían tenido sin el tratamiento.", "{outcome}\u{a0}: {n} personne traitée par {therapy} sur 100{ci}. Il n’y avait pas de groupe de comparaison\u{a0}: on ne peut donc pas savoir combien l’auraient eu sans le traitement."),
    ("abs.single_arm.other", "{outcome}: {n} in 100 people{ci} who had {therapy}. There was no comparison group, so we cannot tell how many would have had this without the treatment.", "{outcome}: {n} de cada 100 personas{ci} que recibieron {therapy}. No hubo grupo de comparación, así que no sabemos cuántas lo habrían tenido sin el tratamiento.", "{outcome}\u{a0}: {n} personnes traitées par {therapy} sur 100{ci}. Il n’y avait pas de groupe de comparaison\u{a0}: on ne peut donc pas savoir combien l’auraient eu sans le traitement."),
    ("note.not_a_risk", "a {measure} is not a risk, so it has no numbers per 100 people", "la medida ({measure}) no es un riesgo, así que no tiene cifras por cada 100 personas", "la mesure ({measure}) n’est pas un risque\u{a0}: elle ne donne donc pas de chiffres pour 100 personnes"),
    ("note.baseline_not_applied", "a risk in the comparison group is given, but it cannot be applied to this kind of result, so there are no numbers per 100 people", "se indica un riesgo en el grupo de comparación, pero no se puede aplicar a este tipo de resultado, así que no hay cifras por cada 100 personas", "un risque dans le groupe de comparaison est indiqué, mais il ne peut pas s’appliquer à ce type de résultat\u{a0}: il n’y a donc pas de chiffres pour 100 personnes"),
    ("note.no_baseline", "no baseline risk is known (no control-group counts, and none given), so there are no numbers per 100 people", "no se conoce el riesgo basal (no hay recuentos del grupo de control ni se indicó ninguno), así que no hay cifras por cada 100 personas", "le risque de base n’est pas connu (ni effectifs du groupe témoin, ni valeur indiquée)\u{a0}: il n’y a donc pas de chiffres pour 100 personnes"),
    ("note.baselines_differ", "the studies give different risks in the comparison group (or for different times), so there is no one risk to start from and no numbers per 100 people", "los estudios indican riesgos distintos en el grupo de comparación (o para plazos distintos), así que no hay un único riesgo de partida ni cifras por cada 100 personas", "les études indiquent des risques différents dans le groupe de comparaison (ou pour des durées différentes)\u{a0}: il n’y a donc pas de risque de départ unique, ni de chiffres pour 100 personnes"),
    ("note.periods", "the counts are of treatment periods, not of people, so there are no numbers per 100 people", "los recuentos son de periodos de tratamiento, no de personas, así que no hay cifras por cada 100 personas", "les effectifs portent sur des périodes de traitement, pas sur des personnes\u{a0}: il n’y a donc pas de chiffres pour 100 personnes"),
    ("note.periods_counts", "out of 100 treatment periods, about {control} in the comparison group and about {treated} with {therapy}; the counts are of treatment periods, not of people", "de cada 100 periodos de tratamiento, alrededor de {control} en el grupo de comparación y alrededor de {treated} con {therapy}; los recuentos son de periodos de tratamiento, no de personas", "sur 100 périodes de traitement, environ {control} dans le groupe de comparaison et environ {treated} avec {therapy}\u{202f}; les effectifs portent sur des périodes de traitement, pas sur des personnes"),
    ("note.extreme_baseline", "no one (or everyone) in the comparison group had it, and a ratio cannot change a risk of 0 (or 100) in 100, so there are no numbers per 100 people from it", "en el grupo de comparación nadie lo tuvo (o todos lo tuvieron), y una medida relativa no puede cambiar un riesgo de 0 (o de 100) de cada 100, así que no permite obtener cifras por cada 100 personas", "dans le groupe de comparaison, personne ne l’a eu (ou tout le monde l’a eu), et une mesure relative ne peut pas changer un risque de 0 (ou de 100) sur 100\u{a0}: elle ne donne donc pas de chiffres pour 100 personnes"),
    ("note.no_absolute", "the numbers per 100 people could not be computed", "no se pudieron calcular las cifras por cada 100 personas", "les chiffres pour 100 personnes n’ont pas pu être calculés"),
    ("note.not_proportion", "no comparison group, and the numbers are not a proportion", "sin grupo de comparación, y las cifras no son una proporción", "pas de groupe de comparaison, et les chiffres ne sont pas une proportion"),
    ("note.interval_not_95", "the interval was given at another level than 95%, and for a proportion of 0 or 1 it cannot be taken to 95% without the number of people, so none is shown", "el intervalo se dio con un nivel distinto del 95\u{a0}%, y para una proporción de 0 o 1 no puede convertirse al 95\u{a0}% sin el número de personas, así que no se muestra ninguno", "l’intervalle a été donné à un niveau autre que 95\u{202f}%, et pour une proportion de 0 ou 1 il ne peut pas être ramené à 95\u{202f}% sans le nombre de personnes\u{a0}: aucun intervalle n’est donc affiché"),
    ("note.no_interval", "no interval and no number of people were given, so the proportion has no confidence interval", "no se dio intervalo ni número de personas, así que la proporción no tiene intervalo de confianza", "ni intervalle ni nombre de personnes n’ont été donnés\u{a0}: la proportion n’a donc pas d’intervalle de confiance"),
    ("note.not_rated_yet", "not rated yet: results pending", "aún sin calificar: resultados pendientes", "pas encore évalué\u{a0}: résultats en attente"),
    ("note.no_data", "no data", "sin datos", "pas de données"),
    ("note.no_analysable", "no analysable numbers", "sin cifras analizables", "pas de chiffres analysables"),
    ("note.not_analysable", "the numbers could not be analysed: {why}", "no se pudieron analizar las cifras: {why}", "les chiffres n’ont pas pu être analysés\u{a0}: {why}"),
    ("appraisal.pending", "Results are not available yet: the study is still running.", "Aún no hay resultados: el estudio sigue en curso.", "Les résultats ne sont pas encore disponibles : l’étude est en cours."),
    ("appraisal.no_results", "No results were reported.", "No se informaron resultados.", "Aucun résultat n’a été rapporté."),
    ("appraisal.not_analysable", "The numbers could not be analysed.", "No se pudieron analizar las cifras.", "Les chiffres n’ont pas pu être analysés."),
    ("appraisal.in_words", "Reported in a form we cannot analyse: {text}", "Resultado comunicado en una forma que no podemos analizar: {text}", "Résultat rapporté sous une forme que nous ne pouvons pas analyser\u{a0}: {text}"),
    // ---- Pooled bodies of evidence.
    ("pool.refused", "These studies were not pooled: {why}.", "Estos estudios no se combinaron: {why}.", "Ces études n’ont pas été combinées : {why}."),
    ("pool.none", "No studies to pool.", "No hay estudios que combinar.", "Aucune étude à combiner."),
    ("pool.no_studies", "no studies", "sin estudios", "aucune étude"),
    ("pool.the_treatments", "the treatments", "los tratamientos", "les traitements"),
    ("pool.all_observational", "All the studies are observational: people were not assigned to treatment by chance", "Todos los estudios son observacionales: el tratamiento no se asignó al azar", "Toutes les études sont observationnelles : le traitement n’a pas été attribué au hasard"),
    ("pool.rob_serious", "Most of the weight ({share}%) comes from studies with serious risk-of-bias concerns: {list}", "La mayor parte del peso ({share}\u{a0}%) procede de estudios con problemas graves de riesgo de sesgo: {list}", "L’essentiel du poids ({share}\u{202f}%) vient d’études présentant de sérieux problèmes de risque de biais : {list}"),
    ("pool.rob_most", "Most of the weight ({share}%) comes from studies with risk-of-bias concerns: {list}", "La mayor parte del peso ({share}\u{a0}%) procede de estudios con problemas de riesgo de sesgo: {list}", "L’essentiel du poids ({share}\u{202f}%) vient d’études présentant des problèmes de risque de biais : {list}"),
    ("pool.rob_some", "Some studies had risk-of-bias concerns, but they carry less than half the weight: {list}", "Algunos estudios tenían problemas de riesgo de sesgo, pero pesan menos de la mitad: {list}", "Certaines études présentaient des problèmes de risque de biais, mais elles pèsent moins de la moitié : {list}"),
    ("pool.other_conditions_most", "Most of the weight comes from people with other conditions than {question} ({studies})", "La mayor parte del peso procede de personas con enfermedades distintas de la de la pregunta, {question} ({studies})", "L’essentiel du poids vient de personnes atteintes d’autres maladies que celle de la question, {question} ({studies})"),
    ("pool.other_conditions_some", "Some studies were in people with other conditions than {question} ({studies})", "Algunos estudios se hicieron en personas con enfermedades distintas de la de la pregunta, {question} ({studies})", "Certaines études portaient sur des personnes atteintes d’autres maladies que celle de la question, {question} ({studies})"),
    ("pool.heterogeneity", "The studies' results differ more than chance would explain (I² = {i2}%)", "Los resultados de los estudios difieren más de lo que explicaría el azar (I² = {i2}\u{a0}%)", "Les résultats des études diffèrent plus que le hasard ne l’expliquerait (I² = {i2}\u{202f}%)"),
    ("pool.prediction_interval", "In a new setting the effect could be absent: the prediction interval ({lower} to {upper}) includes no effect", "En un nuevo contexto el efecto podría no existir: el intervalo de predicción ({lower} a {upper}) incluye la ausencia de efecto", "Dans un nouveau contexte, l’effet pourrait être absent : l’intervalle de prédiction ({lower} à {upper}) inclut l’absence d’effet"),
    ("pool.egger", "Smaller studies show different effects from larger ones (Egger's test p = {p}), a sign that some studies may be missing", "Los estudios pequeños muestran efectos distintos de los grandes (prueba de Egger p = {p}), señal de que pueden faltar estudios", "Les petites études montrent des effets différents des grandes (test d’Egger p = {p}), signe que des études manquent peut-être"),
    ("refusal.same_study", "study {study} appears more than once (the same people cannot be counted twice)", "el estudio {study} aparece más de una vez (no se puede contar dos veces a las mismas personas)", "l’étude {study} apparaît plus d’une fois (on ne peut pas compter deux fois les mêmes personnes)"),
    ("refusal.same_trial", "{a} and {b} report the same trial", "{a} y {b} informan del mismo ensayo", "{a} et {b} rapportent le même essai"),
    ("refusal.marketing", "the numbers of {study} come from marketing material", "las cifras de {study} proceden de material publicitario", "les chiffres de {study} viennent de documents publicitaires"),
    ("refusal.all_single_arm", "none of the studies had a comparison group, so pooling them cannot show an effect", "ninguno de los estudios tuvo grupo de comparación, así que combinarlos no puede mostrar un efecto", "aucune des études n’avait de groupe de comparaison : les combiner ne peut donc pas montrer d’effet"),
    ("refusal.mixed_single_arm", "single-arm numbers ({studies}) cannot be pooled with comparisons between groups", "las cifras de un solo grupo ({studies}) no pueden combinarse con comparaciones entre grupos", "les chiffres d’un seul groupe ({studies}) ne peuvent pas être combinés avec des comparaisons entre groupes"),
    ("refusal.mixed_measures", "the studies use different effect measures ({measures})", "los estudios usan medidas de efecto distintas ({measures})", "les études utilisent des mesures d’effet différentes ({measures})"),
    ("refusal.review", "{study} is a review that may already include the other studies", "{study} es una revisión que puede incluir ya los demás estudios", "{study} est une revue qui inclut peut-être déjà les autres études"),
    ("refusal.not_independent", "the counts of {study} are not independent people (\"{caveat}\")", "los recuentos de {study} no son personas independientes («{caveat}»)", "les effectifs de {study} ne sont pas des personnes indépendantes (« {caveat} »)"),
    ("refusal.mixed_therapies", "the studies are of different treatments ({therapies}): a pooled number would describe none of them", "los estudios son de tratamientos distintos ({therapies}): un número combinado no describiría ninguno de ellos", "les études portent sur des traitements différents ({therapies})\u{a0}: un chiffre combiné n’en décrirait aucun"),
    ("refusal.mixed_designs", "randomised and non-randomised evidence are rated separately", "la evidencia aleatorizada y la no aleatorizada se califican por separado", "les données randomisées et non randomisées sont évaluées séparément"),
    ("refusal.effect", "the effect of {study} could not be computed: {why}", "no se pudo calcular el efecto de {study}: {why}", "l’effet de {study} n’a pas pu être calculé : {why}"),
    ("refusal.fit", "the meta-analysis could not be fitted: {why}", "no se pudo ajustar el metaanálisis: {why}", "la méta-analyse n’a pas pu être ajustée : {why}"),
    // ---- Claim checks.
    ("list.and", "and", "y", "et"),
    ("list.or", "or", "o", "ou"),
    ("list.semicolon", "; ", "; ", "\u{202f}; "),
    ("list.more.one", "{} more", "{} más", "{} autre"),
    ("list.more.other", "{} more", "{} más", "{} autres"),
    ("blinding.double", "double-blind", "doble ciego", "en double aveugle"),
    ("blinding.single", "single-blind", "simple ciego", "en simple aveugle"),
    ("blinding.rater", "rater-masked", "con evaluador enmascarado", "à évaluateur en aveugle"),
    ("blinding.open", "open-label", "abierto", "en ouvert"),
    ("role.benefit", "Shows a benefit", "Muestra un beneficio", "Montre un bénéfice"),
    ("role.benefit_very_uncertain", "Very uncertain evidence of a benefit", "Evidencia muy incierta de un beneficio", "Données très incertaines d’un bénéfice"),
    ("role.no_benefit", "Found no clear benefit", "No encontró un beneficio claro", "N’a pas trouvé de bénéfice net"),
    ("role.inconclusive", "Inconclusive", "No concluyente", "Non concluant"),
    ("role.harm", "Shows harm", "Muestra un daño", "Montre un effet néfaste"),
    ("role.serious_harm", "Serious harm reported", "Se informó un daño grave", "Effet indésirable grave rapporté"),
    ("role.no_serious_harm", "No serious harm reported", "No se informó ningún daño grave", "Aucun effet indésirable grave rapporté"),
    ("role.reported", "Reported in a form we cannot analyse", "Resultado comunicado en una forma que no podemos analizar", "Résultat rapporté sous une forme que nous ne pouvons pas analyser"),
    ("role.uncontrolled", "No comparison group", "Sin grupo de comparación", "Sans groupe de comparaison"),
    ("role.marketing", "Marketing, not evidence", "Publicidad, no evidencia", "Publicité, pas une preuve"),
    ("role.matches", "Matches the claimed number", "Coincide con la cifra afirmada", "Correspond au chiffre avancé"),
    ("role.does_not_match", "Does not match the claimed number", "No coincide con la cifra afirmada", "Ne correspond pas au chiffre avancé"),
    ("role.no_result", "No usable result", "Sin resultado utilizable", "Aucun résultat utilisable"),
    ("claim.marketing_material", "marketing material", "material publicitario", "document publicitaire"),
    ("claim.design_blinded", "{blinding} {design}", "{design} {blinding}", "{design} {blinding}"),
    ("claim.pooled_result", "Pooled result of {studies} ({labels})", "Resultado combinado de {studies} ({labels})", "Résultat combiné de {studies} ({labels})"),
    ("claim.interval", "(95% CI {lower} to {upper})", "(IC del 95\u{a0}%: {lower} a {upper})", "(IC à 95\u{202f}% : {lower} à {upper})"),
    ("claim.certainty", " Certainty: {certainty}.", " Certeza: {certainty}.", " Certitude : {certainty}."),
    ("claim.certainty_for_claim", " Certainty for this claim: {certainty}.", " Certeza para esta afirmación: {certainty}.", " Certitude pour cette affirmation\u{a0}: {certainty}."),
    ("claim.indirect", " Only indirectly about the claim: {list}.", " Solo indirectamente relacionado con la afirmación: {list}.", " Ne concerne l’affirmation qu’indirectement : {list}."),
    ("claim.years.one", "{n} year", "{n} año", "{n} an"),
    ("claim.years.other", "{n} years", "{n} años", "{n} ans"),
    ("claim.months.one", "{n} month", "{n} mes", "{n} mois"),
    ("claim.months.other", "{n} months", "{n} meses", "{n} mois"),
    ("claim.derived", " Its numbers were worked out from the published ones.", " Sus cifras se dedujeron de las publicadas.", " Ses chiffres ont été déduits de ceux publiés."),
    ("claim.label_more", "{label}; {about}, {condition})", "{label}; {about}, {condition})", "{label}\u{202f}; {about}, {condition})"),
    ("claim.part", "“{words}” — {summary}", "«{words}» — {summary}", "«\u{a0}{words}\u{a0}» — {summary}"),
    ("claim.about_therapy", " It is about {study_therapy}, not {therapy}.", " Trata de {study_therapy}, no de {therapy}.", " Elle porte sur {study_therapy}, pas sur {therapy}."),
    ("claim.about_condition", " It is about {condition}.", " Trata de {condition}.", " Elle porte sur {condition}."),
    ("claim.cited_marketing", "{study} ({design}) is known only from marketing material, with no numbers that can be checked.", "{study} ({design}) solo se conoce por material publicitario, sin cifras que puedan comprobarse.", "{study} ({design}) n’est connue que par des documents publicitaires, sans chiffres vérifiables."),
    ("claim.cited_no_result", "{study} ({design}) is cited by the claim, but it has no analysable result for it.", "{study} ({design}) se cita en la afirmación, pero no tiene un resultado analizable para ella.", "{study} ({design}) est citée par l’affirmation, mais n’a pas de résultat analysable à ce sujet."),
    ("claim.cited_weak.one", " The study the claim cites, {studies}, had no comparison group; the support comes from other, controlled evidence.", " El estudio que cita la afirmación, {studies}, no tuvo grupo de comparación; el respaldo procede de otra evidencia, controlada.", " L’étude citée par l’affirmation, {studies}, n’avait pas de groupe de comparaison\u{202f}; l’appui vient d’autres données, contrôlées."),
    ("claim.cited_weak.other", " The studies the claim cites, {studies}, had no comparison group; the support comes from other, controlled evidence.", " Los estudios que cita la afirmación, {studies}, no tuvieron grupo de comparación; el respaldo procede de otra evidencia, controlada.", " Les études citées par l’affirmation, {studies}, n’avaient pas de groupe de comparaison\u{202f}; l’appui vient d’autres données, contrôlées."),
    ("indirect.broader_therapy", "{therapies} is broader than {therapy}", "{therapies} es más amplio que {therapy}", "{therapies} est plus large que {therapy}"),
    ("indirect.mixed", "not everyone in {studies} had {condition}", "no todas las personas incluidas en {studies} tenían {condition}", "les personnes incluses dans {studies} n’étaient pas toutes atteintes de {condition}"),
    ("indirect.route_unknown", "{studies} did not report by which route it was given (the claim's: {route})", "{studies}: no consta la vía de administración (la de la afirmación: {route})", "{studies}\u{a0}: la voie d’administration n’est pas indiquée (celle de l’affirmation\u{a0}: {route})"),
    ("indirect.route", "{studies} gave it by another route ({given}) than the claim's ({route})", "{studies} lo administró por otra vía ({given}) distinta de la de la afirmación ({route})", "{studies} l’a administré par une autre voie ({given}) que celle de l’affirmation ({route})"),
    ("indirect.outcome_words", "{outcome} may not be what the claim names ({wanted}): they share only some words", "{outcome} puede no ser lo que nombra la afirmación ({wanted}): solo comparten algunas palabras", "{outcome} n’est peut-être pas ce que nomme l’affirmation ({wanted})\u{a0}: ils n’ont que quelques mots en commun"),
    ("indirect.surrogate", "{outcome} stands in for {target}, and does not always predict it", "«{outcome}» es una variable subrogada de «{target}» y no siempre predice ese resultado", "«\u{a0}{outcome}\u{a0}» est un critère de substitution de «\u{a0}{target}\u{a0}» et ne prédit pas toujours ce critère"),
    ("indirect.time", "{study} covers about {covers}, the claim speaks of {claimed}", "{study} abarca unos {covers}; la afirmación habla de {claimed}", "{study} couvre environ {covers} ; l’affirmation parle de {claimed}"),
    ("verdict.no_studies", "No controlled evidence: the dataset has no studies of {therapy} for this.", "Sin evidencia de estudios controlados: los datos no tienen estudios de {therapy} sobre esto.", "Aucune donnée d’études contrôlées : les données ne contiennent pas d’étude de {therapy} à ce sujet."),
    ("verdict.only_uncontrolled", "No controlled evidence: only studies without a comparison group, results in words or marketing material, which cannot show that the treatment caused the change.", "Sin evidencia de estudios controlados: solo estudios sin grupo de comparación, resultados con palabras o material publicitario, que no pueden mostrar que el tratamiento causara el cambio.", "Aucune donnée d’études contrôlées : seulement des études sans groupe de comparaison, des résultats en mots ou des documents publicitaires, qui ne peuvent pas montrer que le traitement a causé le changement."),
    ("verdict.harm", "Contradicted: controlled evidence ({certainty} certainty) shows harm, not benefit.", "Contradicha: la evidencia controlada (certeza {certainty}) muestra daño, no beneficio.", "Contredite : des données contrôlées (certitude {certainty}) montrent un effet néfaste, pas un bénéfice."),
    ("verdict.null", "Contradicted: the most certain controlled evidence ({certainty} certainty) shows little or no benefit.", "Contradicha: la evidencia controlada más cierta (certeza {certainty}) muestra poco o ningún beneficio.", "Contredite : les données contrôlées les plus certaines (certitude {certainty}) montrent peu ou pas de bénéfice."),
    ("verdict.conflicting", "other controlled evidence of the same certainty ({certainty}) shows little or no benefit", "otra evidencia controlada de la misma certeza ({certainty}) muestra poco o ningún beneficio", "d’autres données contrôlées de même certitude ({certainty}) montrent peu ou pas de bénéfice"),
    ("verdict.only_for", "only for {population}", "solo en este grupo: {population}", "uniquement dans ce groupe : {population}"),
    ("verdict.only_member", "only with {therapy}", "solo con este tratamiento: {therapy}", "uniquement avec ce traitement : {therapy}"),
    ("verdict.not_complete", "the evidence shows an effect, not the complete effect the claim's words promise", "la evidencia muestra un efecto, no el efecto completo que prometen las palabras de la afirmación", "les données montrent un effet, pas l’effet complet que promettent les mots de l’affirmation"),
    ("verdict.observed_only", "in {study}, which had no comparison group, only about {n} in 100 people who had {therapy} had {outcome}", "en {study}, que no tuvo grupo de comparación, solo alrededor del {n}\u{a0}% de las personas tratadas con {therapy} alcanzaron el resultado «{outcome}»", "dans {study}, qui n’avait pas de groupe de comparaison, seules environ {n}\u{202f}% des personnes traitées par {therapy} ont atteint le critère «\u{a0}{outcome}\u{a0}»"),
    ("verdict.observed_still", "in {study}, which had no comparison group, {outcome} still affected about {n} in 100 people who had {therapy}", "en {study}, que no tuvo grupo de comparación, alrededor del {n}\u{a0}% de las personas tratadas con {therapy} aún se vieron afectadas por {outcome}", "dans {study}, qui n’avait pas de groupe de comparaison, environ {n}\u{202f}% des personnes traitées par {therapy} ont encore été concernées par {outcome}"),
    ("verdict.observed_among", "; among those with {people}, about {n} in 100", "; entre las personas con {people}, alrededor del {n}\u{a0}%", "\u{202f}; parmi les personnes atteintes de {people}, environ {n}\u{202f}%"),
    ("verdict.despite", ": {outcome} still affected about {n} in 100 people who had {therapy}{ci}", ": alrededor del {n}\u{a0}%{ci} de las personas tratadas con {therapy} aún se vieron afectadas por {outcome}", "\u{a0}: environ {n}\u{202f}%{ci} des personnes traitées par {therapy} ont encore été concernées par {outcome}"),
    ("verdict.supported_by", "Supported by controlled evidence of {certainty} certainty showing a benefit.", "Respaldada por evidencia controlada de certeza {certainty} que muestra un beneficio.", "Étayée par des données contrôlées de certitude {certainty} montrant un bénéfice."),
    ("verdict.in_part", "Supported only in part. {what}. Certainty: {certainty}.", "Respaldada solo en parte. {what}. Certeza: {certainty}.", "Étayée en partie seulement. {what}. Certitude : {certainty}."),
    ("verdict.others_null", " Controlled studies of {therapy} did not show a clear benefit.", " Los estudios controlados de {therapy} no mostraron un beneficio claro.", " Les études contrôlées de {therapy} n’ont pas montré de bénéfice net."),
    ("verdict.only_very_low", "Not supported: the only controlled evidence of a benefit is of very low certainty.", "No respaldada: la única evidencia controlada de un beneficio es de certeza muy baja.", "Non étayée : les seules données contrôlées d’un bénéfice sont de très faible certitude."),
    ("verdict.also_null", " Controlled evidence from {studies} found no clear benefit.", " La evidencia controlada de {studies} no encontró un beneficio claro.", " Les données contrôlées de {studies} n’ont pas montré de bénéfice net."),
    ("verdict.no_benefit_shown.one", "Not supported: the controlled study did not show a benefit.", "No respaldada: el estudio controlado no mostró un beneficio.", "Non étayée\u{a0}: l’étude contrôlée n’a pas montré de bénéfice."),
    ("verdict.no_benefit_shown.other", "Not supported: the controlled studies did not show a benefit.", "No respaldada: los estudios controlados no mostraron un beneficio.", "Non étayée\u{a0}: les études contrôlées n’ont pas montré de bénéfice."),
    ("safety.route", " by the {route} route", " por vía {route}", " par voie {route}"),
    ("safety.condition", " for {condition}", " con {condition}", " atteintes de {condition}"),
    ("safety.who", "about {n} people treated with {therapy}{route}{condition}", "unas {n} personas{condition} tratadas con {therapy}{route}", "environ {n} personnes{condition} traitées par {therapy}{route}"),
    ("safety.included", " The people of {studies} are counted once, within {review}, which includes them.", " Las personas de {studies} se cuentan una sola vez, dentro de {review}, que las incluye.", " Les personnes de {studies} ne sont comptées qu’une fois, dans {review}, qui les inclut."),
    ("safety.half", " Half of the people in {studies} are counted as treated: how many had the treatment is not given.", " Se cuenta como tratada la mitad de las personas de {studies}: no se indica cuántas recibieron el tratamiento.", " La moitié des personnes de {studies} est comptée comme traitée : le nombre de personnes traitées n’est pas indiqué."),
    ("safety.deaths", "Contradicted: deaths or serious harms were reported in people who had {therapy}.", "Contradicha: se informaron muertes o daños graves en personas que recibieron {therapy}.", "Contredite : des décès ou des effets indésirables graves ont été rapportés chez des personnes traitées par {therapy}."),
    ("safety.harms", "Contradicted: harms were reported in people who had {therapy}.", "Contradicha: se informaron daños en personas que recibieron {therapy}.", "Contredite : des effets indésirables ont été rapportés chez des personnes traitées par {therapy}."),
    ("safety.no_data", "Not supported: there are no harms data to back a claim of safety.", "No respaldada: no hay datos sobre efectos adversos que respalden una afirmación de seguridad.", "Non étayée : aucune donnée sur les effets indésirables n’appuie une affirmation d’innocuité."),
    ("safety.unreadable", "Not supported: the harms data cover {who}, but fewer than 300 of them in counts that could show no one was seriously harmed: the rest are words, or effects without how many treated people were harmed.", "No respaldada: los datos sobre efectos adversos abarcan a {who}, pero menos de 300 de ellas en recuentos que puedan mostrar que nadie sufrió daños graves: el resto son palabras, o efectos sin indicar cuántas personas tratadas sufrieron daños.", "Non étayée\u{a0}: les données sur les effets indésirables portent sur {who}, mais moins de 300 d’entre elles en effectifs qui puissent montrer que personne n’a subi d’effet indésirable grave\u{a0}: le reste est décrit en mots, ou donné en effets sans le nombre de personnes traitées qui en ont subi."),
    ("safety.absolute", "Not supported: no study can show that there is no risk at all; the harms data cover {who}.", "No respaldada: ningún estudio puede mostrar que no haya ningún riesgo; los datos sobre efectos adversos abarcan a {who}.", "Non étayée : aucune étude ne peut montrer qu’il n’y a aucun risque ; les données sur les effets indésirables portent sur {who}."),
    ("safety.sparse", "Not supported: the harms data cover only {who}, too few to rule out uncommon serious harms.", "No respaldada: los datos sobre efectos adversos solo abarcan a {who}, demasiado pocas para descartar efectos adversos graves poco frecuentes.", "Non étayée : les données sur les effets indésirables ne portent que sur {who}, trop peu pour exclure des effets indésirables graves peu fréquents."),
    ("safety.supported", "Supported: no serious harms were reported among {who}.", "Respaldada: no se informaron daños graves entre {who}.", "Étayée : aucun effet indésirable grave n’a été rapporté parmi {who}."),
    ("number.none", "Not supported: the claim gives no number to check.", "No respaldada: la afirmación no da ninguna cifra que comprobar.", "Non étayée : l’affirmation ne donne aucun chiffre à vérifier."),
    ("number.control", " for the comparison group", " para el grupo de comparación", " pour le groupe de comparaison"),
    ("number.both", " for both groups together", " para ambos grupos juntos", " pour les deux groupes ensemble"),
    ("number.range", "{lower} to {upper}", "{lower} a {upper}", "{lower} à {upper}"),
    ("number.range_pooled", "{lower} to {upper}, a 95% interval worked out here by pooling the studies", "{lower} a {upper}, un intervalo del 95\u{a0}% calculado aquí al combinar los estudios", "{lower} à {upper}, un intervalle à 95\u{202f}% calculé ici en combinant les études"),
    ("number.range_means", "{lower} to {upper}, a 95% interval worked out here from the groups' means and standard deviations", "{lower} a {upper}, un intervalo del 95\u{a0}% calculado aquí a partir de las medias y desviaciones estándar de los grupos", "{lower} à {upper}, un intervalle à 95\u{202f}% calculé ici à partir des moyennes et des écarts-types des groupes"),
    ("number.range_se", "{lower} to {upper}, a 95% interval worked out here from the effect and its standard error", "{lower} a {upper}, un intervalo del 95\u{a0}% calculado aquí a partir del efecto y su error estándar", "{lower} à {upper}, un intervalle à 95\u{202f}% calculé ici à partir de l’effet et de son erreur type"),
    ("number.range_counts", "{lower} to {upper}, a 95% interval worked out here from the counts", "{lower} a {upper}, un intervalo del 95\u{a0}% calculado aquí a partir de los recuentos", "{lower} à {upper}, un intervalle à 95\u{202f}% calculé ici à partir des effectifs"),
    ("number.range_level", "{lower} to {upper}, the source's interval at another level, converted here to 95%", "{lower} a {upper}, el intervalo de la fuente a otro nivel, convertido aquí al 95\u{a0}%", "{lower} à {upper}, l’intervalle de la source à un autre niveau, converti ici à 95\u{202f}%"),
    ("number.range_share", "{lower} to {upper}, a 95% interval worked out here from the percentage and the number of people, as the source gives none", "{lower} a {upper}, un intervalo del 95\u{a0}% calculado aquí a partir del porcentaje y del número de personas, porque la fuente no da ninguno", "{lower} à {upper}, un intervalle à 95\u{202f}% calculé ici à partir du pourcentage et du nombre de personnes, la source n’en donnant aucun"),
    ("number.nothing", "Cannot be checked: no evidence in the dataset reports a number to compare with {number}{people}.{range}", "No se puede comprobar: ningún dato del conjunto aporta una cifra comparable a {number}{people}.{range}", "Impossible à vérifier\u{a0}: aucune donnée ne rapporte de chiffre à comparer à {number}{people}.{range}"),
    ("number.uncontrolled", "No controlled evidence: the number {number} matches a study without a comparison group ({range}), which cannot show the treatment caused it.{people}", "Sin evidencia de estudios controlados: la cifra {number} coincide con un estudio sin grupo de comparación ({range}), que no puede mostrar que ese resultado se deba al tratamiento.{people}", "Aucune donnée d’études contrôlées : le chiffre {number} correspond à une étude sans groupe de comparaison ({range}), qui ne peut pas montrer que ce résultat soit dû au traitement.{people}"),
    ("number.inside", "Supported: {number} lies within the interval of the best matching evidence{people} ({range}).", "Respaldada: la cifra {number} está dentro del intervalo de la evidencia que mejor corresponde{people} ({range}).", "Étayée : le chiffre {number} se situe dans l’intervalle des données les plus proches{people} ({range})."),
    ("number.outside", "Contradicted: {number} lies outside the interval of the best matching evidence{people} ({range}).", "Contradicha: la cifra {number} está fuera del intervalo de la evidencia que mejor corresponde{people} ({range}).", "Contredite : le chiffre {number} se situe hors de l’intervalle des données les plus proches{people} ({range})."),
    ("design_words.rct", "randomised trial", "ensayo aleatorizado", "essai randomisé"),
    ("design_words.crossover_rct", "randomised crossover trial", "ensayo aleatorizado cruzado", "essai randomisé croisé"),
    ("design_words.non_randomised_controlled", "non-randomised controlled study", "estudio controlado no aleatorizado", "étude contrôlée non randomisée"),
    ("design_words.single_arm", "single-arm study", "estudio de un solo grupo", "étude à un seul groupe"),
    ("design_words.cohort", "cohort study", "estudio de cohortes", "étude de cohorte"),
    ("design_words.case_series", "case series", "serie de casos", "série de cas"),
    ("design_words.systematic_review", "systematic review", "revisión sistemática", "revue systématique"),
    ("design_words.unknown", "study of unknown design", "estudio de diseño desconocido", "étude de plan inconnu"),
    ("reason.design_unknown", "The design is not given, so the evidence is not rated as randomised", "El diseño no se indica, así que la evidencia no se califica como aleatorizada", "Le plan n’est pas précisé : les données ne sont donc pas évaluées comme randomisées"),

    ("measure.rr", "risk ratio", "riesgo relativo", "risque relatif"),
    ("measure.or", "odds ratio", "odds ratio", "rapport de cotes"),
    ("measure.rd", "risk difference", "diferencia de riesgos", "différence de risque"),
    ("measure.hr", "hazard ratio", "cociente de riesgos instantáneos", "rapport des risques instantanés"),
    ("measure.irr", "rate ratio", "razón de tasas", "rapport de taux"),
    ("measure.md", "mean difference", "diferencia de medias", "différence moyenne"),
    ("measure.smd", "standardised mean difference", "diferencia de medias estandarizada", "différence moyenne standardisée"),
    ("measure.pr", "proportion", "proporción", "proportion"),
    ("measure.gen", "effect", "efecto", "effet"),
    // ---- What the words mean (chart/glossary.rs): a word as the views write it, and its meaning.
    ("gloss.heading", "What the words mean", "Qué significan estas palabras", "Ce que veulent dire ces mots"),
    ("gloss.ci.term", "95% CI", "IC del 95\u{a0}%", "IC à 95\u{202f}%"),
    ("gloss.ci", "the 95% confidence interval, the range of values that fit the results, allowing for chance only. The true value could lie outside it, especially when the studies are small or flawed. A wide range means an uncertain result; a range that includes no difference means the results cannot tell whether there is one.", "el intervalo de confianza del 95\u{a0}%, los valores compatibles con los resultados teniendo en cuenta solo el azar. El valor real podría quedar fuera, sobre todo si los estudios son pequeños o tienen fallos. Un intervalo amplio indica un resultado incierto; un intervalo que incluye la ausencia de diferencia indica que los resultados no permiten saber si la hay.", "l’intervalle de confiance à 95\u{202f}%, la fourchette de valeurs compatibles avec les résultats, compte tenu du seul hasard. La valeur réelle peut se trouver en dehors, surtout si les études sont petites ou imparfaites. Un intervalle large signifie un résultat incertain\u{202f}; un intervalle qui inclut l’absence de différence signifie que les résultats ne permettent pas de dire s’il y en a une."),
    ("gloss.certainty.term", "certainty", "certeza", "certitude"),
    ("gloss.certainty", "how sure we can be that the true effect is close to the one found, rated here high, moderate, low or very low, following GRADE, the method systematic reviews use.", "cuánta seguridad podemos tener de que el efecto real se parece al encontrado, calificada aquí como alta, moderada, baja o muy baja según GRADE, el método que usan las revisiones sistemáticas.", "à quel point on peut être sûr que l’effet réel est proche de celui trouvé, jugée ici élevée, modérée, faible ou très faible selon la méthode GRADE, celle des revues systématiques."),
    ("gloss.randomised.term", "randomised|randomized", "aleatorizado|aleatorizados|aleatorizada|aleatorizadas", "randomisé|randomisés|randomisée|randomisées"),
    ("gloss.randomised", "people were put into the groups by chance, so that the groups are alike and a difference between them is then due to the treatment or to chance.", "las personas se asignaron a los grupos al azar, de modo que los grupos se parecen y una diferencia entre ellos se debe entonces al tratamiento o al azar.", "les personnes ont été réparties dans les groupes par tirage au sort\u{a0}: les groupes se ressemblent, et une différence entre eux est alors due au traitement ou au hasard."),
    ("gloss.rct.term", "RCT", "ECA", "ECR"),
    ("gloss.rct", "a randomised controlled trial: people are put by chance into a group that has the treatment and a comparison group (placebo, sham or another treatment), and the groups are compared.", "un ensayo controlado aleatorizado: las personas se asignan al azar a un grupo que recibe el tratamiento y a un grupo de comparación (placebo, procedimiento simulado u otro tratamiento), y se comparan los grupos.", "un essai contrôlé randomisé\u{a0}: les personnes sont réparties par tirage au sort entre un groupe qui reçoit le traitement et un groupe de comparaison (placebo, procédure simulée ou autre traitement), puis les groupes sont comparés."),
    ("gloss.single_arm.term", "single-arm|single group", "un solo grupo|grupo único", "groupe unique|un seul groupe"),
    ("gloss.single_arm", "everyone in the study had the treatment: there was no comparison group, so the study cannot show what would have happened without it.", "todas las personas del estudio recibieron el tratamiento: no hubo grupo de comparación, así que el estudio no puede mostrar qué habría pasado sin él.", "tout le monde dans l’étude a reçu le traitement\u{a0}: il n’y avait pas de groupe de comparaison, l’étude ne peut donc pas montrer ce qui se serait passé sans lui."),
    ("gloss.placebo.term", "placebo", "placebo", "placebo"),
    ("gloss.placebo", "a dummy treatment that looks like the real one but has no active ingredient, so that people do not know which they had.", "una sustancia inactiva que parece el tratamiento real pero no tiene principio activo, para que las personas no sepan cuál recibieron.", "un faux traitement qui ressemble au vrai mais sans principe actif, pour que les personnes ne sachent pas lequel elles ont reçu."),
    ("gloss.meta_analysis.term", "meta-analysis", "metanálisis|metaanálisis", "méta-analyse"),
    ("gloss.meta_analysis", "a study that combines the results of several studies into one estimate; it is only as good as the studies it combines.", "un estudio que combina los resultados de varios estudios en una sola estimación; solo es tan bueno como los estudios que combina.", "une étude qui combine les résultats de plusieurs études en une seule estimation\u{202f}; elle ne vaut que ce que valent les études qu’elle combine."),
    ("gloss.rr", "the chance of the outcome with the treatment divided by the chance in the comparison group. 1 means no difference, 0.5 half as likely, 2 twice as likely.", "la probabilidad del desenlace con el tratamiento dividida por la del grupo de comparación. 1 significa que no hay diferencia; 0,5, la mitad de probabilidad; 2, el doble.", "le risque de l’événement avec le traitement divisé par celui du groupe de comparaison. 1 signifie aucune différence, 0,5 deux fois moins probable, 2 deux fois plus."),
    ("gloss.or", "like a risk ratio, but comparing odds (the chance that it happens against the chance that it does not). 1 means no difference.", "como el riesgo relativo, pero compara odds (la probabilidad de que ocurra frente a la de que no ocurra). 1 significa que no hay diferencia.", "comme le risque relatif, mais compare des cotes (la probabilité que l’événement survienne rapportée à celle qu’il ne survienne pas). 1 signifie aucune différence."),
    ("gloss.rd", "the chance of the outcome with the treatment minus the chance in the comparison group. 0 means no difference.", "la probabilidad del desenlace con el tratamiento menos la del grupo de comparación. 0 significa que no hay diferencia.", "le risque de l’événement avec le traitement moins celui du groupe de comparaison. 0 signifie aucune différence."),
    ("gloss.hr", "how often the outcome happens with the treatment compared with the comparison group, at any moment of the follow-up. 1 means no difference; below 1, less often with the treatment.", "el ritmo al que ocurre el desenlace con el tratamiento dividido por el del grupo de comparación, en cada momento del seguimiento. 1 significa que no hay diferencia; menos de 1, ocurre con menos frecuencia con el tratamiento.", "la fréquence de l’événement avec le traitement comparée à celle du groupe de comparaison, à chaque instant du suivi. 1 signifie aucune différence\u{202f}; en dessous de 1, moins souvent avec le traitement."),
    ("gloss.irr", "the number of events per person and per unit of time with the treatment divided by the number in the comparison group. 1 means no difference.", "el número de eventos por persona y por unidad de tiempo con el tratamiento dividido por el del grupo de comparación. 1 significa que no hay diferencia.", "le nombre d’événements par personne et par unité de temps avec le traitement divisé par celui du groupe de comparaison. 1 signifie aucune différence."),
    ("gloss.md", "the average with the treatment minus the average in the comparison group, on the outcome’s own scale. 0 means no difference.", "la media con el tratamiento menos la del grupo de comparación, en la escala propia del desenlace. 0 significa que no hay diferencia.", "la moyenne avec le traitement moins celle du groupe de comparaison, sur l’échelle propre du critère. 0 signifie aucune différence."),
    ("gloss.smd", "a mean difference divided by how much people’s results vary, so that studies that use different scales can be combined. 0 means no difference.", "una diferencia de medias dividida por cuánto varían los resultados entre personas, para poder combinar estudios que usan escalas distintas. 0 significa que no hay diferencia.", "une différence moyenne divisée par la dispersion des résultats entre personnes, pour combiner des études qui utilisent des échelles différentes. 0 signifie aucune différence."),
    // ---- The summary view: each therapy's answer.
    ("answer.certainty", "{} certainty", "certeza {}", "certitude {}"),
    ("answer.very_uncertain", "We are very uncertain whether {therapy} helps people with {condition}: the evidence is of very low certainty.", "Es muy incierto si el tratamiento con {therapy} ayuda a las personas con {condition}: la evidencia es de certeza muy baja.", "Il est très incertain que le traitement par {therapy} aide les personnes atteintes de {condition}\u{a0}: les données sont de très faible certitude."),
    ("answer.very_uncertain_any", "We are very uncertain whether {therapy} helps: the evidence is of very low certainty.", "Es muy incierto si el tratamiento con {therapy} ayuda: la evidencia es de certeza muy baja.", "Il est très incertain que le traitement par {therapy} soit utile\u{a0}: les données sont de très faible certitude."),
    ("answer.pending", "No results yet: the studies of {therapy} are still running.", "Aún no hay resultados: los estudios de {therapy} siguen en curso.", "Pas encore de résultats : les études de {therapy} sont en cours."),
    ("answer.harms_only", "The studies of {therapy} here report its harms, not how well it works.", "Los estudios de {therapy} que se muestran aquí informan de sus daños, no de cuánto funciona.", "Les études de {therapy} présentées ici rapportent ses risques, pas son efficacité."),
    ("answer.uncontrolled", "No study of {therapy} with a comparison group has shown how well it works; studies without one cannot show that it caused the changes they report.", "Ningún estudio de {therapy} con grupo de comparación ha mostrado cuánto funciona; los estudios sin él no pueden mostrar que causara los cambios que informan.", "Aucune étude de {therapy} avec groupe de comparaison n’a montré son efficacité ; les études sans groupe de comparaison ne peuvent pas montrer qu’il a causé les changements rapportés."),
    ("answer.no_clear_difference", " The interval includes no difference: no clear difference between the groups.", " El intervalo incluye la ausencia de diferencia: no hay una diferencia clara entre los grupos.", " L’intervalle inclut l’absence de différence : pas de différence nette entre les groupes."),
    ("answer.effect_only", "{measure} {estimate} (95% CI {lower} to {upper}); {why}.", "{measure} {estimate} (IC del 95\u{a0}%: {lower} a {upper}); {why}.", "{measure} {estimate} (IC à 95\u{202f}%\u{a0}: {lower} à {upper})\u{202f}; {why}."),

    ("answer.benefit", "Main benefit", "Beneficio principal", "Bénéfice principal"),
    ("answer.harm", "Main harm", "Daño principal", "Risque principal"),
    ("answer.no_benefit_data", "No study reports a benefit with numbers.", "Ningún estudio informa un beneficio con cifras.", "Aucune étude ne rapporte de bénéfice chiffré."),
    ("answer.no_harm_data", "No study reports harms with numbers.", "Ningún estudio informa daños con cifras.", "Aucune étude ne rapporte de risques chiffrés."),
    ("answer.in_words", "{words} (said only in words, without numbers)", "{words} (solo en el texto, sin cifras)", "{words} (seulement dans le texte, sans chiffres)"),
    ("answer.null_elsewhere", "Controlled results with no clear difference: {results}.", "Resultados controlados sin una diferencia clara: {results}.", "Résultats contrôlés sans différence nette\u{a0}: {results}."),
    ("answer.deaths_elsewhere", "Other results on deaths: {results}.", "Otros resultados sobre muertes: {results}.", "Autres résultats sur les décès\u{a0}: {results}."),
    ("answer.harm_elsewhere", "Other results for the same harm: {results}.", "Otros resultados del mismo daño: {results}.", "Autres résultats pour le même risque\u{a0}: {results}."),
    ("answer.who", "In {studies}: {people} {condition}.", "En {studies}: {people} {condition}.", "Dans {studies}\u{a0}: {people} {condition}."),
    ("answer.who_compared", "In {studies}: {people} {condition}; comparison: {comparator}.", "En {studies}: {people} {condition}; comparación: {comparator}.", "Dans {studies}\u{a0}: {people} {condition}\u{202f}; comparaison\u{a0}: {comparator}."),
    ("answer.who_studies", "In {studies}.", "En {studies}.", "Dans {studies}."),
    ("answer.who_studies_compared", "In {studies}; comparison: {comparator}.", "En {studies}; comparación: {comparator}.", "Dans {studies}\u{202f}; comparaison\u{a0}: {comparator}."),
    ("answer.people_with.one", "{} person with", "{} persona con", "{} personne atteinte de"),
    ("answer.people_with.other", "{} people with", "{} personas con", "{} personnes atteintes de"),
    ("answer.people_with_at_least.one", "at least {} person with", "al menos {} persona con", "au moins {} personne atteinte de"),
    ("answer.people_with_at_least.other", "at least {} people with", "al menos {} personas con", "au moins {} personnes atteintes de"),
    ("answer.people_unknown", "people with", "personas con", "des personnes atteintes de"),
    ("answer.in_population", "In people with {condition}, {statement}", "En personas con {condition}, {statement}", "Chez les personnes atteintes de {condition}, {statement}"),
    ("answer.randomised.one", "{} randomised", "{} aleatorizado", "{} randomisée"),
    ("answer.randomised.other", "{} randomised", "{} aleatorizados", "{} randomisées"),
    ("answer.rests_on", "Rests on {}.", "Se basa en {}.", "Repose sur {}."),
    ("answer.reviews.one", "{} review", "{} revisión", "{} revue"),
    ("answer.reviews.other", "{} reviews", "{} revisiones", "{} revues"),
    ("answer.people.one", "{} person", "{} persona", "{} personne"),
    ("answer.people.other", "{} people", "{} personas", "{} personnes"),
    ("answer.studies.one", "{} study", "{} estudio", "{} étude"),
    ("answer.studies.other", "{} studies", "{} estudios", "{} études"),
    ("answer.ongoing.one", "{} study is still running.", "{} estudio sigue en curso.", "{} étude est en cours."),
    ("answer.ongoing.other", "{} studies are still running.", "{} estudios siguen en curso.", "{} études sont en cours."),
    ("answer.latest", "Most recent: {}.", "Más reciente: {}.", "La plus récente : {}."),
    ("answer.sources", "Sources: {}.", "Fuentes: {}.", "Sources : {}."),
    ("answer.claims_checked", "Claims checked: {}.", "Afirmaciones contrastadas: {}.", "Affirmations vérifiées : {}."),
    ("therapy.unnamed", "This treatment", "Este tratamiento", "Ce traitement"),
    ("answer.empty", "No therapy in this data is studied in the question's condition.", "Ningún tratamiento de estos datos se estudió en la enfermedad de la pregunta.", "Aucun traitement de ces données n’est étudié dans la maladie de la question."),
    ("answer.empty_filtered", "Among the studies these filters keep, no therapy is studied in the question's condition.", "Entre los estudios que dejan estos filtros, ningún tratamiento se estudió en la enfermedad de la pregunta.", "Parmi les études que retiennent ces filtres, aucun traitement n’est étudié dans la maladie de la question."),
    ("answer.title_best", "{}; for the other treatments for {}, the evidence is uncertain or shows no clear benefit.", "{}; para los demás tratamientos de {}, la evidencia es incierta o no muestra un beneficio claro.", "{} ; pour les autres traitements de {}, les preuves sont incertaines ou ne montrent pas de bénéfice net."),
    ("answer.title_uncertain", "For {}, the evidence on every treatment here is uncertain.", "{}: la evidencia sobre todos estos tratamientos es incierta.", "{}\u{a0}: les preuves sur chacun de ces traitements sont incertaines."),
    ("answer.title_uncertain_all", "The evidence on every treatment here is uncertain.", "La evidencia sobre todos estos tratamientos es incierta.", "Les preuves sur chacun de ces traitements sont incertaines."),
    ("summary.summary", "Summary of {} treatments.", "Resumen de {} tratamientos.", "Résumé de {} traitements."),
    // ---- Summaries (aria-label).
    ("summary.forest", "Forest plot of {results} from {studies}.", "Diagrama de bosque de {results} de {studies}.", "Graphique en forêt de {results} ({studies})."),
    ("summary.results.one", "{} result", "{} resultado", "{} résultat"),
    ("summary.results.other", "{} results", "{} resultados", "{} résultats"),
    ("summary.map", "Evidence map of {studies} (randomised: {randomised}; without a comparison group: {none}).", "Mapa de la evidencia de {studies} (aleatorizados: {randomised}; sin grupo de comparación: {none}).", "Carte des preuves de {studies} (randomisées\u{a0}: {randomised}\u{202f}; sans groupe de comparaison\u{a0}: {none})."),
    ("summary.harms", "Results shown as people out of 100: {}.", "Resultados mostrados como personas de cada 100: {}.", "Résultats montrés en personnes sur 100\u{a0}: {}."),
    ("summary.claims", "Claims checked: {}; supported: {}.", "Afirmaciones contrastadas: {}; respaldadas: {}.", "Affirmations vérifiées\u{a0}: {}\u{202f}; étayées\u{a0}: {}."),
    ("summary.funnel", "Funnel plot of {studies}; added by trim-and-fill: {added}.", "Gráfico de embudo de {studies}; añadidos por trim-and-fill: {added}.", "Graphique en entonnoir de {studies}\u{202f}; ajoutées par trim-and-fill\u{a0}: {added}."),
    ("claims.quote", "“{}”", "«{}»", "« {} »"),
    ("claims.translation", "(translation: {})", "(traducción: {})", "(traduction : {})"),
    ("summary.table", "The same results are in the table that follows.", "Los mismos resultados están en la tabla siguiente.", "Les mêmes résultats figurent dans le tableau qui suit."),
    // ---- The JS shell's controls, announcements and links.
    ("shell.crash", "The chart stopped working because of an internal error.", "El gráfico dejó de funcionar por un error interno.", "Le graphique a cessé de fonctionner à cause d'une erreur interne."),
    ("shell.retry", "Try again", "Reintentar", "Réessayer"),
    ("shell.problem_error", "Error", "Error", "Erreur"),
    ("shell.outcome_unknown", "\"{outcome}\" is not the id or name of an outcome in these data, so no study is shown; their outcomes: {outcomes}", "«{outcome}» no es el id ni el nombre de ningún resultado de estos datos, así que no se muestra ningún estudio; sus resultados: {outcomes}", "«\u{a0}{outcome}\u{a0}» n’est l’identifiant ni le nom d’aucun critère de ces données\u{202f}; aucune étude n’est donc affichée. Leurs critères\u{a0}: {outcomes}"),
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
    // "All" agrees with the filter's noun where it must: la enfermedad, la vía; la maladie, la voie.
    ("shell.all.condition", "All", "Todas", "Toutes"),
    ("shell.all.route", "All", "Todas", "Toutes"),
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
    ("shell.selected_answer", "Selected treatment", "Tratamiento seleccionado", "Traitement sélectionné"),
    ("shell.selected_claim", "Selected claim", "Afirmación seleccionada", "Affirmation sélectionnée"),
    ("shell.clear", "Clear the selection", "Borrar la selección", "Effacer la sélection"),
    ("shell.copied", "Link copied", "Enlace copiado", "Lien copié"),
    ("shell.open_view", "{view}: {therapy}", "{view}: {therapy}", "{view} : {therapy}"),
    ("shell.filters", "Filters", "Filtros", "Filtres"),
    ("shell.filters_active", "Filters ({n})", "Filtros ({n})", "Filtres ({n})"),
    ("shell.menu", "Save or share", "Guardar o compartir", "Enregistrer ou partager"),
    // ---- Why the data at `src` could not be read: what happened and what to do.
    ("shell.src_local", "{url} is a file on a computer, which a web page cannot read: put it on a web server (this page's own site is simplest) and give its https address.", "{url} es un archivo de un ordenador, que una página web no puede leer: súbalo a un servidor web (lo más sencillo es el propio sitio de esta página) e indique su dirección https.", "{url} est un fichier sur un ordinateur, qu’une page web ne peut pas lire : placez-le sur un serveur web (le site de cette page est le plus simple) et indiquez son adresse https."),
    ("shell.src_scheme", "src must be an http or https address, not {scheme}.", "src debe ser una dirección http o https, no {scheme}.", "src doit être une adresse http ou https, et non {scheme}."),
    ("shell.src_blocked", "could not load {url}: the server at {host} does not let other sites read its files (it sends no CORS permission), or it could not be reached. Put the file on this page's site, or have {host} send Access-Control-Allow-Origin.", "no se pudo cargar {url}: el servidor {host} no deja que otros sitios lean sus archivos (no envía permiso CORS) o no se pudo contactar. Ponga el archivo en el sitio de esta página o pida a {host} que envíe Access-Control-Allow-Origin.", "impossible de charger {url} : le serveur {host} ne laisse pas d’autres sites lire ses fichiers (il n’envoie pas d’autorisation CORS), ou il est injoignable. Placez le fichier sur le site de cette page, ou demandez à {host} d’envoyer Access-Control-Allow-Origin."),
    ("shell.src_unreachable", "could not reach {url}: check the address and the connection.", "no se pudo acceder a {url}: compruebe la dirección y la conexión.", "impossible d’atteindre {url} : vérifiez l’adresse et la connexion."),
    ("shell.src_not_found", "could not load {url}: there is no file at this address (HTTP 404). Check the address.", "no se pudo cargar {url}: no hay ningún archivo en esta dirección (HTTP 404). Compruebe la dirección.", "impossible de charger {url} : aucun fichier à cette adresse (HTTP 404). Vérifiez l’adresse."),
    ("shell.src_login", "could not load {url}: the server asks for a login (HTTP {status}). The data of a public chart must be public.", "no se pudo cargar {url}: el servidor pide iniciar sesión (HTTP {status}). Los datos de un gráfico público deben ser públicos.", "impossible de charger {url} : le serveur demande une connexion (HTTP {status}). Les données d’un graphique public doivent être publiques."),
    ("shell.src_http", "could not load {url}: the server answered HTTP {status}.", "no se pudo cargar {url}: el servidor respondió HTTP {status}.", "impossible de charger {url} : le serveur a répondu HTTP {status}."),
    ("shell.src_html", "{url} sent a web page, not data. Link to the file itself: on GitHub its “Raw” link; for a Google Sheet, File → Share → Publish to the web → CSV.", "{url} envió una página web, no datos. Enlace al archivo mismo: en GitHub, su enlace «Raw»; en una hoja de Google, Archivo → Compartir → Publicar en la web → CSV.", "{url} a envoyé une page web, pas des données. Donnez le lien du fichier lui-même : sur GitHub, son lien « Raw » ; pour une feuille Google, Fichier → Partager → Publier sur le Web → CSV."),
    ("shell.src_redirected", "{url} was sent on to {final}, which returned a web page, not data: perhaps a sign-in page. The data of a public chart must be public, at an address that gives the file itself.", "{url} se redirigió a {final}, que devolvió una página web y no datos: quizá una página de inicio de sesión. Los datos de un gráfico público deben ser públicos, en una dirección que dé el archivo mismo.", "{url} a été redirigé vers {final}, qui a renvoyé une page web et non des données : peut-être une page de connexion. Les données d’un graphique public doivent être publiques, à une adresse qui donne le fichier lui-même."),
    ("shell.src_review_bad", "{url} looks like a RevMan or Cochrane review file, but it could not be converted: {reason}. Check that it is the review's .rm5 file or its data package (.zip) as downloaded.", "{url} parece un archivo de revisión de RevMan o Cochrane, pero no se pudo convertir: {reason}. Compruebe que es el archivo .rm5 de la revisión o su paquete de datos (.zip) tal como se descargó.", "{url} semble être un fichier de revue RevMan ou Cochrane, mais il n’a pas pu être converti : {reason}. Vérifiez qu’il s’agit du fichier .rm5 de la revue ou de son paquet de données (.zip) tel que téléchargé."),
    ("shell.src_table_bad", "{url} could not be read as a CSV table: {reason}.", "{url} no se pudo leer como tabla CSV: {reason}.", "{url} n’a pas pu être lu comme tableau CSV : {reason}."),
    ("shell.converter_unavailable", "The part of evidence-lens that reads this kind of file ({folder}) could not be downloaded: copy the whole pkg folder beside evidence-lens.js, or try again later.", "No se pudo descargar la parte de evidence-lens que lee este tipo de archivo ({folder}): copie la carpeta pkg completa junto a evidence-lens.js o vuelva a intentarlo más tarde.", "La partie d’evidence-lens qui lit ce type de fichier ({folder}) n’a pas pu être téléchargée\u{a0}: copiez tout le dossier pkg à côté d’evidence-lens.js, ou réessayez plus tard."),
    ("shell.src_too_large", "{url} is larger than {mb} MB, the most the chart reads: split it (by outcome or treatment), or leave out the columns or fields it does not use.", "{url} ocupa más de {mb} MB, lo máximo que lee el gráfico: divídalo (por resultado o tratamiento) o quite las columnas o campos que no usa.", "{url} dépasse {mb} Mo, le maximum que lit le graphique\u{a0}: divisez-le (par critère ou traitement) ou retirez les colonnes ou champs qu’il n’utilise pas."),
    ("pool.model.fixed", "fixed effect", "efecto fijo", "effet fixe"),
    ("pool.model.random", "random effects", "efectos aleatorios", "effets aléatoires"),
    ("pool.review_matches", "Redone as the review did it ({settings}): {result}, as the review reports.", "Recalculado como lo hizo la revisión ({settings}): {result}, igual que informa la revisión.", "Recalculé comme l’a fait la revue ({settings}) : {result}, comme l’indique la revue."),
    ("pool.review_differs", "Redone as the review did it ({settings}): {result}; the review reports {stored}.", "Recalculado como lo hizo la revisión ({settings}): {result}; la revisión informa {stored}.", "Recalculé comme l’a fait la revue ({settings}) : {result} ; la revue indique {stored}."),
    ("shell.close", "Close and clear the selection", "Cerrar y borrar la selección", "Fermer et effacer la sélection"),
    // ---- Problems in the data (`model::problem`), for editors: `problem.*` are the messages,
    // `expect.*`, `form.*` and `ignored.*` the phrases they are filled with.
    ("problem.too_large", "input is {bytes} bytes; the limit is {limit} bytes: split it (by outcome or treatment), or leave out the columns or fields the chart does not use", "el archivo ocupa {bytes} bytes; el límite es {limit} bytes: divídalo (por resultado o tratamiento) o quite las columnas o campos que el gráfico no usa", "le fichier fait {bytes} octets\u{202f}; la limite est de {limit} octets\u{a0}: divisez-le (par critère ou traitement) ou retirez les colonnes ou champs que le graphique n’utilise pas"),
    ("problem.too_many_studies", "{count} studies; the limit is {limit} (the studies after the first {limit} were not read)", "{count} estudios; el límite es {limit} (no se leyeron los estudios posteriores a los {limit} primeros)", "{count} études\u{202f}; la limite est de {limit} (les études au-delà des {limit} premières n’ont pas été lues)"),
    ("problem.invalid_utf8", "input is not valid UTF-8 (invalid byte at offset {offset})", "el archivo no es UTF-8 válido (byte no válido en la posición {offset})", "le fichier n’est pas en UTF-8 valide (octet invalide à la position {offset})"),
    ("problem.empty", "input is empty", "el archivo está vacío", "le fichier est vide"),
    ("problem.syntax", "line {line}, column {column}: invalid JSON: {detail}", "línea {line}, columna {column}: JSON no válido: {detail}", "ligne {line}, colonne {column}\u{a0}: JSON invalide\u{a0}: {detail}"),
    ("problem.hint.comment", "JSON has no comments: remove it", "JSON no admite comentarios: quite el comentario", "JSON n’accepte pas les commentaires\u{a0}: retirez ce commentaire"),
    ("problem.hint.curly_quote", "“ ” are typographic quotes, as a word processor writes them: JSON needs straight quotes \"", "“ ” son comillas tipográficas, como las escribe un procesador de textos: JSON necesita comillas rectas \"", "“ ” sont des guillemets typographiques, tels qu’un traitement de texte les écrit\u{a0}: JSON exige des guillemets droits \""),
    ("problem.hint.single_quote", "JSON needs double quotes \" around names and texts, not '", "JSON necesita comillas dobles \" alrededor de nombres y textos, no '", "JSON exige des guillemets doubles \" autour des noms et des textes, pas des apostrophes '"),
    ("problem.hint.ends_early", "the file ends too soon: a closing \", } or ] is missing, or the file was cut short", "el archivo termina demasiado pronto: falta un \", } o ] de cierre, o el archivo quedó cortado", "le fichier se termine trop tôt\u{a0}: il manque un \", } ou ] fermant, ou le fichier a été tronqué"),
    ("problem.too_deep", "line {line}, column {column}: JSON is nested too deeply (more than 128 levels)", "línea {line}, columna {column}: el JSON tiene demasiados niveles anidados (más de 128)", "ligne {line}, colonne {column}\u{a0}: le JSON est trop imbriqué (plus de 128 niveaux)"),
    ("problem.non_finite_literal", "line {line}, column {column}: {literal} is not allowed in JSON; numbers must be finite", "línea {line}, columna {column}: {literal} no está permitido en JSON; los números deben ser finitos", "ligne {line}, colonne {column}\u{a0}: {literal} n’est pas autorisé en JSON\u{202f}; les nombres doivent être finis"),
    ("problem.unknown_schema", "unknown schema version \"{found}\"; this reader knows \"{schema}\"", "versión de esquema desconocida: \"{found}\"; este lector admite \"{schema}\"", "version de schéma inconnue \"{found}\"\u{202f}; ce lecteur connaît \"{schema}\""),
    ("problem.missing_schema", "missing required field \"schema\" (add \"schema\": \"{schema}\")", "falta el campo obligatorio \"schema\" (añada \"schema\": \"{schema}\")", "champ obligatoire \"schema\" manquant (ajoutez \"schema\": \"{schema}\")"),
    ("problem.duplicate_key", "duplicate key \"{key}\" in the same object", "clave \"{key}\" repetida en el mismo objeto", "clé \"{key}\" en double dans le même objet"),
    ("problem.wrong_type", "expected {expected}, found {found}", "se esperaba {expected}, se encontró {found}", "il faut {expected}, mais on trouve {found}"),
    ("problem.quoted_number", "expected {expected}, found the string \"{found}\" (remove the quotes)", "se esperaba {expected}, se encontró la cadena de texto \"{found}\" (quite las comillas)", "il faut {expected}, mais on trouve la chaîne \"{found}\" (retirez les guillemets)"),
    ("problem.missing_field", "missing required field \"{field}\"", "falta el campo obligatorio \"{field}\"", "champ obligatoire \"{field}\" manquant"),
    ("problem.unknown_field_like", "unknown field \"{field}\" (did you mean \"{like}\"?)", "campo desconocido \"{field}\" (¿quería decir \"{like}\"?)", "champ inconnu \"{field}\" (vouliez-vous dire \"{like}\"\u{202f}?)"),
    ("problem.unknown_field", "unknown field \"{field}\"; expected one of {allowed}", "campo desconocido \"{field}\"; se esperaba uno de estos: {allowed}", "champ inconnu \"{field}\"\u{202f}; champs possibles\u{a0}: {allowed}"),
    ("problem.unknown_value_like", "unknown {what} \"{found}\" (did you mean \"{like}\"? values are written so)", "valor desconocido de {what}: \"{found}\" (¿quería decir \"{like}\"? los valores se escriben exactamente así)", "valeur inconnue pour {what}\u{a0}: \"{found}\" (vouliez-vous dire \"{like}\"\u{202f}? les valeurs s’écrivent ainsi)"),
    ("problem.unknown_value", "unknown {what} \"{found}\"; expected one of {allowed}", "valor desconocido de {what}: \"{found}\"; se esperaba uno de estos: {allowed}", "valeur inconnue pour {what}\u{a0}: \"{found}\"\u{202f}; valeurs possibles\u{a0}: {allowed}"),
    ("problem.empty_text", "must not be empty", "no puede estar vacío", "ne doit pas être vide"),
    ("problem.bad_url", "\"{found}\" is not an http(s) link", "\"{found}\" no es un enlace http(s)", "\"{found}\" n’est pas un lien http(s)"),
    ("problem.not_finite", "expected a finite number, found \"{found}\"", "se esperaba un número finito, se encontró \"{found}\"", "il faut un nombre fini, mais on trouve \"{found}\""),
    ("problem.not_a_count", "expected a count (a whole number, 0 or more), found {found}", "se esperaba un recuento (un número entero, 0 o más), se encontró {found}", "il faut un effectif (un nombre entier, 0 ou plus), mais on trouve {found}"),
    ("problem.out_of_range", "{value} is out of range; expected {expected}", "{value} está fuera de rango; se esperaba {expected}", "{value} est hors limites\u{202f}; il faut {expected}"),
    ("problem.unknown_data_form", "cannot tell the data form from the fields [{fields}]; expected counts (ai, bi, ci, di or ai, n1i, ci, n2i), means (m1i, sd1i, n1i, m2i, sd2i, n2i), an estimate (measure, estimate, ci_lb, ci_ub), a proportion (xi, ni or estimate) or generic (yi with vi or sei)", "no se puede saber el tipo de datos a partir de los campos [{fields}]; se esperaban recuentos (ai, bi, ci, di o ai, n1i, ci, n2i), medias (m1i, sd1i, n1i, m2i, sd2i, n2i), una estimación (measure, estimate, ci_lb, ci_ub), una proporción (xi, ni o estimate) o un efecto genérico (yi con vi o sei)", "impossible de déterminer la forme des données à partir des champs [{fields}]\u{202f}; formes possibles\u{a0}: effectifs (ai, bi, ci, di ou ai, n1i, ci, n2i), moyennes (m1i, sd1i, n1i, m2i, sd2i, n2i), une estimation (measure, estimate, ci_lb, ci_ub), une proportion (xi, ni ou estimate) ou un effet générique (yi avec vi ou sei)"),
    ("problem.mixed_data_forms", "mixes fields of {first} and {second}; give one data form per outcome", "mezcla campos de {first} y de {second}; use un solo tipo de datos por resultado", "mélange des champs de {first} et de {second}\u{202f}; donnez une seule forme de données par critère"),
    ("problem.mixed_count_forms", "mixes 2×2 cells (bi, di) with arm totals (n1i, n2i); give ai, bi, ci, di or ai, n1i, ci, n2i", "mezcla celdas de la tabla 2×2 (bi, di) con totales por grupo (n1i, n2i); indique ai, bi, ci, di o ai, n1i, ci, n2i", "mélange des cases d’un tableau 2×2 (bi, di) et des totaux par groupe (n1i, n2i)\u{202f}; donnez ai, bi, ci, di ou ai, n1i, ci, n2i"),
    ("problem.both_given", "give {a} or {b}, not both", "indique {a} o {b}, no ambos", "donnez {a} ou {b}, pas les deux"),
    ("problem.neither_given", "missing required field \"{a}\" (or \"{b}\")", "falta el campo obligatorio \"{a}\" (o \"{b}\")", "champ obligatoire \"{a}\" (ou \"{b}\") manquant"),
    ("problem.measure_not_for_form", "measure {measure} cannot be used with {form}; expected one of {allowed}", "measure {measure} no se puede usar con {form}; se esperaba uno de estos: {allowed}", "la mesure {measure} ne peut pas être utilisée avec {form}\u{202f}; mesures possibles\u{a0}: {allowed}"),
    ("problem.events_exceed_total", "{events} events ({events_field}) is more than the {total} participants in the arm ({total_field})", "{events} eventos ({events_field}) son más que los {total} participantes del grupo ({total_field})", "{events} événements ({events_field}), c’est plus que les {total} participants du groupe ({total_field})"),
    ("problem.empty_arm", "{field} is 0; an arm needs at least one participant", "{field} es 0; un grupo necesita al menos un participante", "{field} vaut 0\u{202f}; un groupe doit compter au moins un participant"),
    ("problem.lower_above_estimate", "lower bound {lb} is above the estimate {estimate}", "el límite inferior {lb} está por encima de la estimación {estimate}", "la borne inférieure {lb} est au-dessus de l’estimation {estimate}"),
    ("problem.upper_below_estimate", "upper bound {ub} is below the estimate {estimate}", "el límite superior {ub} está por debajo de la estimación {estimate}", "la borne supérieure {ub} est en dessous de l’estimation {estimate}"),
    ("problem.lower_above_upper", "lower bound {lb} is above the upper bound {ub}", "el límite inferior {lb} está por encima del límite superior {ub}", "la borne inférieure {lb} est au-dessus de la borne supérieure {ub}"),
    ("problem.implausible_ratio", "{measure} {value} is far from what trials find (below 0.001 or above 1,000): check that it is the ratio itself, not a p-value, a logarithm or a percentage", "{measure} {value} está lejos de lo que encuentran los ensayos (menos de 0,001 o más de 1000): compruebe que es la razón misma, no un valor p, un logaritmo ni un porcentaje", "{measure} {value} est très loin de ce que trouvent les essais (moins de 0,001 ou plus de 1000)\u{a0}: vérifiez qu’il s’agit bien du rapport lui-même, et non d’une valeur p, d’un logarithme ou d’un pourcentage"),
    ("problem.not_positive_ratio", "{value} is not positive; a {measure} is a ratio and must be above 0 (give it on the natural scale, not the log scale)", "{value} no es positivo; {measure} es una razón y debe ser mayor que 0 (indíquelo en la escala natural, no en la logarítmica)", "{value} n’est pas positif\u{202f}; un {measure} est un rapport et doit être supérieur à 0 (donnez-le sur l’échelle naturelle, pas sur l’échelle logarithmique)"),
    ("problem.sd_not_positive", "standard deviation must be above 0, found {value}", "la desviación estándar debe ser mayor que 0; se encontró {value}", "l’écart-type doit être supérieur à 0\u{202f}; valeur trouvée\u{a0}: {value}"),
    ("problem.variance_not_positive", "{field} must be above 0, found {value}", "{field} debe ser mayor que 0; se encontró {value}", "{field} doit être supérieur à 0\u{202f}; valeur trouvée\u{a0}: {value}"),
    ("problem.proportion_out_of_range", "proportion {value} is outside 0 to 1; give proportions as fractions (0.46 for 46%)", "la proporción {value} está fuera del intervalo de 0 a 1; indique las proporciones como fracciones (0.46 para un 46\u{a0}%)", "la proportion {value} n’est pas comprise entre 0 et 1\u{202f}; donnez les proportions sous forme de fractions (0.46 pour 46\u{202f}%)"),
    ("problem.risk_difference_out_of_range", "risk difference {value} is outside -1 to 1", "la diferencia de riesgos {value} está fuera del intervalo de -1 a 1", "la différence de risque {value} n’est pas comprise entre -1 et 1"),
    ("problem.bad_level", "confidence level {value} must be between 0 and 100 (e.g. 95)", "el nivel de confianza {value} debe estar entre 0 y 100 (p. ej., 95)", "le niveau de confiance {value} doit être compris entre 0 et 100 (par exemple 95)"),
    ("problem.level_as_fraction", "confidence level {value} is in percent: write 95 for a 95% interval (or leave it out: 95 is the default)", "el nivel de confianza {value} se indica en porcentaje: escriba 95 para un intervalo del 95\u{a0}% (u omítalo: 95 es el valor predeterminado)", "le niveau de confiance {value} s’exprime en pourcentage\u{a0}: écrivez 95 pour un intervalle à 95\u{202f}% (ou omettez-le\u{a0}: 95 est la valeur par défaut)"),
    ("problem.too_few_for_measure", "{field} is {n}; {measure} needs at least {min} per arm", "{field} es {n}; {measure} necesita al menos {min} por grupo", "{field} vaut {n}\u{202f}; {measure} exige au moins {min} par groupe"),
    ("problem.duplicate_id", "duplicate id \"{id}\" (first used by {first})", "id \"{id}\" repetido (ya lo usa {first})", "identifiant \"{id}\" en double (déjà utilisé par {first})"),
    ("problem.unknown_study", "unknown study \"{id}\"; no study has this id", "estudio desconocido \"{id}\"; ningún estudio tiene este id", "étude inconnue \"{id}\"\u{202f}; aucune étude n’a cet identifiant"),
    ("problem.includes_itself", "a review does not include itself; remove its own id", "una revisión no se incluye a sí misma; quite su propio id", "une revue ne s’inclut pas elle-même\u{202f}; retirez son propre identifiant"),
    ("problem.includes_each_other", "\"{id}\" already includes this review (or a review that does); reviews cannot each hold the other's people: remove one of the inclusions", "\"{id}\" ya incluye esta revisión (o una revisión que la incluye); dos revisiones no pueden contener cada una a los participantes de la otra: quite una de las inclusiones", "\"{id}\" inclut déjà cette revue (ou une revue qui l’inclut)\u{202f}; deux revues ne peuvent pas contenir chacune les participants de l’autre\u{a0}: retirez l’une des inclusions"),
    ("problem.includes_not_review", "only a systematic review includes other studies; remove \"includes\" or set \"design\" to systematic_review", "solo una revisión sistemática incluye otros estudios; quite \"includes\" o dé a \"design\" el valor systematic_review", "seule une revue systématique inclut d’autres études\u{202f}; retirez \"includes\" ou donnez à \"design\" la valeur systematic_review"),
    ("problem.not_a_language", "\"{code}\" is not a language code; use codes such as \"en\", \"es\", \"fr\"", "\"{code}\" no es un código de idioma; use códigos como \"en\", \"es\", \"fr\"", "\"{code}\" n’est pas un code de langue\u{202f}; utilisez des codes comme \"en\", \"es\", \"fr\""),
    ("problem.unknown_term", "unknown term \"{id}\"; vocabulary.{list} has no term with this id", "término desconocido \"{id}\"; vocabulary.{list} no tiene ningún término con este id", "terme inconnu \"{id}\"\u{202f}; vocabulary.{list} n’a aucun terme avec cet identifiant"),
    ("problem.not_within_claim", "\"{condition}\" is not a condition of vocabulary.conditions within the claim's \"{claim}\" (through \"broader\"); the part is checked for the claim's people: add the term, or its \"broader\"", "\"{condition}\" no es una afección de vocabulary.conditions comprendida en \"{claim}\", la de la afirmación (a través de \"broader\"); esta parte se comprueba para las personas de la afirmación: añada el término, o su \"broader\"", "\"{condition}\" n’est pas une affection de vocabulary.conditions comprise dans \"{claim}\", celle de l’affirmation (via \"broader\")\u{202f}; la partie est vérifiée pour la population de l’affirmation\u{a0}: ajoutez le terme, ou son \"broader\""),
    ("problem.unknown_concept", "unknown concept \"{id}\"; name a term of vocabulary.outcomes or a generic concept ({generic})", "concepto desconocido \"{id}\"; indique un término de vocabulary.outcomes o un concepto genérico ({generic})", "concept inconnu \"{id}\"\u{202f}; indiquez un terme de vocabulary.outcomes ou un concept générique ({generic})"),
    ("problem.study_left_out", "study \"{id}\" was left out because of its errors; the reference was dropped", "se omitió el estudio \"{id}\" por sus errores; se descartó la referencia", "l’étude \"{id}\" a été écartée à cause de ses erreurs\u{202f}; la référence a été supprimée"),
    ("problem.number_claim_without_value", "missing required field \"value\" (the claim asserts a number)", "falta el campo obligatorio \"value\" (la afirmación expresa un número)", "champ obligatoire \"value\" manquant (l’affirmation avance un chiffre)"),
    ("problem.no_outcomes", "study has no outcomes", "el estudio no tiene resultados", "l’étude n’a aucun critère de jugement"),
    ("problem.no_data_for_completed", "no data and no reported result, but the study is completed (add data, or \"reported\" to say what was reported)", "no hay datos ni resultados publicados, pero el estudio está terminado (añada datos, o \"reported\" para indicar qué se publicó)", "aucune donnée ni aucun résultat rapporté, alors que l’étude est terminée (ajoutez des données, ou \"reported\" pour indiquer ce qui a été rapporté)"),
    ("problem.data_for_ongoing", "has data although the study is ongoing", "tiene datos aunque el estudio está en curso", "contient des données alors que l’étude est en cours"),
    ("problem.single_arm_mixed", "single-arm data for outcome \"{outcome}\", which has comparative data elsewhere ({other}); it will not be pooled with them", "datos de un solo grupo para el resultado \"{outcome}\", que tiene datos comparativos en otro lugar ({other}); no se combinarán con ellos", "données à un seul groupe pour le critère \"{outcome}\", qui a des données comparatives ailleurs ({other})\u{202f}; elles ne seront pas combinées avec celles-ci"),
    ("problem.comparative_in_uncontrolled", "two-arm data in a {design} study, which has no control group", "datos de dos grupos en un estudio de diseño {design}, que no tiene grupo de control", "données à deux groupes dans une étude {design}, qui n’a pas de groupe contrôle"),
    ("problem.no_events_either_arm", "no events in either arm, so the study says next to nothing about a ratio (RR, OR): metafor's pooling adds 0.5 to each cell; an imported review's own method, like RevMan's, leaves it out", "no hay eventos en ninguno de los dos grupos, así que el estudio no dice casi nada sobre una razón (RR, OR): la combinación de metafor suma 0,5 a cada celda; el método propio de una revisión importada, como el de RevMan, deja fuera el estudio", "aucun événement, ni dans un groupe ni dans l’autre, donc l’étude n’apporte presque rien sur un rapport (RR, OR)\u{a0}: la méta-analyse de metafor ajoute 0,5 à chaque case\u{202f}; la méthode propre d’une revue importée, comme celle de RevMan, l’écarte"),
    ("problem.all_events_both_arms", "every participant had the event in both arms, so the study says next to nothing about a ratio (RR, OR): metafor's pooling adds 0.5 to each cell; an imported review's own method, like RevMan's, leaves it out of odds ratios", "todos los participantes tuvieron el evento en ambos grupos, así que el estudio no dice casi nada sobre una razón (RR, OR): la combinación de metafor suma 0,5 a cada celda; el método propio de una revisión importada, como el de RevMan, lo excluye de las odds ratio", "tous les participants des deux groupes ont eu l’événement, donc l’étude n’apporte presque rien sur un rapport (RR, OR)\u{a0}: la méta-analyse de metafor ajoute 0,5 à chaque case\u{202f}; la méthode propre d’une revue importée, comme celle de RevMan, l’écarte des rapports de cotes (odds ratios)"),
    ("problem.unlikely_year", "year {year} looks unlikely", "el año {year} parece improbable", "l’année {year} semble peu vraisemblable"),
    ("problem.derived_without_note", "status is derived but there is no note with the formula", "status es derived, pero no hay ninguna nota con la fórmula", "status vaut derived, mais aucune note ne donne la formule"),
    ("problem.baseline_without_time", "a hazard ratio's numbers per 100 people hold for a time: give the baseline's timepoint (the time its risk is for, such as \"2 years\")", "con un hazard ratio, las cifras por cada 100 personas valen para un plazo: indique el momento del riesgo basal (el plazo al que corresponde su riesgo, como \"2 años\")", "les chiffres pour 100 personnes tirés d’un hazard ratio valent pour une durée donnée\u{a0}: indiquez la durée du risque de base (la période à laquelle ce risque se rapporte, par exemple \"2 ans\")"),
    ("problem.shown_at_95", "the {level}% interval is shown as the 95% interval it implies (worked out from it, or from the counts when there are some), as every chart and sentence gives 95% intervals", "el intervalo del {level}\u{a0}% se muestra como el intervalo del 95\u{a0}% que implica (calculado a partir de él, o de los recuentos si los hay), ya que todos los gráficos y frases dan intervalos del 95\u{a0}%", "l’intervalle à {level}\u{202f}% est affiché comme l’intervalle à 95\u{202f}% qu’il implique (calculé à partir de lui, ou des effectifs quand il y en a), car tous les graphiques et toutes les phrases donnent des intervalles à 95\u{202f}%"),
    ("problem.not_shown_at_95", "the {level}% interval of a proportion of 0 or 1 cannot be shown as a 95% interval without the number of people (ni), so it is not shown: give ni", "el intervalo del {level}\u{a0}% de una proporción de 0 o 1 no se puede mostrar como intervalo del 95\u{a0}% sin el número de personas (ni), así que no se muestra: indique ni", "l’intervalle à {level}\u{202f}% d’une proportion de 0 ou 1 ne peut pas être affiché comme intervalle à 95\u{202f}% sans le nombre de personnes (ni), il n’est donc pas affiché\u{a0}: donnez ni"),
    ("problem.ignored", "{what} ignored: {why}", "se ignora {what}: {why}", "{what} ignoré\u{a0}: {why}"),
    ("problem.in", "in {places}: {message}", "en {places}: {message}", "dans {places}\u{a0}: {message}"),
    ("expect.string", "a string", "una cadena de texto", "une chaîne de caractères"),
    ("expect.number", "a number", "un número", "un nombre"),
    ("expect.whole_number", "a whole number", "un número entero", "un nombre entier"),
    ("expect.count", "a count (a whole number, 0 or more)", "un recuento (un número entero, 0 o más)", "un effectif (un nombre entier, 0 ou plus)"),
    ("expect.year", "a year", "un año", "une année"),
    ("expect.smaller_number", "a smaller number", "un número menor", "un nombre plus petit"),
    ("expect.fraction", "a fraction between 0 and 1, such as 0.25 for 25%", "una fracción entre 0 y 1, como 0.25 para un 25\u{a0}%", "une fraction entre 0 et 1, comme 0.25 pour 25\u{202f}%"),
    ("expect.array", "an array", "una lista (array)", "un tableau"),
    ("expect.object", "an object", "un objeto", "un objet"),
    ("expect.text", "a string or an object of languages", "una cadena de texto o un objeto de idiomas", "une chaîne de caractères ou un objet de langues"),
    ("expect.texts", "an array of texts", "una lista de textos", "un tableau de textes"),
    ("expect.languages", "an object of languages to strings", "un objeto de idiomas con sus cadenas de texto", "un objet associant des langues à des chaînes de caractères"),
    ("expect.strings", "an array of strings", "una lista de cadenas de texto", "un tableau de chaînes de caractères"),
    ("expect.string_or_number", "a string or number", "una cadena de texto o un número", "une chaîne de caractères ou un nombre"),
    ("expect.risk_of_bias", "an array of risk-of-bias judgements", "una lista de valoraciones del riesgo de sesgo", "un tableau d’évaluations du risque de biais"),
    ("expect.claim_parts", "an array of claim parts", "una lista de partes de la afirmación", "un tableau de parties d’affirmation"),
    ("expect.terms", "an array of terms", "una lista de términos", "un tableau de termes"),
    ("expect.boolean", "true or false", "true o false", "true ou false"),
    ("expect.list", "a list", "una lista", "une liste"),
    ("form.counts", "counts", "recuentos", "les effectifs"),
    ("form.means", "means", "medias", "les moyennes"),
    ("form.generic", "generic yi", "un efecto genérico yi", "un effet générique yi"),
    ("form.proportion", "a proportion", "una proporción", "une proportion"),
    ("form.estimate", "an estimate", "una estimación", "une estimation"),
    ("form.proportion_estimate", "a reported proportion estimate", "una estimación publicada de una proporción", "une estimation de proportion rapportée"),
    ("ignored.no_interval", "there is no confidence interval", "no hay intervalo de confianza", "il n’y a pas d’intervalle de confiance"),
    ("ignored.level_not_percentage", "a confidence level is a percentage between 1 and 100 (write 95, not 0.95); the pooled result is not checked against the review's", "un nivel de confianza es un porcentaje entre 1 y 100 (escriba 95, no 0.95); el resultado combinado no se contrasta con el de la revisión", "un niveau de confiance est un pourcentage entre 1 et 100 (écrivez 95, pas 0.95)\u{202f}; le résultat combiné n’est pas comparé à celui de la revue"),
    ("ignored.article", "give it as the name is given: in languages the name has, or as a plain string beside a plain name", "indíquelo como se indica el nombre: en los idiomas que tiene el nombre, o como una cadena de texto simple junto a un nombre simple", "donnez-le sous la même forme que le nom\u{a0}: dans les langues du nom, ou en simple chaîne de caractères à côté d’un nom en simple chaîne"),
    ("ignored.no_number_claim", "the claim does not assert a number", "la afirmación no expresa un número", "l’affirmation n’avance aucun chiffre"),
    ("ignored.baseline_no_numbers", "the outcome has no numbers to apply it to", "el resultado no tiene cifras a las que aplicarlo", "le critère n’a pas de chiffres auxquels l’appliquer"),
    ("ignored.baseline_own_control", "the study's own comparison group gives the comparison risk", "el propio grupo de comparación del estudio da el riesgo de comparación", "le groupe de comparaison de l’étude elle-même fournit le risque de comparaison"),
    ("ignored.baseline_hr_better_higher", "a hazard ratio counts the event that ends a good outcome; give the outcome as that event (better: lower) with its risk", "un hazard ratio cuenta el evento que pone fin a un buen resultado; indique el resultado como ese evento (better: lower) con su riesgo", "un hazard ratio compte l’événement qui met fin à une bonne issue\u{202f}; donnez le critère sous la forme de cet événement (better\u{a0}: lower) avec son risque"),
    ("ignored.baseline_measure", "only a risk ratio, odds ratio or hazard ratio turns a baseline risk into numbers per 100 people", "solo con una razón de riesgos, odds ratio o hazard ratio se convierte un riesgo basal en cifras por cada 100 personas", "seul un risque relatif, un rapport de cotes (odds ratio) ou un hazard ratio convertit un risque de base en chiffres pour 100 personnes"),
    ("what.risk_of_bias", "risk-of-bias judgement", "el juicio de riesgo de sesgo", "le jugement du risque de biais"),
    ("what.publication_bias", "publication-bias judgement", "el juicio de sesgo de publicación", "le jugement du biais de publication"),
    ("what.source_kind", "source kind", "el tipo de fuente", "le type de source"),
    ("what.design", "design", "el diseño", "le type d’étude"),
    ("what.blinding", "blinding", "el enmascaramiento", "le niveau d’insu"),
    ("what.status", "status", "el estado", "le statut"),
    ("what.kind", "kind", "el tipo (beneficio o daño)", "le type (bénéfice ou effet indésirable)"),
    ("what.direction", "direction", "el sentido favorable", "le sens favorable"),
    ("what.measure", "measure", "la medida del efecto", "la mesure de l’effet"),
    ("what.method", "method", "el método", "la méthode"),
    ("what.model", "model", "el modelo", "le modèle"),
    ("what.claim_source", "claim source", "el origen de la afirmación", "l’origine de l’affirmation"),
    ("what.assertion", "assertion", "el tipo de afirmación", "le type d’affirmation"),
    ("what.arm", "arm", "el grupo", "le groupe"),
    ("what.view", "view", "la vista", "la vue"),
    ("what.language", "language", "el idioma", "la langue"),
    ("what.sort", "sort", "el orden", "l’ordre"),
    ("what.outcome_kind", "outcome kind", "el tipo de resultado", "le type de critère"),
    // serde_json's syntax errors (`Issue::Syntax`'s detail), as it writes them in English.
    ("json.eof_list", "EOF while parsing a list", "el texto termina dentro de una lista (array)", "le texte se termine au milieu d’une liste (tableau)"),
    ("json.eof_object", "EOF while parsing an object", "el texto termina dentro de un objeto", "le texte se termine au milieu d’un objet"),
    ("json.eof_string", "EOF while parsing a string", "el texto termina dentro de una cadena de texto", "le texte se termine au milieu d’une chaîne"),
    ("json.eof_value", "EOF while parsing a value", "el texto termina donde se esperaba un valor", "le texte se termine là où une valeur était attendue"),
    ("json.expected_colon", "expected `:`", "se esperaba `:`", "il faut `:`"),
    ("json.expected_list_comma", "expected `,` or `]`", "se esperaba `,` o `]`", "il faut `,` ou `]`"),
    ("json.expected_object_comma", "expected `,` or `}`", "se esperaba `,` o `}`", "il faut `,` ou `}`"),
    ("json.expected_ident", "expected ident", "se esperaba true, false o null", "il faut true, false ou null"),
    ("json.expected_value", "expected value", "se esperaba un valor", "il faut une valeur"),
    ("json.expected_quote", "expected `\"`", "se esperaba `\"`", "il faut `\"`"),
    ("json.invalid_escape", "invalid escape", "secuencia de escape no válida", "séquence d’échappement invalide"),
    ("json.invalid_number", "invalid number", "número no válido", "nombre invalide"),
    ("json.number_out_of_range", "number out of range", "número fuera de rango", "nombre hors limites"),
    ("json.invalid_code_point", "invalid unicode code point", "punto de código Unicode no válido", "point de code Unicode invalide"),
    ("json.control_character", "control character (\\u0000-\\u001F) found while parsing a string", "carácter de control (\\u0000-\\u001F) dentro de una cadena de texto", "caractère de contrôle (\\u0000-\\u001F) dans une chaîne"),
    ("json.key_string", "key must be a string", "el nombre de un campo debe ir entre comillas dobles", "le nom d’un champ doit être entre guillemets droits"),
    ("json.trailing_comma", "trailing comma", "coma sobrante al final", "virgule en trop à la fin"),
    ("json.trailing_characters", "trailing characters", "hay caracteres después del final de los datos", "caractères après la fin des données"),
    ("json.lone_surrogate", "lone leading surrogate in hex escape", "sustituto (surrogate) suelto en un escape hexadecimal", "demi-code (surrogate) isolé dans un échappement hexadécimal"),
    ("json.hex_escape_end", "unexpected end of hex escape", "escape hexadecimal incompleto", "échappement hexadécimal incomplet"),
];

// The problems only a CSV table has (the reader of the CLI and the table converter), with their
// phrases and a table's places: not in the widget, which reads JSON alone.
#[cfg(feature = "table")]
catalogue![CSV_ONLY, CSV_ONLY_TRANSLATIONS:
    ("problem.csv_not_count", "\"{cell}\" is not a count", "\"{cell}\" no es un recuento", "\"{cell}\" n’est pas un effectif"),
    ("problem.csv_not_count_because", "\"{cell}\" is not a count: {reason}", "\"{cell}\" no es un recuento: {reason}", "\"{cell}\" n’est pas un effectif\u{a0}: {reason}"),
    ("problem.csv_not_number", "\"{cell}\" is not a number", "\"{cell}\" no es un número", "\"{cell}\" n’est pas un nombre"),
    ("problem.csv_not_number_because", "\"{cell}\" is not a number: {reason}", "\"{cell}\" no es un número: {reason}", "\"{cell}\" n’est pas un nombre\u{a0}: {reason}"),
    ("problem.formula_like", "\"{cell}\" looks like a spreadsheet formula, not a number", "\"{cell}\" parece una fórmula de hoja de cálculo, no un número", "\"{cell}\" ressemble à une formule de tableur, pas à un nombre"),
    ("problem.missing_study_column", "missing required column \"study\" (the column that names each study, such as \"Study\", \"Study ID\" or \"Author\")", "falta la columna obligatoria \"study\" (la columna que nombra cada estudio, como \"Study\", \"Study ID\" o \"Author\")", "colonne obligatoire \"study\" manquante (la colonne qui nomme chaque étude, comme \"Study\", \"Study ID\" ou \"Author\")"),
    ("problem.missing_column", "missing required column \"{column}\"", "falta la columna obligatoria \"{column}\"", "colonne obligatoire \"{column}\" manquante"),
    ("problem.duplicate_column", "column \"{column}\" appears twice (columns {first} and {second})", "la columna \"{column}\" aparece dos veces (columnas {first} y {second})", "la colonne \"{column}\" apparaît deux fois (colonnes {first} et {second})"),
    ("problem.row_length", "has {found} cells but the header has {expected}", "tiene {found} celdas, pero el encabezado tiene {expected}", "contient {found} cellules, mais la ligne d’en-tête en contient {expected}"),
    ("problem.row_length_one", "has 1 cell but the header has {expected}", "tiene 1 celda, pero el encabezado tiene {expected}", "contient 1 cellule, mais la ligne d’en-tête en contient {expected}"),
    ("problem.row_length.open_quote", "a quotation mark in it is never closed, so the {lines} lines after it became part of one cell and are left out too: remove the stray quotation mark, or close it", "en ella hay una comilla que nunca se cierra, así que las {lines} líneas siguientes pasaron a formar parte de una sola celda y también se omitieron: quite la comilla sobrante o ciérrela", "un guillemet ouvert dans cette ligne n’est jamais fermé, si bien que les {lines} lignes suivantes ont été absorbées dans une même cellule et sont elles aussi écartées\u{a0}: retirez ce guillemet isolé, ou fermez-le"),
    ("problem.row_length.open_quote_one", "a quotation mark in it is never closed, so the 1 line after it became part of one cell and is left out too: remove the stray quotation mark, or close it", "en ella hay una comilla que nunca se cierra, así que la línea siguiente pasó a formar parte de una sola celda y también se omitió: quite la comilla sobrante o ciérrela", "un guillemet ouvert dans cette ligne n’est jamais fermé, si bien que la ligne suivante a été absorbée dans une même cellule et est elle aussi écartée\u{a0}: retirez ce guillemet isolé, ou fermez-le"),
    ("problem.row_length.comma", "a comma in a name or a number? In a file separated by commas, put such a name in quotes, and write 0.5, not 0,5", "¿una coma en un nombre o en un número? En un archivo separado por comas, ponga ese nombre entre comillas y escriba 0.5, no 0,5", "une virgule dans un nom ou dans un nombre\u{202f}? Dans un fichier séparé par des virgules, mettez un tel nom entre guillemets, et écrivez 0.5, pas 0,5"),
    ("problem.row_skipped", "{message}; the row was skipped", "{message}; se omitió la fila", "{message}\u{202f}; la ligne a été ignorée"),
    ("problem.totals_row", "\"{name}\" reads as a row of totals, not a study: left out, so that its people are not counted twice; if it is a study, give it a name of its own", "\"{name}\" parece una fila de totales, no un estudio: se omitió para que sus participantes no se cuenten dos veces; si es un estudio, dele un nombre propio", "\"{name}\" ressemble à une ligne de totaux, pas à une étude\u{a0}: ligne écartée, pour que ses participants ne soient pas comptés deux fois\u{202f}; si c’est une étude, donnez-lui son propre nom"),
    ("problem.empty_outcome", "empty, but the table's other rows name their outcome: write this row's (such as \"Relapse\"); the row was left out, where it would have been an outcome of its own", "vacía, pero las demás filas de la tabla nombran su resultado: escriba el de esta fila (como \"Relapse\"); se omitió la fila, que si no habría formado un resultado aparte", "vide, alors que les autres lignes du tableau nomment leur critère\u{a0}: indiquez celui de cette ligne (par exemple \"Relapse\")\u{202f}; la ligne a été écartée, car elle aurait sinon formé un critère à part"),
    ("problem.near_outcome", "\"{outcome}\" and \"{other}\" (row {row}) are read as two outcomes, whose studies are not pooled together: if they are one, spell them the same", "\"{outcome}\" y \"{other}\" (fila {row}) se leen como dos resultados distintos, cuyos estudios no se combinan: si son el mismo, escríbalos igual", "\"{outcome}\" et \"{other}\" (ligne {row}) sont lus comme deux critères distincts, dont les études ne sont pas combinées\u{a0}: s’il s’agit du même critère, écrivez-les de la même façon"),
    ("problem.mixed_better", "\"{outcome}\" is better lower in one of row {row} and this row and higher in the other: its studies are drawn in two panels and not pooled together; give every row of an outcome the same direction", "\"{outcome}\" es mejor cuanto más bajo en una de estas dos filas (la fila {row} y esta) y cuanto más alto en la otra: sus estudios se dibujan en dos paneles y no se combinan; indique la misma dirección en todas las filas de un resultado", "pour \"{outcome}\", une valeur plus basse est meilleure dans l’une des deux lignes (la ligne {row} et celle-ci) et une valeur plus haute dans l’autre\u{a0}: ses études sont affichées dans deux panneaux et ne sont pas combinées\u{202f}; donnez le même sens à toutes les lignes d’un critère"),
    ("problem.estimate_with_interval", "\"{cell}\" is an estimate and its interval in one cell, which the chart cannot read: give each number a column of its own, such as \"HR\", \"Lower\" and \"Upper\" (see the template)", "\"{cell}\" es una estimación con su intervalo en una sola celda, que el gráfico no puede leer: ponga cada número en su propia columna, como \"HR\", \"Lower\" y \"Upper\" (vea la plantilla)", "\"{cell}\" contient une estimation et son intervalle dans une seule cellule, ce que le graphique ne peut pas lire\u{a0}: donnez à chaque nombre sa propre colonne, comme \"HR\", \"Lower\" et \"Upper\" (voir le modèle)"),
    ("problem.note_row", "only one cell is filled (\"{text}\"): read as a note, not a study, and left out; to make it a study, fill in its outcome and its numbers", "solo hay una celda rellena (\"{text}\"): se lee como una nota, no como un estudio, y se omitió; para que sea un estudio, rellene su resultado y sus números", "une seule cellule est remplie (\"{text}\")\u{a0}: ligne lue comme une note, pas comme une étude, et écartée\u{202f}; pour en faire une étude, indiquez son critère et ses chiffres"),
    ("problem.csv_read", "cannot read CSV: {detail}", "no se puede leer el CSV: {detail}", "impossible de lire le CSV\u{a0}: {detail}"),
    ("problem.conflicting_cell", "\"{value}\" differs from \"{earlier}\" given for the same study in row {row}; the earlier value was kept", "\"{value}\" no coincide con \"{earlier}\", indicado para el mismo estudio en la fila {row}; se mantuvo el valor anterior", "\"{value}\" diffère de \"{earlier}\", donné pour la même étude à la ligne {row}\u{202f}; la première valeur a été conservée"),
    ("problem.default_measure_not_for_form", "the default measure {measure} cannot be used with {form}; expected one of {allowed} (fill the measure column)", "la medida predeterminada {measure} no se puede usar con {form}; se esperaba una de estas: {allowed} (rellene la columna measure)", "la mesure par défaut {measure} ne peut pas être utilisée avec {form}\u{202f}; mesures possibles\u{a0}: {allowed} (remplissez la colonne measure)"),
    ("problem.empty_cell", "empty, but needed for {form}: fill it in", "vacía, pero hace falta para {form}: rellénela", "vide, mais nécessaire pour {form}\u{a0}: remplissez-la"),
    ("problem.cell_not_for_form", "has a value, but {form} do not use this column; leave it empty", "tiene un valor, pero esta columna no se usa con {form}: déjela vacía", "contient une valeur, mais cette colonne n’est pas utilisée avec {form}\u{202f}; laissez cette cellule vide"),
    ("problem.csv_bad", "\"{cell}\" is not {expected}", "\"{cell}\" no es {expected}", "\"{cell}\" n’est pas {expected}"),
    ("problem.repeated_study_name", "\"{name}\" also names the study in row {row}; read as a separate study with id \"{id}\"", "\"{name}\" también nombra el estudio de la fila {row}; se lee como un estudio distinto con el id \"{id}\"", "\"{name}\" nomme aussi l’étude de la ligne {row}\u{202f}; cette ligne est lue comme une étude distincte, avec l’identifiant \"{id}\""),
    ("problem.repeated_outcome", "\"{study}\" already has the outcome \"{outcome}\" in {first}: if these are two studies, give them different names (\"{study} b\"); if one, keep one row for the outcome", "\"{study}\" ya tiene el resultado \"{outcome}\" ({first}): si son dos estudios, deles nombres distintos (\"{study} b\"); si es uno, deje una sola fila para ese resultado", "\"{study}\" a déjà le critère \"{outcome}\" ({first})\u{a0}: s’il s’agit de deux études, donnez-leur des noms différents (\"{study} b\")\u{202f}; s’il s’agit d’une seule, gardez une seule ligne pour ce critère"),
    ("problem.unknown_column_like", "\"{header}\" is not a column the chart knows, so it is kept as an extra fact about each study: is it \"{like}\", misspelt?", "\"{header}\" no es una columna que el gráfico conozca, así que se conserva como un dato adicional de cada estudio: ¿es \"{like}\" mal escrito?", "\"{header}\" n’est pas une colonne connue du graphique, elle est donc conservée comme information supplémentaire sur chaque étude\u{a0}: est-ce \"{like}\" mal orthographié\u{202f}?"),
    ("problem.empty_needed", "empty, but the row's other numbers need it: fill it in", "vacía, pero los demás números de la fila la necesitan: rellénela", "vide, mais les autres nombres de la ligne en ont besoin\u{a0}: remplissez-la"),
    ("problem.assumed_column", "no \"{column}\" column; assuming {assumed}", "no hay columna \"{column}\"; se supone {assumed}", "pas de colonne \"{column}\"\u{202f}; hypothèse retenue\u{a0}: {assumed}"),
    ("problem.not_text_binary", "input is not valid UTF-8 (invalid byte at offset {offset}) nor Windows-1252 text (byte {byte} at offset {at} is not text); save the spreadsheet as \"CSV UTF-8\"", "el archivo no es UTF-8 válido (byte no válido en la posición {offset}) ni texto Windows-1252 (el byte {byte} de la posición {at} no es texto); guarde la hoja de cálculo como \"CSV UTF-8\"", "le fichier n’est ni en UTF-8 valide (octet invalide à la position {offset}) ni en texte Windows-1252 (l’octet {byte} à la position {at} n’est pas du texte)\u{202f}; enregistrez la feuille de calcul au format \"CSV UTF-8\""),
    ("problem.not_text_mixed", "input is not valid UTF-8 (invalid byte at offset {offset}), and it has UTF-8 characters elsewhere, so it was not read as Windows-1252 either; save the spreadsheet as \"CSV UTF-8\"", "el archivo no es UTF-8 válido (byte no válido en la posición {offset}) y tiene caracteres UTF-8 en otras partes, así que tampoco se leyó como Windows-1252; guarde la hoja de cálculo como \"CSV UTF-8\"", "le fichier n’est pas en UTF-8 valide (octet invalide à la position {offset}), et il contient ailleurs des caractères UTF-8, il n’a donc pas non plus été lu comme du Windows-1252\u{202f}; enregistrez la feuille de calcul au format \"CSV UTF-8\""),
    ("problem.broken_utf16", "the file is UTF-16 text that is not valid at byte {offset}; save the spreadsheet again as \"CSV UTF-8\"", "el archivo es texto UTF-16 que no es válido en el byte {offset}; vuelva a guardar la hoja de cálculo como \"CSV UTF-8\"", "le fichier est un texte UTF-16 invalide à l’octet {offset}\u{202f}; enregistrez de nouveau la feuille de calcul au format \"CSV UTF-8\""),
    ("problem.workbook", "this is {kind}, not a table saved as text: in the spreadsheet program choose \"Save as\" (or \"Download\") and \"CSV UTF-8\", then use that file", "este archivo es {kind}, no una tabla guardada como texto: en el programa de hojas de cálculo, elija \"Guardar como\" (o \"Descargar\") y \"CSV UTF-8\", y use ese archivo", "ce fichier est {kind}, et non un tableau enregistré au format texte\u{a0}: dans le tableur, choisissez \"Enregistrer sous\" (ou \"Télécharger\") et \"CSV UTF-8\", puis utilisez ce fichier-là"),
    ("problem.read_as_windows_1252", "input is not UTF-8; it was read as Windows-1252 (Excel's \"CSV\" on Windows): check that accented letters look right, or save it as \"CSV UTF-8\"", "el archivo no es UTF-8; se leyó como Windows-1252 (el \"CSV\" de Excel en Windows): compruebe que las letras con tilde se ven bien, o guárdelo como \"CSV UTF-8\"", "le fichier n’est pas en UTF-8\u{202f}; il a été lu comme du Windows-1252 (le format \"CSV\" d’Excel sous Windows)\u{a0}: vérifiez que les lettres accentuées s’affichent correctement, ou enregistrez-le au format \"CSV UTF-8\""),
    ("problem.separator", "input is separated by {name}; decimal commas (0,94) are read as decimal points", "las columnas del archivo están separadas por {name}; las comas decimales (0,94) se leen como separador decimal", "les colonnes du fichier sont séparées par {name}\u{202f}; les nombres à virgule décimale (0,94) sont lus comme des nombres décimaux"),
    ("problem.separator_line", "input is separated by {name} (as its \"sep=\" line says); decimal commas (0,94) are read as decimal points", "las columnas del archivo están separadas por {name} (como indica su línea \"sep=\"); las comas decimales (0,94) se leen como separador decimal", "les colonnes du fichier sont séparées par {name} (comme l’indique sa ligne \"sep=\")\u{202f}; les nombres à virgule décimale (0,94) sont lus comme des nombres décimaux"),
    ("problem.read_column_as", "read \"{header}\" as {column} ({meaning})", "se leyó \"{header}\" como {column} ({meaning})", "colonne \"{header}\" lue comme {column} ({meaning})"),
    ("problem.read_column_as_measure", "read \"{header}\" as {column} ({meaning}), with measure {measure} for rows that do not name one", "se leyó \"{header}\" como {column} ({meaning}), con la medida {measure} para las filas que no indican ninguna", "colonne \"{header}\" lue comme {column} ({meaning}), avec la mesure {measure} pour les lignes qui n’en indiquent pas"),
    ("problem.kept_as_moderator", "\"{header}\" was kept as an extra column, not read as {column}: \"{taken_by}\" is read as {column}", "\"{header}\" se conservó como columna adicional, no se leyó como {column}: \"{taken_by}\" se lee como {column}", "la colonne \"{header}\" a été conservée comme colonne supplémentaire, sans être lue comme {column}\u{a0}: c’est \"{taken_by}\" qui est lue comme {column}"),
    ("problem.no_data_columns", "no column with numbers to analyse (for counts: \"Experimental cases\", \"Experimental N\", \"Control cases\", \"Control N\" or ai, n1i, ci, n2i; see the template)", "no hay ninguna columna con números que analizar (para recuentos: \"Experimental cases\", \"Experimental N\", \"Control cases\", \"Control N\" o ai, n1i, ci, n2i; vea la plantilla)", "aucune colonne de nombres à analyser (pour des effectifs\u{a0}: \"Experimental cases\", \"Experimental N\", \"Control cases\", \"Control N\" ou ai, n1i, ci, n2i\u{202f}; voir le modèle)"),
    ("problem.extra_columns", "{message}; read as extra columns: {columns}", "{message}; se leyeron como columnas adicionales: {columns}", "{message}\u{202f}; lues comme colonnes supplémentaires\u{a0}: {columns}"),
    ("problem.mixed_decimal_marks", "\"{point}\" has a decimal point, but other numbers have a decimal comma (\"{comma}\", {comma_at}); a point is read as a decimal point, never as a thousands separator: check the number", "\"{point}\" tiene punto decimal, pero otros números tienen coma decimal (\"{comma}\", {comma_at}); un punto se lee como separador decimal, nunca como separador de miles: compruebe el número", "\"{point}\" contient un point décimal, mais d’autres nombres ont une virgule décimale (\"{comma}\", {comma_at})\u{202f}; un point est lu comme séparateur décimal, jamais comme séparateur de milliers\u{a0}: vérifiez ce nombre"),
    ("problem.missing_column_for", "missing column \"{column}\"", "falta la columna \"{column}\"", "colonne \"{column}\" manquante"),
    ("problem.missing_column_for_meaning", "missing column \"{column}\" ({meaning})", "falta la columna \"{column}\" ({meaning})", "colonne \"{column}\" manquante ({meaning})"),
    ("problem.missing_column_for_header", "missing column \"{header}\" ({column}: {meaning})", "falta la columna \"{header}\" ({column}: {meaning})", "colonne \"{header}\" manquante ({column}\u{a0}: {meaning})"),
    ("problem.or_column", "{message} (or \"{column}\")", "{message} (o \"{column}\")", "{message} (ou \"{column}\")"),
    ("problem.needed_for", "{message}, needed for {form}", "{message}, necesaria para {form}", "{message}, nécessaire pour {form}"),
    ("problem.rows_left_out", "{message}: {count} rows left out ({rows})", "{message}: se omitieron {count} filas ({rows})", "{message}\u{a0}: {count} lignes écartées ({rows})"),
    ("problem.rows_left_out_one", "{message}: 1 row left out ({rows})", "{message}: se omitió 1 fila ({rows})", "{message}\u{a0}: 1 ligne écartée ({rows})"),
    ("problem.whole_column", "{first}; no cell of this column is {expected}", "{first}; ninguna celda de esta columna es {expected}", "{first}\u{202f}; aucune cellule de cette colonne n’est {expected}"),
    ("problem.design_column_missing", "no \"design\" column, so the studies' designs are not given: they are shown as \"unknown\" and not rated as randomised (single_arm where the numbers describe one group only); add a design column (rct, crossover_rct, non_randomised_controlled, cohort, …) to say", "no hay columna \"design\", así que no se indica el diseño de los estudios: se muestran como \"desconocido\" y no se valoran como aleatorizados (single_arm si los números describen un solo grupo); añada una columna design (rct, crossover_rct, non_randomised_controlled, cohort, …) para indicarlo", "pas de colonne \"design\", donc le type des études n’est pas indiqué\u{a0}: elles sont affichées avec un type inconnu et ne sont pas classées comme randomisées (single_arm quand les chiffres ne décrivent qu’un seul groupe)\u{202f}; ajoutez une colonne design (rct, crossover_rct, non_randomised_controlled, cohort, …) pour l’indiquer"),
    ("problem.design_not_given", "empty: the design is not given, so the study is shown as \"unknown\" and not rated as randomised", "vacía: no se indica el diseño, así que el estudio se muestra como \"desconocido\" y no se valora como aleatorizado", "vide\u{a0}: le type d’étude n’est pas indiqué, donc l’étude est affichée avec un type inconnu et n’est pas classée comme randomisée"),
    ("forms.generic", "yi/vi data", "datos yi/vi", "les données yi/vi"),
    ("forms.proportions", "proportions", "proporciones", "les proportions"),
    ("forms.estimates", "estimates", "estimaciones", "les estimations"),
    ("form.estimate_measure", "an estimate (say which measure it is)", "una estimación (indique qué medida es)", "une estimation (précisez de quelle mesure il s’agit)"),
    ("place.row", "row {row}", "fila {row}", "ligne {row}"),
    ("place.rows", "rows {rows}", "filas {rows}", "lignes {rows}"),
    ("place.column", "{place}, column {column}", "{place}, columna {column}", "{place}, colonne {column}"),
    ("reason.thousands", "write numbers without thousands separators (1234, not 1,234 or 1.234)", "escriba los números sin separador de miles (1234, no 1,234 ni 1.234)", "écrivez les nombres sans séparateur de milliers (1234, et non 1,234 ou 1.234)"),
    ("reason.decimal_point", "use a dot as the decimal separator (decimal commas are read only in files separated by semicolons or tabs)", "use el punto como separador decimal (las comas decimales solo se leen en archivos separados por punto y coma o por tabulaciones)", "utilisez un point comme séparateur décimal (les virgules décimales ne sont lues que dans les fichiers séparés par des points-virgules ou des tabulations)"),
    ("reason.percentage", "write the number of people, not a percentage", "escriba el número de personas, no un porcentaje", "écrivez le nombre de personnes, pas un pourcentage"),
    ("reason.negative", "counts cannot be negative", "un recuento no puede ser negativo", "un effectif ne peut pas être négatif"),
    ("reason.fraction", "counts are whole numbers", "un recuento es un número entero", "un effectif est un nombre entier"),
    ("reason.too_large", "too large", "es demasiado grande", "trop grand"),
    ("expect.a_count", "a count", "un recuento", "un effectif"),
    ("expect.year_whole", "a year (a whole number)", "un año (un número entero)", "une année (un nombre entier)"),
    ("expect.known", "a known {what}", "un valor conocido de {what}", "une valeur connue de {what}"),
    ("assumed.better_lower", "lower values favour the treatment", "que los valores más bajos favorecen al tratamiento", "les valeurs plus basses sont favorables au traitement"),
    ("assumed.one_outcome", "one outcome, named \"main\" in the charts and the summary; add an outcome column that names what was measured (\"Deaths\") to tell readers", "un solo resultado, llamado \"main\" en los gráficos y el resumen; añada una columna outcome que nombre lo que se midió (\"Deaths\") para indicarlo a los lectores", "un seul critère, nommé \"main\" dans les graphiques et le résumé\u{202f}; ajoutez une colonne outcome qui nomme ce qui a été mesuré (\"Deaths\") pour l’indiquer aux lecteurs"),
    ("workbook.ods", "an OpenDocument spreadsheet (.ods)", "una hoja de cálculo OpenDocument (.ods)", "une feuille de calcul OpenDocument (.ods)"),
    ("workbook.xlsx", "an Excel workbook (.xlsx)", "un libro de Excel (.xlsx)", "un classeur Excel (.xlsx)"),
    ("workbook.xls", "an Excel 97-2003 workbook (.xls)", "un libro de Excel 97-2003 (.xls)", "un classeur Excel 97-2003 (.xls)"),
    ("separator.semicolons", "semicolons", "punto y coma", "des points-virgules"),
    ("separator.tabs", "tabs", "tabulaciones", "des tabulations"),
    ("column.study", "the study's name", "el nombre del estudio", "le nom de l’étude"),
    ("column.label", "the label shown for the study", "la etiqueta que se muestra para el estudio", "le libellé affiché pour l’étude"),
    ("column.year", "the year", "el año", "l’année"),
    ("column.design", "the study design", "el diseño del estudio", "le type d’étude"),
    ("column.outcome", "the outcome", "el resultado", "le critère"),
    ("column.outcome_article", "the outcome's article (\"la\", \"l’\")", "el artículo del resultado (\"la\", \"l’\")", "l’article du critère (\"la\", \"l’\")"),
    ("column.measure", "the effect measure", "la medida del efecto", "la mesure de l’effet"),
    ("column.condition", "the condition", "la afección", "l’affection"),
    ("column.therapy", "the treatment", "el tratamiento", "le traitement"),
    ("column.kind", "benefit or harm", "beneficio o daño", "bénéfice ou effet indésirable"),
    ("column.better", "which direction is better", "qué dirección es mejor", "le sens favorable"),
    ("column.status", "how the numbers were checked", "cómo se comprobaron los números", "comment les chiffres ont été vérifiés"),
    ("column.source_kind", "the kind of source", "el tipo de fuente", "le type de source"),
    ("column.citation", "the reference", "la referencia", "la référence"),
    ("column.doi", "the DOI", "el DOI", "le DOI"),
    ("column.pmid", "the PubMed id", "el id de PubMed", "l’identifiant PubMed"),
    ("column.nct", "the trial registration", "el registro del ensayo", "l’enregistrement de l’essai"),
    ("column.url", "a link", "un enlace", "un lien"),
    ("column.level", "the confidence level", "el nivel de confianza", "le niveau de confiance"),
    ("column.ai", "events in the treatment group", "eventos en el grupo de tratamiento", "les événements du groupe traité"),
    ("column.bi", "people without the event in the treatment group", "personas sin el evento en el grupo de tratamiento", "les personnes sans l’événement dans le groupe traité"),
    ("column.ci", "events in the control group", "eventos en el grupo de control", "les événements du groupe témoin"),
    ("column.di", "people without the event in the control group", "personas sin el evento en el grupo de control", "les personnes sans l’événement dans le groupe témoin"),
    ("column.n1i", "people in the treatment group", "personas en el grupo de tratamiento", "les personnes du groupe traité"),
    ("column.n2i", "people in the control group", "personas en el grupo de control", "les personnes du groupe témoin"),
    ("column.m1i", "mean in the treatment group", "media en el grupo de tratamiento", "la moyenne du groupe traité"),
    ("column.sd1i", "standard deviation in the treatment group", "desviación estándar en el grupo de tratamiento", "l’écart-type du groupe traité"),
    ("column.m2i", "mean in the control group", "media en el grupo de control", "la moyenne du groupe témoin"),
    ("column.sd2i", "standard deviation in the control group", "desviación estándar en el grupo de control", "l’écart-type du groupe témoin"),
    ("column.yi", "the effect on the analysis scale, logs for ratios", "el efecto en la escala del análisis, en logaritmos para las razones", "l’effet sur l’échelle de l’analyse, en logarithme pour les rapports"),
    ("column.vi", "its variance", "su varianza", "sa variance"),
    ("column.sei", "its standard error", "su error estándar", "son erreur type"),
    ("column.xi", "events in the single group", "eventos en el grupo único", "les événements du groupe unique"),
    ("column.ni", "people in the single group", "personas en el grupo único", "les personnes du groupe unique"),
    ("column.estimate", "the study's effect estimate", "la estimación del efecto del estudio", "l’estimation de l’effet de l’étude"),
    ("column.ci_lb", "the lower bound of its confidence interval", "el límite inferior de su intervalo de confianza", "la borne inférieure de son intervalle de confiance"),
    ("column.ci_ub", "the upper bound of its confidence interval", "el límite superior de su intervalo de confianza", "la borne supérieure de son intervalle de confiance"),
];

// What the review importer writes into the data for readers (a study's caveats, why a row has no
// numbers), in every language at once: the data it makes serves them all. Not in the widget.
#[cfg(feature = "import")]
catalogue![IMPORT_ONLY, IMPORT_ONLY_TRANSLATIONS:
    ("import.unstated_design", "The review's file does not say how this study was designed, so it is shown as of unknown design and not rated as randomised (most studies in Cochrane reviews of interventions are randomised trials: the review's text will say).", "El archivo de la revisión no dice cómo se diseñó este estudio, así que se muestra como de diseño desconocido y no se valora como aleatorizado (la mayoría de los estudios de las revisiones Cochrane de intervenciones son ensayos aleatorizados: el texto de la revisión lo dirá).", "Le fichier de la revue ne dit pas comment cette étude a été conçue\u{a0}: elle est donc présentée comme de type inconnu et n’est pas classée comme randomisée (la plupart des études des revues Cochrane d’interventions sont des essais randomisés\u{a0}: le texte de la revue le précisera)."),
    ("import.unrecognised_design", "The review's file says how this study was designed in words the chart does not recognise, so it is shown as of unknown design and not rated as randomised (the review's text will say).", "El archivo de la revisión describe el diseño de este estudio con palabras que el gráfico no reconoce, así que se muestra como de diseño desconocido y no se valora como aleatorizado (el texto de la revisión lo dirá).", "Le fichier de la revue décrit la conception de cette étude avec des mots que le graphique ne reconnaît pas\u{a0}: elle est donc présentée comme de type inconnu et n’est pas classée comme randomisée (le texte de la revue le précisera)."),
    ("import.said_randomised", "The review's file does not say how this study was designed; it is shown as a randomised trial because whoever converted the file said the review's studies are.", "El archivo de la revisión no dice cómo se diseñó este estudio; se muestra como ensayo aleatorizado porque quien convirtió el archivo indicó que los estudios de la revisión lo son.", "Le fichier de la revue ne dit pas comment cette étude a été conçue\u{202f}; elle est présentée comme un essai randomisé parce que la personne qui a converti le fichier a indiqué que les études de la revue le sont."),
    ("import.study_citation", "{study}, as included in the review", "{study}, tal como se incluyó en la revisión", "{study}, étude incluse dans la revue"),
    ("import.review_citation", "Cochrane review: {title}", "Revisión Cochrane: {title}", "Revue Cochrane\u{a0}: {title}"),
    ("import.not_estimable", "Not estimable in the review: {why}.", "No estimable en la revisión: {why}.", "Non estimable dans la revue\u{a0}: {why}."),
    ("import.why.counts_not_whole", "the counts are not whole numbers", "los recuentos no son números enteros", "les effectifs ne sont pas des nombres entiers"),
    ("import.why.arm_counts", "an arm has no participants or more events than participants", "un grupo no tiene participantes o tiene más eventos que participantes", "un groupe n’a aucun participant ou compte plus d’événements que de participants"),
    ("import.why.sizes_not_whole", "the group sizes are not whole numbers", "los tamaños de los grupos no son números enteros", "les effectifs des groupes ne sont pas des nombres entiers"),
    ("import.why.no_sd", "a group is empty or has no standard deviation", "un grupo está vacío o no tiene desviación estándar", "un groupe est vide ou n’a pas d’écart-type"),
    ("import.why.no_se", "no effect with a positive standard error", "no hay un efecto con un error estándar positivo", "aucun effet avec une erreur type positive"),
    ("import.why.no_oe_variance", "no O-E with a positive variance", "no hay O-E con una varianza positiva", "aucun O-E avec une variance positive"),
    ("import.why.no_data", "no data were entered", "no se introdujeron datos", "aucune donnée n’a été saisie"),
    ("import.note.data_type_left_out", "{analysis}: data type \"{data_type}\" cannot be analysed and was left out", "{analysis}: el tipo de datos \"{data_type}\" no se puede analizar y se omitió", "{analysis}\u{a0}: le type de données \"{data_type}\" ne peut pas être analysé et a été écarté"),
    ("import.note.other_data_left_out", "{analysis}: \"other data\" (text tables) cannot be analysed and was left out", "{analysis}: los datos de tipo \"other data\" (tablas de texto) no se pueden analizar y se omitieron", "{analysis}\u{a0}: les données de type \"other data\" (tableaux de texte) ne peuvent pas être analysées et ont été écartées"),
    ("import.note.unknown_method", "{analysis}: unknown method \"{method}\"; left out", "{analysis}: método desconocido \"{method}\"; se omitió", "{analysis}\u{a0}: méthode inconnue \"{method}\"\u{202f}; analyse écartée"),
    ("import.note.unknown_measure", "{analysis}: unknown effect measure \"{measure}\"; left out", "{analysis}: medida del efecto desconocida \"{measure}\"; se omitió", "{analysis}\u{a0}: mesure de l’effet inconnue \"{measure}\"\u{202f}; analyse écartée"),
    ("import.note.group_judged_item", "risk-of-bias item \"{item}\" is judged per outcome group: left out", "el criterio de riesgo de sesgo \"{item}\" se valora por grupo de resultados: se omitió", "le domaine de risque de biais \"{item}\" est évalué par groupe de critères de jugement\u{a0}: il a été écarté"),
    ("import.note.risk_of_bias_unread", "{error}; the risk-of-bias table was left out", "{error}; se omitió la tabla de riesgo de sesgo", "{error}\u{202f}; le tableau du risque de biais a été écarté"),
    ("import.note.groups_as_outcome_name", "analysis {analysis}'s name, \"{name}\", names the groups compared rather than what was measured, and the answers use it as the outcome's name: set the \"name\" of outcome {analysis} in the downloaded data (\"Deaths at 1 year\", say)", "el nombre del análisis {analysis}, \"{name}\", designa los grupos comparados en lugar de lo que se midió, y las respuestas lo usan como nombre del resultado: escriba el \"name\" del resultado {analysis} en los datos descargados (\"Muertes al cabo de 1 año\", por ejemplo)", "le nom de l’analyse {analysis}, \"{name}\", désigne les groupes comparés plutôt que ce qui a été mesuré, et les réponses l’utilisent comme nom du critère\u{a0}: indiquez le \"name\" du critère {analysis} dans les données téléchargées (\"Décès à 1 an\", par exemple)"),
    ("import.note.not_estimable", "{study} in {analysis} ({name}): {why}; the study is kept, without numbers for this analysis (RevMan: not estimable)", "{study} en {analysis} ({name}): {why}; el estudio se conserva, sin cifras para este análisis (RevMan: no estimable)", "{study} dans {analysis} ({name})\u{a0}: {why}\u{202f}; l’étude est conservée, sans chiffres pour cette analyse (RevMan\u{a0}: non estimable)"),
    ("import.note.unstated_designs", "{count} of {studies}: the review's file does not say how they were designed, so the chart rates them as evidence that is not randomised (low certainty at best). If they are randomised trials, say so when converting (the box beside the file on the embed page, or `evidence-lens import --randomised`), or write so in each study's Methods in RevMan (\"Randomised controlled trial\") and export again", "{count} de {studies}: el archivo de la revisión no dice cómo se diseñaron, así que el gráfico los valora como evidencia no aleatorizada (certeza baja como mucho). Si son ensayos aleatorizados, indíquelo al convertir (la casilla junto al archivo en la página de inserción, o `evidence-lens import --randomised`), o escríbalo en el apartado Methods de cada estudio en RevMan (\"Randomised controlled trial\") y vuelva a exportar", "{count} sur {studies}\u{a0}: le fichier de la revue ne dit pas comment elles ont été conçues, donc le graphique les classe comme des données non randomisées (certitude faible au mieux). Si ce sont des essais randomisés, indiquez-le lors de la conversion (la case à côté du fichier sur la page d’intégration, ou `evidence-lens import --randomised`), ou écrivez-le dans la partie Methods de chaque étude dans RevMan (\"Randomised controlled trial\") et exportez à nouveau"),
    ("import.note.unstated_designs_one", "{count} of {studies}: the review's file does not say how it was designed, so the chart rates it as evidence that is not randomised (low certainty at best). If it is a randomised trial, say so when converting (the box beside the file on the embed page, or `evidence-lens import --randomised`), or write so in its Methods in RevMan (\"Randomised controlled trial\") and export again", "{count} de {studies}: el archivo de la revisión no dice cómo se diseñó, así que el gráfico lo valora como evidencia no aleatorizada (certeza baja como mucho). Si es un ensayo aleatorizado, indíquelo al convertir (la casilla junto al archivo en la página de inserción, o `evidence-lens import --randomised`), o escríbalo en su apartado Methods en RevMan (\"Randomised controlled trial\") y vuelva a exportar", "{count} sur {studies}\u{a0}: le fichier de la revue ne dit pas comment elle a été conçue, donc le graphique la classe parmi les données non randomisées (certitude faible au mieux). S’il s’agit d’un essai randomisé, indiquez-le lors de la conversion (la case à côté du fichier sur la page d’intégration, ou `evidence-lens import --randomised`), ou écrivez-le dans sa partie Methods dans RevMan (\"Randomised controlled trial\") et exportez à nouveau"),
    ("import.note.unrecognised_designs", "{count} of {studies}: the review's file says how they were designed in words the chart does not recognise, so it rates them as evidence that is not randomised; set \"design\" in the downloaded data (rct, crossover_rct, non_randomised_controlled, cohort, case_series…)", "{count} de {studies}: el archivo de la revisión describe cómo se diseñaron con palabras que el gráfico no reconoce, así que los valora como evidencia no aleatorizada; escriba el \"design\" en los datos descargados (rct, crossover_rct, non_randomised_controlled, cohort, case_series…)", "{count} sur {studies}\u{a0}: le fichier de la revue décrit leur conception avec des mots que le graphique ne reconnaît pas, donc il les classe comme des données non randomisées\u{202f}; indiquez le \"design\" dans les données téléchargées (rct, crossover_rct, non_randomised_controlled, cohort, case_series…)"),
    ("import.note.unrecognised_designs_one", "{count} of {studies}: the review's file says how it was designed in words the chart does not recognise, so it rates it as evidence that is not randomised; set \"design\" in the downloaded data (rct, crossover_rct, non_randomised_controlled, cohort, case_series…)", "{count} de {studies}: el archivo de la revisión describe cómo se diseñó con palabras que el gráfico no reconoce, así que lo valora como evidencia no aleatorizada; escriba el \"design\" en los datos descargados (rct, crossover_rct, non_randomised_controlled, cohort, case_series…)", "{count} sur {studies}\u{a0}: le fichier de la revue décrit sa conception avec des mots que le graphique ne reconnaît pas, donc il la classe parmi les données non randomisées\u{202f}; indiquez le \"design\" dans les données téléchargées (rct, crossover_rct, non_randomised_controlled, cohort, case_series…)"),
    ("import.note.said_randomised", "{count} of {studies}: the review's file does not say how they were designed; shown as randomised trials, as you said, and each says so to readers", "{count} de {studies}: el archivo de la revisión no dice cómo se diseñaron; se muestran como ensayos aleatorizados, como usted indicó, y cada uno lo señala a los lectores", "{count} sur {studies}\u{a0}: le fichier de la revue ne dit pas comment elles ont été conçues\u{202f}; elles sont présentées comme des essais randomisés, comme vous l’avez indiqué, et chacune le signale aux lecteurs"),
    ("import.note.said_randomised_one", "{count} of {studies}: the review's file does not say how it was designed; shown as a randomised trial, as you said, and it says so to readers", "{count} de {studies}: el archivo de la revisión no dice cómo se diseñó; se muestra como ensayo aleatorizado, como usted indicó, y el estudio lo señala a los lectores", "{count} sur {studies}\u{a0}: le fichier de la revue ne dit pas comment elle a été conçue\u{202f}; elle est présentée comme un essai randomisé, comme vous l’avez indiqué, et le signale aux lecteurs"),
    ("import.note.comparison_for_therapy", "{count} of {studies}: the review's file names no treatment groups for them (no group labels but generic ones, and no \"A versus B\" in the name of their comparison or analysis), so the name of their comparison stands for the treatment: {comparisons}; where that is not a treatment's name, set each study's \"intervention\": {\"therapy\": …} in the downloaded data", "{count} de {studies}: el archivo de la revisión no nombra sus grupos de tratamiento (solo etiquetas de grupo genéricas, y ningún \"A versus B\" en el nombre de su comparación o análisis), así que el nombre de su comparación ocupa el lugar del tratamiento: {comparisons}; si no es el nombre de un tratamiento, escriba la \"intervention\" de cada estudio en los datos descargados: {\"therapy\": …}", "{count} sur {studies}\u{a0}: le fichier de la revue ne nomme pas leurs groupes de traitement (seulement des libellés de groupe génériques, et aucun \"A versus B\" dans le nom de leur comparaison ou analyse), donc le nom de leur comparaison tient lieu de traitement\u{a0}: {comparisons}\u{202f}; si ce n’est pas le nom d’un traitement, indiquez l’\"intervention\" de chaque étude dans les données téléchargées\u{a0}: {\"therapy\": …}"),
    ("import.note.no_condition", "the review's file names no condition: set each study's \"condition\" in the downloaded data, so that the answers say whom they are about", "el archivo de la revisión no nombra ninguna afección: escriba la \"condition\" de cada estudio en los datos descargados, para que las respuestas digan a quién se refieren", "le fichier de la revue ne nomme aucune affection\u{a0}: indiquez la \"condition\" de chaque étude dans les données téléchargées, afin que les réponses disent de qui elles parlent"),
    ("import.error.io", "{path}: cannot read: {message}", "{path}: no se puede leer: {message}", "{path}\u{a0}: lecture impossible\u{a0}: {message}"),
    ("import.error.too_large", "{what} is {bytes} bytes; the limit is {limit} bytes", "{what} ocupa {bytes} bytes; el límite es de {limit} bytes", "{what} fait {bytes} octets\u{202f}; la limite est de {limit} octets"),
    ("import.error.unknown_format", "not a RevMan 5 file (.rm5), a Cochrane data package (.zip) or its *-data-rows.csv: {reason}", "no es un archivo de RevMan 5 (.rm5), un paquete de datos Cochrane (.zip) ni su *-data-rows.csv: {reason}", "ce n’est ni un fichier RevMan 5 (.rm5), ni un paquet de données Cochrane (.zip), ni son *-data-rows.csv\u{a0}: {reason}"),
    ("import.format.empty", "the file is empty", "el archivo está vacío", "le fichier est vide"),
    ("import.format.unrecognised", "it is not a zip archive, not XML, and not named *-data-rows.csv", "no es un archivo zip ni XML, y no se llama *-data-rows.csv", "ce n’est ni une archive zip ni du XML, et son nom n’est pas *-data-rows.csv"),
    ("import.format.files", "{count} files were given; give one .rm5 file, one .zip, or the data package's CSV files", "se eligieron {count} archivos; elija un solo archivo .rm5, un .zip o los archivos CSV del paquete de datos", "{count} fichiers ont été fournis\u{202f}; choisissez un fichier .rm5, un .zip ou les fichiers CSV du paquet de données"),
    ("import.error.invalid_text", "{what}: bytes at offset {offset} are not valid text in the declared encoding", "{what}: los bytes en la posición {offset} no son texto válido en la codificación declarada", "{what}\u{a0}: les octets à la position {offset} ne sont pas du texte valide dans l’encodage déclaré"),
    ("import.error.encoding", "the XML declares encoding \"{name}\"; RevMan files are ISO-8859-1 or UTF-8", "el XML declara la codificación \"{name}\"; los archivos de RevMan son ISO-8859-1 o UTF-8", "le XML déclare l’encodage \"{name}\"\u{202f}; les fichiers RevMan sont en ISO-8859-1 ou en UTF-8"),
    ("import.error.xml", "the file is not complete, well-formed XML at line {line}, column {column} ({message}): it may have been cut short or edited by hand; save it again from RevMan, or export the review's data package (a .zip) from the Cochrane Library", "el archivo no es XML completo y bien formado en la línea {line}, columna {column} ({message}): puede que se haya cortado o editado a mano; guárdelo de nuevo desde RevMan, o exporte el paquete de datos de la revisión (un .zip) desde la Cochrane Library", "le fichier n’est pas du XML complet et bien formé à la ligne {line}, colonne {column} ({message})\u{a0}: il a peut-être été tronqué ou modifié à la main\u{202f}; enregistrez-le à nouveau depuis RevMan, ou exportez le paquet de données de la revue (un .zip) depuis la Cochrane Library"),
    ("import.error.not_a_review", "not a RevMan review of interventions: {reason}", "no es una revisión de intervenciones de RevMan: {reason}", "ce n’est pas une revue d’interventions RevMan\u{a0}: {reason}"),
    ("import.not_review.root", "the root element is <{root}>, not <COCHRANE_REVIEW>", "el elemento raíz es <{root}>, no <COCHRANE_REVIEW>", "l’élément racine est <{root}>, et non <COCHRANE_REVIEW>"),
    ("import.not_review.type", "it is a review of type {kind}", "es una revisión de tipo {kind}", "c’est une revue de type {kind}"),
    ("import.error.zip", "unreadable zip archive: {message}", "archivo zip ilegible: {message}", "archive zip illisible\u{a0}: {message}"),
    ("import.error.zip_entries", "the zip archive has {count} entries, more than a data package could have ({limit} at most)", "el archivo zip tiene {count} entradas, más de las que podría tener un paquete de datos ({limit} como máximo)", "l’archive zip contient {count} entrées, plus qu’un paquet de données ne peut en avoir ({limit} au maximum)"),
    ("import.error.missing_file", "the data package has no {name}: choose all the CSV files it came with together, or its .zip", "al paquete de datos le falta {name}: elija a la vez todos los archivos CSV que venían con él, o su .zip", "le paquet de données ne contient pas {name}\u{a0}: choisissez en même temps tous les fichiers CSV fournis avec lui, ou son .zip"),
    ("import.error.csv", "{file}, line {line}: {message}", "{file}, línea {line}: {message}", "{file}, ligne {line}\u{a0}: {message}"),
    ("import.error.missing_column", "{file}: no column \"{column}\"", "{file}: no hay ninguna columna \"{column}\"", "{file}\u{a0}: aucune colonne \"{column}\""),
    ("import.error.bad_value", "{file}, line {line}, column \"{column}\": \"{value}\" is not {expected}", "{file}, línea {line}, columna \"{column}\": \"{value}\" no es {expected}", "{file}, ligne {line}, colonne \"{column}\"\u{a0}: \"{value}\" n’est pas {expected}"),
    ("import.expect.analysis_number", "an analysis number", "un número de análisis", "un numéro d’analyse"),
    ("import.error.no_analyses", "the review has no analysis with study data", "la revisión no tiene ningún análisis con datos de estudios", "la revue ne contient aucune analyse avec des données d’études"),
];

/// [`tn`] with each value named as the template names it: `say!(lang, "problem.x", line, found =
/// quoted)` fills `{line}` with `line` and `{found}` with `quoted`. For messages built from typed
/// values (a dataset's problems, an import's notes), which are said in any language.
macro_rules! say {
    ($lang:expr, $key:expr $(, $name:ident $(= $value:expr)?)* $(,)?) => {
        $crate::i18n::say_values($lang, $key, &[$((stringify!($name), $crate::i18n::say!(@value $name $(, $value)?))),*])
    };
    (@value $name:ident) => { &$name as &dyn ::std::fmt::Display };
    (@value $name:ident, $value:expr) => { &$value as &dyn ::std::fmt::Display };
}
pub(crate) use say;

/// The template `key` in `lang` with `values` filled in (each written out here, once, rather
/// than at each of the messages that [`say!`] them: 4 kB less of the widget's wasm).
pub(crate) fn say_values(
    lang: Lang,
    key: &str,
    values: &[(&str, &dyn std::fmt::Display)],
) -> String {
    let written: Vec<(&str, String)> = values
        .iter()
        .map(|(name, v)| (*name, v.to_string()))
        .collect();
    let named: Vec<(&str, &str)> = written
        .iter()
        .map(|(name, v)| (*name, v.as_str()))
        .collect();
    tn(lang, key, &named)
}

/// `key`, which must be a catalogue key: English written in its place would not be translated
/// (checked in debug builds, which the tests are).
pub(crate) fn checked(key: &str) -> &str {
    debug_assert!(
        translated(Lang::En, key).is_some(),
        "not a catalogue key: {key}"
    );
    key
}

/// The text for `key` in `lang`; the key itself when the table has no such key, so that a
/// missing string shows where it belongs instead of vanishing (never panics).
pub fn t(lang: Lang, key: &str) -> &'static str {
    match row_of(key) {
        Some(row) => text_of(row, lang),
        None => missing_key(key),
    }
}

/// The row of `key` in the table.
fn row_of(key: &str) -> Option<usize> {
    // The table's rows by key, made once: appraising 10,000 studies looks up keys hundreds of
    // thousands of times (a scan of the whole table was a tenth of that time, a binary search
    // of the sorted keys 2.5%).
    // (Keys owned, as the crate's other maps of numbers by name are: a map of a type of its own
    // compiles its own table code.)
    static BY_KEY: OnceLock<foldhash::HashMap<String, usize>> = OnceLock::new();
    let by_key = BY_KEY.get_or_init(|| {
        (0..TABLE.len())
            .map(|i| (TABLE[i].0.to_string(), i))
            .collect()
    });
    by_key.get(key).copied()
}

/// Row `row`'s text in `lang` (English for a language the slim catalogue has not been given).
fn text_of(row: usize, lang: Lang) -> &'static str {
    own_text(row, lang).unwrap_or(TABLE[row].1)
}

/// Row `row`'s own text in `lang`: `None` where a slim catalogue has not been given it.
fn own_text(row: usize, lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => Some(TABLE[row].1),
        #[cfg(not(feature = "slim-catalogue"))]
        Lang::Es | Lang::Fr => Some(TRANSLATIONS[row][lang.index() - 1]),
        #[cfg(feature = "slim-catalogue")]
        Lang::Es | Lang::Fr => installed(lang)?.get(row).copied().flatten(),
    }
}

/// The text for `key` in `lang` when the catalogue has that very text: `None` for a key it lacks,
/// and for a row a slim catalogue was not given in `lang` (an installed file older than the
/// engine), where [`t`] would give the English.
pub fn translated(lang: Lang, key: &str) -> Option<&'static str> {
    own_text(row_of(key)?, lang)
}

/// Whether the catalogue has `lang`'s texts: always, unless it is slim and the language has not
/// been [`install`]ed.
pub fn has(lang: Lang) -> bool {
    #[cfg(feature = "slim-catalogue")]
    if lang != Lang::En {
        return installed(lang).is_some();
    }
    let _ = lang;
    true
}

/// The Spanish and French texts a slim catalogue has been given, by row.
#[cfg(feature = "slim-catalogue")]
static INSTALLED: [OnceLock<Vec<Option<&'static str>>>; 2] = [OnceLock::new(), OnceLock::new()];

#[cfg(feature = "slim-catalogue")]
fn installed(lang: Lang) -> Option<&'static Vec<Option<&'static str>>> {
    INSTALLED.get(lang.index().checked_sub(1)?)?.get()
}

/// Gives a slim catalogue `lang`'s texts: a JSON object of key → text, as `evidence-lens
/// catalogue --lang LANG` writes it. Keys the table lacks are ignored; rows the object lacks stay
/// English. Installed once per language (the texts are kept for the page's life); the full
/// catalogue needs nothing and ignores it.
pub fn install(lang: Lang, json: &str) -> Result<(), serde_json::Error> {
    let texts: foldhash::HashMap<String, String> = serde_json::from_str(json)?;
    #[cfg(feature = "slim-catalogue")]
    if let Some(slot) = lang.index().checked_sub(1).and_then(|i| INSTALLED.get(i)) {
        slot.get_or_init(|| {
            TABLE
                .iter()
                .map(|(key, _)| {
                    texts
                        .get(*key)
                        .map(|t| &*Box::leak(t.clone().into_boxed_str()))
                })
                .collect()
        });
    }
    let _ = (lang, texts);
    Ok(())
}

/// A key the table lacks, as a `&'static str` like the table's texts: each distinct one is
/// allocated once and kept. Keys are written in the code (some with an enum's name filled
/// in), never taken from data, so there are few of them.
fn missing_key(key: &str) -> &'static str {
    // A list, not a set: few keys, and a set type would bring its own code into the wasm.
    static MISSING: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
    // A panic elsewhere while the list was held leaves it consistent: pushes are atomic.
    let mut missing = MISSING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(&kept) = missing.iter().find(|&&k| k == key) {
        return kept;
    }
    let kept: &'static str = Box::leak(key.to_owned().into_boxed_str());
    missing.push(kept);
    kept
}

/// [`t`] with named placeholders filled: `{therapy}` by the value named "therapy". The
/// appraisal's sentences use names, so that each language may put them in its own order. A
/// placeholder without a value is left empty (tests check every language has the same names).
/// A value is joined to the word before it as the language writes it (see `join`).
pub fn tn(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let template = t(lang, key);
    let mut out = String::with_capacity(template.len() + 32);
    // `template[..copied]` is in `out`; braces are ASCII, so byte offsets are char boundaries.
    let mut copied = 0;
    let mut from = 0;
    while let Some(open) = template[from..].find('{').map(|at| from + at) {
        let name_at = open + 1;
        let name_len = template.as_bytes()[name_at..]
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_'));
        match name_len {
            Some(len) if template.as_bytes()[name_at + len] == b'}' => {
                let name = &template[name_at..name_at + len];
                out.push_str(&template[copied..open]);
                let value = args.iter().find(|(n, _)| *n == name).map_or("", |(_, v)| v);
                let value = join(lang, &mut out, value);
                out.push_str(value);
                copied = name_at + len + 1;
                from = copied;
            }
            // Not a placeholder: the brace stays, as text.
            _ => from = name_at,
        }
    }
    out.push_str(&template[copied..]);
    out
}

/// Where a template's last word meets a value, as Spanish and French write them, which the
/// catalogue cannot do before a placeholder whose value it does not know. Spanish "de el" is
/// "del", "a el" "al"; French "de le" is "du", "de les" "des", "à le" "au", "à les" "aux"; and
/// French "de" and "que" elide before a vowel ("atteintes d’asthme", "plus large qu’AHSCT"), not
/// before "h", where it depends on the word ("d’hypertension" but "de handicap"), nor "y".
/// Returns what of the value is still to be written.
fn join<'v>(lang: Lang, out: &mut String, value: &'v str) -> &'v str {
    const SPANISH: &[(&str, &str, &str)] = &[("de ", "el ", "del "), ("a ", "el ", "al ")];
    const FRENCH: &[(&str, &str, &str)] = &[
        ("de ", "le ", "du "),
        ("de ", "les ", "des "),
        ("à ", "le ", "au "),
        ("à ", "les ", "aux "),
    ];
    let contractions = match lang {
        Lang::En => return value,
        Lang::Es => SPANISH,
        Lang::Fr => FRENCH,
    };
    for &(word, article, joined) in contractions {
        if let Some(rest) = value.strip_prefix(article) {
            if ends_with_word(out, word) {
                out.truncate(out.len() - word.len());
                out.push_str(joined);
                return rest;
            }
        }
    }
    if lang != Lang::Fr {
        return value;
    }
    let vowel = value
        .chars()
        .next()
        .is_some_and(|c| "aeiouàâäéèêëîïôöùûüœæ".contains(crate::case::lower(c)));
    if vowel
        && ["de ", "De ", "que ", "Que "]
            .iter()
            .any(|word| ends_with_word(out, word))
    {
        out.truncate(out.len() - "e ".len());
        out.push('’');
    }
    value
}

/// Whether `out` ends with `word`, a whole word.
fn ends_with_word(out: &str, word: &str) -> bool {
    out.strip_suffix(word).is_some_and(|before| {
        !before
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    })
}

/// The placeholder names of a template, in order ("{therapy} reduces {outcome}" gives
/// therapy, outcome).
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

/// [`t`] with `{}` placeholders filled in order (joined to the word before them as [`tn`] does).
pub fn tf(lang: Lang, key: &str, args: &[&str]) -> String {
    let mut out = String::new();
    let mut parts = t(lang, key).split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (i, part) in parts.enumerate() {
        let value = join(lang, &mut out, args.get(i).copied().unwrap_or(""));
        out.push_str(value);
        out.push_str(part);
    }
    out
}

/// Words joined as a reader lists them: "a, b and c" ("a, b y c", "a, b et c").
pub fn and_list(lang: Lang, list: &[String]) -> String {
    joined(lang, list, "list.and")
}

/// Alternatives as a reader lists them: "a, b or c" ("a, b o c", "a, b ou c").
pub fn or_list(lang: Lang, list: &[String]) -> String {
    joined(lang, list, "list.or")
}

/// "Label: value" as the reader's language writes it (French spaces the colon): the one template
/// for it, which the shell's `labelled` (www/lens/dom.js) uses too.
pub fn labelled(lang: Lang, label: &str, value: &str) -> String {
    tn(lang, "ui.labelled", &[("label", label), ("value", value)])
}

/// Clauses joined by semicolons, as the language spaces them ("a; b", French "a ; b").
pub fn clause_list(lang: Lang, clauses: &[String]) -> String {
    clauses.join(t(lang, "list.semicolon"))
}

/// Commas between the items, and the word of `key` before the last.
fn joined(lang: Lang, list: &[String], key: &str) -> String {
    match list {
        [] => String::new(),
        [a] => a.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), t(lang, key)),
    }
}

/// The first four names and how many more ("A, B, C, D and 3 more"), so that a sentence names
/// its sources without growing with a large dataset (see [`first_and_more`]).
pub fn named_list(lang: Lang, names: &[String]) -> String {
    and_list(lang, &first_and_more(lang, names, 4))
}

/// The first `most` items and how many more ("3 more") as a last item, or all of them when only
/// one would be left ("1 more" would take an item's place).
pub fn first_and_more(lang: Lang, items: &[String], most: usize) -> Vec<String> {
    let named = named_of(items.len(), most);
    let mut out = items[..named].to_vec();
    if named < items.len() {
        out.push(plural(lang, "list.more", items.len() - named));
    }
    out
}

/// How many of `total` items a list capped at `most` names (see [`first_and_more`]), for a
/// list whose items are worth writing only when named.
pub fn named_of(total: usize, most: usize) -> usize {
    if total <= most + 1 {
        total
    } else {
        most
    }
}

/// A count with its noun in the right number: `key.one` for one (and, in French, for zero),
/// `key.other` otherwise ("1 study", "2 studies"; "0 étude").
pub fn plural(lang: Lang, key: &str, n: usize) -> String {
    let form = plural_form(lang, n as f64);
    tf(lang, &format!("{key}.{form}"), &[&int(lang, n as u64)])
}

/// The form ("one" or "other") a noun takes after the number `n` in `lang`: one only for 1 in
/// English and Spanish; in French for anything below 2 ("0 étude", "1,5 an").
pub fn plural_form(lang: Lang, n: f64) -> &'static str {
    let one = match lang {
        Lang::Fr => n < 2.0,
        Lang::En | Lang::Es => n == 1.0,
    };
    if one {
        "one"
    } else {
        "other"
    }
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
        .enumerate()
        .map(|(row, (key, _))| (*key, text_of(row, lang)))
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

/// An effect estimate as journals print it: 2 decimals, 3 below 0.1, "<0.001" below 0.0005 (which
/// 3 decimals would print as 0.000) and none from 1,000.
pub fn estimate(lang: Lang, v: f64) -> String {
    if v > 0.0 && v < 0.0005 {
        return format!("<{}", num(lang, 0.001, 3));
    }
    let digits = match v.abs() {
        a if a >= 1000.0 => 0,
        a if a != 0.0 && a < 0.1 => 3,
        _ => 2,
    };
    num(lang, v, digits)
}

/// Separator between the bounds of an interval: "[0.58, 1.50]" in English, "[0,58; 1,50]"
/// where the comma is the decimal mark.
/// A result as the views write it: the measure, the estimate and its interval ("RR 0.90 [0.84, 0.96]").
pub fn result(lang: Lang, measure: &str, estimate: f64, lo: f64, hi: f64) -> String {
    let e = |v| self::estimate(lang, v);
    format!(
        "{measure} {} {}",
        e(estimate),
        interval(lang, &e(lo), &e(hi))
    )
}

pub fn interval(lang: Lang, lo: &str, hi: &str) -> String {
    match lang {
        Lang::En => format!("[{lo}, {hi}]"),
        // A decimal comma needs another separator; French spaces it as it spaces ';'.
        Lang::Es => format!("[{lo}; {hi}]"),
        Lang::Fr => format!("[{lo}\u{202f}; {hi}]"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_in_the_catalogue_once() {
        let mut keys: Vec<&str> = TABLE.iter().map(|(k, _)| *k).collect();
        let all = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), all, "a key is in the catalogue twice");
        assert_eq!(t(Lang::En, "view.forest"), "Forest plot");
        assert_eq!(t(Lang::En, "shell.close"), "Close and clear the selection");
    }

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
        assert_eq!(interval(Lang::Fr, "0,5", "1,2"), "[0,5\u{202f}; 1,2]");
        assert_eq!(interval(Lang::Es, "0,5", "1,2"), "[0,5; 1,2]");
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
    fn every_language_has_the_same_placeholders() {
        for (row, &(key, en)) in TABLE.iter().enumerate() {
            let [es, fr] = TRANSLATIONS[row];
            let mut names: Vec<Vec<&str>> =
                [en, es, fr].iter().map(|text| placeholders(text)).collect();
            for n in &mut names {
                crate::sort::sort(n);
            }
            assert_eq!(names[0], names[1], "{key}: en and es");
            assert_eq!(names[0], names[2], "{key}: en and fr");
            assert!(!es.is_empty() && !fr.is_empty(), "{key} is not translated");
        }
    }

    #[test]
    fn named_placeholders_are_filled_wherever_they_stand() {
        assert_eq!(
            tn(
                Lang::Fr,
                "stmt.moderate.reduce.one",
                &[("therapy", "L’aspirine"), ("outcome", "les décès")]
            ),
            "L’aspirine réduit probablement les décès."
        );
        assert_eq!(
            tn(
                Lang::Es,
                "stmt.very_low",
                &[("therapy", "x"), ("outcome", "y")]
            ),
            "La evidencia es muy incierta acerca del efecto de x sobre y."
        );
        assert_eq!(placeholders("{a} and {b}"), ["a", "b"]);
        // A brace that is not a placeholder is kept (a key the table lacks is its own text).
        assert_eq!(
            tn(Lang::En, "{a b} {c}{d {{e}}{", &[("c", "C"), ("e", "É")]),
            "{a b} C{d {É}{"
        );
    }

    #[test]
    fn french_elides_de_and_que_before_a_vowel_in_a_value() {
        let fr = |key, name, value| tn(Lang::Fr, key, &[(name, value)]);
        assert_eq!(
            fr("safety.condition", "condition", "asthme"),
            " atteintes d’asthme"
        );
        assert_eq!(
            fr("answer.pending", "therapy", "AHSCT"),
            "Pas encore de résultats\u{a0}: les études d’AHSCT sont en cours."
        );
        assert_eq!(
            fr("indirect.broader_therapy", "therapy", "Ézétimibe"),
            " est plus large qu’Ézétimibe"
        );
        // Not before a consonant, "h" or "y", nor where "de" ends another word.
        for value in ["sclérose en plaques", "handicap", "yoga"] {
            assert!(fr("safety.condition", "condition", value).ends_with(&format!("de {value}")));
        }
        assert_eq!(
            tn(Lang::Fr, "{a}de {b}", &[("a", "monde"), ("b", "ici")]),
            "mondede ici"
        );
        // Filled in order too.
        assert_eq!(
            tf(Lang::Fr, "maladies que {}", &["asthme"]),
            "maladies qu’asthme"
        );
        // Spanish and English are as written.
        assert_eq!(
            tn(Lang::Es, "safety.condition", &[("condition", "asma")]),
            " con asma"
        );
    }

    #[test]
    fn an_article_at_the_start_of_a_value_joins_the_word_before_it() {
        let very_low = |lang, therapy| tn(lang, "stmt.very_low", &[("therapy", therapy)]);
        assert!(very_low(Lang::Es, "el tratamiento con x").contains("efecto del tratamiento con x"));
        assert!(very_low(Lang::Es, "los tratamientos").contains("efecto de los tratamientos"));
        assert!(very_low(Lang::Fr, "le traitement par x").contains("l’effet du traitement par x"));
        assert!(very_low(Lang::Fr, "les traitements").contains("l’effet des traitements"));
        assert!(very_low(Lang::Fr, "la greffe").contains("l’effet de la greffe"));
        // Only a whole word, and only the article: "leçon" is not "le".
        assert_eq!(tn(Lang::Fr, "de {a}", &[("a", "leçon")]), "de leçon");
        assert_eq!(tn(Lang::Es, "verde {a}", &[("a", "el x")]), "verde el x");
        assert_eq!(tn(Lang::En, "of {a}", &[("a", "the x")]), "of the x");
    }

    #[test]
    fn french_keeps_its_punctuation_with_its_word() {
        // A no-break space before « : ; ? ! » and inside guillemets, so that a line never
        // starts with the punctuation (the layout does not break there): a narrow one before
        // « ; ? ! ».
        for (&(key, _), [_, fr]) in TABLE.iter().zip(TRANSLATIONS) {
            for bad in [
                " :", " ;", " ?", " !", "« ", " »", "\u{a0};", "\u{a0}?", "\u{a0}!",
            ] {
                assert!(!fr.contains(bad), "{key}: {fr:?} has \"{bad}\"");
            }
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        assert_eq!(plural(Lang::Es, "answer.studies", 1), "1 estudio");
        assert_eq!(plural(Lang::Es, "answer.studies", 2), "2 estudios");
        assert_eq!(plural(Lang::Fr, "answer.studies", 0), "0 étude");
        assert_eq!(plural(Lang::En, "answer.studies", 0), "0 studies");
        assert_eq!(plural(Lang::En, "answer.studies", 1), "1 study");
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

    #[test]
    fn clauses_are_joined_as_each_language_spaces_a_semicolon() {
        let clauses = ["a".to_string(), "b".to_string()];
        assert_eq!(clause_list(Lang::En, &clauses), "a; b");
        assert_eq!(clause_list(Lang::Es, &clauses), "a; b");
        assert_eq!(clause_list(Lang::Fr, &clauses), "a\u{202f}; b");
        assert_eq!(clause_list(Lang::Fr, &clauses[..1]), "a");
    }

    #[test]
    fn estimates_are_printed_as_journals_print_them() {
        assert_eq!(estimate(Lang::En, 0.84), "0.84");
        assert_eq!(estimate(Lang::En, 0.0042), "0.004");
        assert_eq!(estimate(Lang::Es, 0.0042), "0,004");
        // Below what 3 decimals show, not "0.000".
        assert_eq!(estimate(Lang::En, 1e-20), "<0.001");
        assert_eq!(estimate(Lang::Fr, 0.0003), "<0,001");
        assert_eq!(estimate(Lang::En, 0.0), "0.00");
        assert_eq!(estimate(Lang::En, 1234.5678), "1235");
        assert_eq!(estimate(Lang::En, -0.5), "\u{2212}0.50");
    }
}
