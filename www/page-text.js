// Every text of the two pages (index.html, embed.html) in English, Spanish and French, applied by
// page-lang.js to the elements marked `data-text="key"` / `data-text-attr="attr:key"`. The
// English must stay the same as the HTML's (tests/e2e/pages-lang.test.mjs checks it).
//
// In a text, `[words]{n}` is the element's n-th child element (a link, <strong>…) with `words`
// as its text, `{n}` that child as it is (<code>, column names), `{name}` a value filled in by
// the page's script.
//
// Words the widget also shows (views, buttons, certainty levels) are the widget's own, from
// src/i18n.rs (`view.*`, `ui.show_table`, `shell.filters`, `shell.menu`, `certainty.*`), so that
// the page and the chart agree. French typography: a no-break space (U+00A0) before ":" and
// inside « », a narrow one (U+202F) before ";", "?" and "!"; "95 %" with a no-break space in
// Spanish and French, as the widget writes it.

/** @type {Record<string, {en: string, es: string, fr: string}>} */
export const TEXT = {
  // ---- Both pages.
  'page.languages': {
    en: 'Language',
    es: 'Idioma',
    fr: 'Langue',
  },

  // ---- index.html
  'index.title': {
    en: 'Stem-cell therapies for multiple sclerosis: what the evidence shows',
    es: 'Terapias con células madre para la esclerosis múltiple: lo que muestra la evidencia',
    fr: 'Thérapies par cellules souches dans la sclérose en plaques : ce que montrent les preuves',
  },
  'index.description': {
    en: 'Compare the studies of stem-cell treatments for MS: which were randomised, how big the effects were, how sure we can be, and what the harms are.',
    es: 'Compare los estudios de los tratamientos con células madre para la esclerosis múltiple (EM): cuáles fueron aleatorizados, qué tamaño tuvieron los efectos, hasta qué punto podemos estar seguros y cuáles son los daños.',
    fr: 'Comparez les études des traitements par cellules souches dans la sclérose en plaques (SEP) : lesquelles étaient randomisées, quelle était la taille des effets, à quel point nous pouvons en être sûrs et quels sont les risques.',
  },
  'index.skip': {
    en: 'Skip to the chart',
    es: 'Ir directamente al gráfico',
    fr: 'Aller directement au graphique',
  },
  'index.kicker': {
    en: 'Evidence explorer',
    es: 'Explorador de la evidencia',
    fr: 'Explorateur des preuves',
  },
  'index.explorer.title': {
    en: 'The answer, then the studies',
    es: 'La respuesta y, después, los estudios',
    fr: 'La réponse, puis les études',
  },
  'index.lede': {
    en: 'The answer first: for each treatment, what the studies show, how sure we can be and what the risks are. Information, not medical advice.',
    es: 'Primero, la respuesta: para cada tratamiento, lo que muestran los estudios, hasta qué punto podemos estar seguros y cuáles son los riesgos. Información, no consejo médico.',
    fr: 'D’abord la réponse : pour chaque traitement, ce que montrent les études, à quel point nous pouvons en être sûrs et quels sont les risques. De l’information, pas un avis médical.',
  },
  'index.howto': {
    en: 'The tabs above the chart switch between the views: the summary, the forest plot of every result, the evidence map, the benefits and harms per 100 people, and the claims checked against the evidence. “Filters” narrows the studies down and sorts them. Point at or tap a row, or tab to the chart and use the arrow keys, to see the details; click, tap or press Enter to keep them open. “Show table” gives the same results as a table, and “Save or share” downloads the chart, the data and the sources, or copies a link.',
    es: 'Las pestañas sobre el gráfico pasan de una vista a otra: el resumen, el diagrama de bosque con cada resultado, el mapa de la evidencia, los beneficios y daños por cada 100 personas, y las afirmaciones contrastadas con la evidencia. «Filtros» acota los estudios y los ordena. Señale o toque una fila, o llegue al gráfico con la tecla Tab y use las flechas, para ver los detalles; haga clic, toque o pulse Intro para que sigan abiertos. «Mostrar tabla» da los mismos resultados en forma de tabla, y «Guardar o compartir» descarga el gráfico, los datos y las fuentes, o copia un enlace.',
    fr: 'Les onglets au-dessus du graphique passent d’une vue à l’autre : le résumé, le graphique en forêt de chaque résultat, la carte des preuves, les bénéfices et les risques pour 100 personnes, et les affirmations confrontées aux preuves. « Filtres » restreint les études et les trie. Pointez ou touchez une ligne, ou atteignez le graphique avec la touche Tab et utilisez les flèches, pour voir les détails ; cliquez, touchez ou appuyez sur Entrée pour les garder ouverts. « Afficher le tableau » donne les mêmes résultats sous forme de tableau, et « Enregistrer ou partager » télécharge le graphique, les données et les sources, ou copie un lien.',
  },
  'index.intro.title': {
    en: 'In short',
    es: 'En resumen',
    fr: 'En bref',
  },
  'index.intro': {
    en: 'Clinics advertise stem-cell treatments for MS, and news stories report striking results. Some of this rests on good evidence, much of it does not. This page puts the studies side by side so you can see for yourself:',
    es: 'Hay clínicas que anuncian tratamientos con células madre para la esclerosis múltiple (EM), y hay noticias que informan de resultados llamativos. Una parte se basa en buena evidencia; gran parte, no. Esta página pone los estudios uno al lado del otro para que usted mismo pueda verlo:',
    fr: 'Des cliniques font la publicité de traitements par cellules souches contre la sclérose en plaques (SEP), et des articles de presse annoncent des résultats frappants. Une partie repose sur de bonnes preuves, une grande partie non. Cette page met les études côte à côte pour que vous puissiez juger par vous-même :',
  },
  'index.intro.fair': {
    en: '[Was there a fair comparison?]{0} Only a randomised trial compares similar people with and without the treatment. Studies with one group, where everyone got the treatment, cannot show whether it was the treatment that helped.',
    es: '[¿Hubo una comparación justa?]{0} Solo un ensayo aleatorizado compara personas similares con y sin el tratamiento. Los estudios con un solo grupo, en los que todos recibieron el tratamiento, no pueden mostrar si fue el tratamiento lo que ayudó.',
    fr: '[La comparaison était-elle équitable ?]{0} Seul un essai randomisé compare des personnes semblables avec et sans le traitement. Les études à un seul groupe, où tout le monde a reçu le traitement, ne peuvent pas montrer si c’est le traitement qui a aidé.',
  },
  'index.intro.size': {
    en: '[How big was the effect,]{0} and could it be chance?',
    es: '[¿Qué tamaño tuvo el efecto]{0} y podría deberse al azar?',
    fr: '[Quelle était la taille de l’effet,]{0} et pourrait-il être dû au hasard ?',
  },
  'index.intro.sure': {
    en: '[How sure can we be?]{0} Each result has a certainty rating, in words.',
    es: '[¿Hasta qué punto podemos estar seguros?]{0} Cada resultado tiene una calificación de la certeza de la evidencia, en palabras.',
    fr: '[À quel point pouvons-nous en être sûrs ?]{0} Chaque résultat a un niveau de certitude des preuves, exprimé en mots.',
  },
  'index.intro.harms': {
    en: '[What are the harms?]{0} Some of these treatments carry real risks, including death.',
    es: '[¿Cuáles son los daños?]{0} Algunos de estos tratamientos conllevan riesgos reales, incluida la muerte.',
    fr: '[Quels sont les risques ?]{0} Certains de ces traitements comportent des risques réels, y compris le décès.',
  },
  'index.advice': {
    en: 'This page gives information, not medical advice. Talk to your neurologist before deciding on any treatment.',
    es: 'Esta página ofrece información, no consejo médico. Hable con su neurólogo antes de decidir cualquier tratamiento.',
    fr: 'Cette page donne de l’information, pas un avis médical. Parlez-en à votre neurologue avant de décider de tout traitement.',
  },
  'index.read.title': {
    en: 'How to read the forest plot',
    es: 'Cómo leer el diagrama de bosque',
    fr: 'Comment lire le graphique en forêt',
  },
  'index.read.row': {
    en: 'Each row is one result of one study. The square is the study\'s best estimate; the line through it shows the range the true value probably lies in (the 95% confidence interval). Bigger studies give shorter lines.',
    es: 'Cada fila es un resultado de un estudio. El cuadrado es la mejor estimación del estudio; la línea que lo atraviesa muestra el rango en el que probablemente está el valor real (el intervalo de confianza del 95 %). Los estudios más grandes dan líneas más cortas.',
    fr: 'Chaque ligne est un résultat d’une étude. Le carré est la meilleure estimation de l’étude ; le trait qui le traverse montre l’intervalle où se trouve probablement la vraie valeur (l’intervalle de confiance à 95 %). Les études plus grandes donnent des traits plus courts.',
  },
  'index.read.line': {
    en: 'The vertical line is “no difference”. A line that crosses it means the study could not tell the treatment apart from the comparison.',
    es: 'La línea vertical es «sin diferencia». Una línea que la cruza significa que el estudio no pudo distinguir el tratamiento de la comparación.',
    fr: 'La ligne verticale correspond à « aucune différence ». Un trait qui la croise signifie que l’étude n’a pas pu distinguer le traitement de la comparaison.',
  },
  'index.read.ratios': {
    en: 'Ratios (for example a hazard ratio) below 1 mean fewer events with the treatment; for bad outcomes such as relapses or disability getting worse, that is good. For good outcomes, such as staying free of relapses, above 1 is good. The words under the axis say which side is which.',
    es: 'Las razones (por ejemplo, un cociente de riesgos instantáneos o hazard ratio) menores que 1 significan menos eventos con el tratamiento; para resultados desfavorables, como los brotes o el empeoramiento de la discapacidad, eso es bueno. Para resultados favorables, como seguir sin brotes, lo bueno es un valor mayor que 1. Las palabras bajo el eje indican a qué corresponde cada lado.',
    fr: 'Les rapports (par exemple un rapport des risques instantanés, ou hazard ratio) inférieurs à 1 signifient moins d’événements avec le traitement ; pour des événements défavorables comme les poussées ou l’aggravation du handicap, c’est une bonne chose. Pour des résultats favorables, comme rester sans poussée, c’est une valeur supérieure à 1 qui est bonne. Les mots sous l’axe indiquent à quoi correspond chaque côté.',
  },
  'index.read.squares': {
    en: 'Squares are filled when the interval does not cross the line. Colour is never the only cue: the words beside each row say the same thing.',
    es: 'Los cuadrados están rellenos cuando el intervalo no cruza la línea. El color nunca es la única señal: las palabras junto a cada fila dicen lo mismo.',
    fr: 'Les carrés sont pleins quand l’intervalle ne croise pas la ligne. La couleur n’est jamais le seul repère : les mots à côté de chaque ligne disent la même chose.',
  },
  'index.read.empty': {
    en: 'Rows without a square are studies with no comparison group, or with results still to come. They are listed so that you can see them, but they cannot show an effect.',
    es: 'Las filas sin cuadrado son estudios sin grupo de comparación, o con resultados aún pendientes. Se muestran para que usted pueda verlos, pero no pueden mostrar un efecto.',
    fr: 'Les lignes sans carré sont des études sans groupe de comparaison, ou dont les résultats sont encore à venir. Elles sont listées pour que vous puissiez les voir, mais elles ne peuvent pas montrer d’effet.',
  },
  'index.certainty.title': {
    en: 'What “certainty” means',
    es: 'Qué significa «certeza»',
    fr: 'Ce que signifie « certitude »',
  },
  'index.certainty.intro': {
    en: 'Certainty says how likely it is that further research would change the result. We use the four levels of the GRADE method that guideline writers use:',
    es: 'La certeza de la evidencia indica qué probabilidad hay de que nuevas investigaciones cambien el resultado. Usamos los cuatro niveles del método GRADE, el que usan quienes elaboran guías de práctica clínica:',
    fr: 'Le niveau de certitude des preuves indique à quel point il est probable que de nouvelles recherches changent le résultat. Nous utilisons les quatre niveaux de la méthode GRADE, celle qu’utilisent les auteurs de recommandations :',
  },
  // The levels as the widget names them (certainty.* in src/i18n.rs), with a capital.
  'index.certainty.high': { en: 'High', es: 'Alta', fr: 'Élevée' },
  'index.certainty.high.means': {
    en: 'We are very confident the true effect is close to the estimate.',
    es: 'Tenemos mucha confianza en que el efecto real está cerca de la estimación.',
    fr: 'Nous avons une grande confiance dans le fait que l’effet réel est proche de l’estimation.',
  },
  'index.certainty.moderate': { en: 'Moderate', es: 'Moderada', fr: 'Modérée' },
  'index.certainty.moderate.means': {
    en: 'The true effect is probably close to the estimate, but it could be quite different.',
    es: 'Es probable que el efecto real esté cerca de la estimación, pero podría ser bastante diferente.',
    fr: 'L’effet réel est probablement proche de l’estimation, mais il pourrait être assez différent.',
  },
  'index.certainty.low': { en: 'Low', es: 'Baja', fr: 'Faible' },
  'index.certainty.low.means': {
    en: 'The true effect might be markedly different from the estimate.',
    es: 'El efecto real podría ser sustancialmente diferente de la estimación.',
    fr: 'L’effet réel pourrait être nettement différent de l’estimation.',
  },
  'index.certainty.very_low': { en: 'Very low', es: 'Muy baja', fr: 'Très faible' },
  'index.certainty.very_low.means': {
    en: 'We are very uncertain: the true effect is probably markedly different.',
    es: 'Tenemos mucha incertidumbre: es probable que el efecto real sea sustancialmente diferente.',
    fr: 'Nous sommes très incertains : l’effet réel est probablement nettement différent.',
  },
  'index.certainty.rating': {
    en: 'Certainty starts high for randomised trials and low for other studies, and goes down when studies are small, have a risk of bias, disagree with each other, or measured something other than what matters to patients.',
    es: 'La certeza empieza siendo alta en los ensayos aleatorizados y baja en los demás estudios, y disminuye cuando los estudios son pequeños, tienen riesgo de sesgo, no concuerdan entre sí o midieron algo distinto de lo que importa a los pacientes.',
    fr: 'La certitude part d’un niveau élevé pour les essais randomisés et faible pour les autres études, et diminue quand les études sont petites, présentent un risque de biais, se contredisent ou ont mesuré autre chose que ce qui compte pour les patients.',
  },
  'index.sources.title': {
    en: 'Sources',
    es: 'Fuentes',
    fr: 'Sources',
  },
  'index.sources.intro': {
    en: 'Every number in the chart comes from one of these publications. Links open the article, its PubMed record or its entry in the trial registry.',
    es: 'Cada cifra del gráfico procede de una de estas publicaciones. Los enlaces abren el artículo, su registro en PubMed o su entrada en el registro de ensayos.',
    fr: 'Chaque chiffre du graphique provient de l’une de ces publications. Les liens ouvrent l’article, sa notice PubMed ou son entrée dans le registre des essais.',
  },
  'index.sources.loading': {
    en: 'The list appears when the chart has loaded.',
    es: 'La lista aparece cuando el gráfico ha terminado de cargarse.',
    fr: 'La liste apparaît une fois le graphique chargé.',
  },
  // The links of a source, as the widget names them (shell.link.* in src/i18n.rs).
  'index.link.doi': { en: 'Article (DOI)', es: 'Artículo (DOI)', fr: 'Article (DOI)' },
  'index.link.pubmed': { en: 'PubMed', es: 'PubMed', fr: 'PubMed' },
  'index.link.trial': { en: 'ClinicalTrials.gov', es: 'ClinicalTrials.gov', fr: 'ClinicalTrials.gov' },
  'index.link.web': { en: 'Web page', es: 'Página web', fr: 'Page web' },
  'index.footer': {
    en: 'Made with evidence-lens. Want this chart on your site? [Get the embed code]{0}.',
    es: 'Hecho con evidence-lens. ¿Quiere este gráfico en su sitio web? [Obtenga el código para insertarlo]{0}.',
    fr: 'Réalisé avec evidence-lens. Vous voulez ce graphique sur votre site ? [Obtenez le code d’intégration]{0}.',
  },

  // ---- embed.html
  'embed.title': {
    en: 'Embed the evidence chart on your site',
    es: 'Inserte el gráfico de la evidencia en su sitio web',
    fr: 'Intégrez le graphique des preuves à votre site',
  },
  'embed.description': {
    en: 'Make the code that puts the evidence chart on your site: choose the data and how the chart looks, check the preview and copy the code.',
    es: 'Genere el código que pone el gráfico de la evidencia en su sitio web: elija los datos y el aspecto del gráfico, revise la vista previa y copie el código.',
    fr: 'Générez le code qui place le graphique des preuves sur votre site : choisissez les données et l’apparence du graphique, vérifiez l’aperçu et copiez le code.',
  },
  'embed.kicker': {
    en: 'For editors',
    es: 'Para editores',
    fr: 'Pour les rédacteurs web',
  },
  'embed.intro': {
    en: 'Choose your data and how the chart should look, check the preview, then copy the code into your page. It is one script tag and one element; no other set-up is needed. The chart works with strict security settings and reads well on phones and with screen readers.',
    es: 'Elija sus datos y el aspecto del gráfico, revise la vista previa y después copie el código en su página. Es una etiqueta script y un elemento; no hace falta ninguna otra configuración. El gráfico funciona con ajustes de seguridad estrictos y se lee bien en teléfonos móviles y con lectores de pantalla.',
    fr: 'Choisissez vos données et l’apparence du graphique, vérifiez l’aperçu, puis copiez le code dans votre page. C’est une balise script et un élément ; aucune autre configuration n’est nécessaire. Le graphique fonctionne avec des réglages de sécurité stricts et se lit bien sur téléphone et avec les lecteurs d’écran.',
  },
  'embed.src': {
    en: 'Data (URL of a JSON or CSV file)',
    es: 'Datos (URL de un archivo JSON o CSV)',
    fr: 'Données (URL d’un fichier JSON ou CSV)',
  },
  'embed.src.hint': {
    en: 'Leave empty for the built-in dataset on stem cells for MS. For your own table, start from the [CSV template]{0} and see the [field guide]{1} below.',
    es: 'Déjelo vacío para usar los datos incluidos sobre células madre para la esclerosis múltiple (EM). Para su propia tabla, parta de la [plantilla CSV]{0} y consulte la [guía de columnas]{1} más abajo.',
    fr: 'Laissez vide pour utiliser les données intégrées sur les cellules souches dans la sclérose en plaques (SEP). Pour votre propre tableau, partez du [modèle CSV]{0} et consultez le [guide des colonnes]{1} plus bas.',
  },
  'embed.src.placeholder': {
    en: 'https://your.site/trials.json',
    es: 'https://su.sitio/ensayos.json',
    fr: 'https://votre.site/essais.json',
  },
  'embed.file': {
    en: 'Or a file from your computer',
    es: 'O un archivo de su ordenador',
    fr: 'Ou un fichier de votre ordinateur',
  },
  'embed.file.hint': {
    en: 'A JSON or CSV file, or a Cochrane review: its RevMan 5 file (.rm5) or its data package (.zip). The file is read here, in your browser, and sent nowhere.',
    es: 'Un archivo JSON o CSV, o una revisión Cochrane: su archivo de RevMan 5 (.rm5) o su paquete de datos (.zip). El archivo se lee aquí, en su navegador, y no se envía a ningún sitio.',
    fr: 'Un fichier JSON ou CSV, ou une revue Cochrane : son fichier RevMan 5 (.rm5) ou son paquet de données (.zip). Le fichier est lu ici, dans votre navigateur, et n’est envoyé nulle part.',
  },
  'embed.file.reading': {
    en: 'Reading {file}…',
    es: 'Leyendo {file}…',
    fr: 'Lecture de {file}…',
  },
  'embed.file.converted': {
    en: '{file} converted: {studies} studies, {analyses} analyses. Download the data, put it on your site and type its address under "Data"; until then the code gives it as {name}, beside your page.',
    es: '{file} convertido: {studies} estudios, {analyses} análisis. Descargue los datos, súbalos a su sitio e indique su dirección en «Datos»; mientras tanto, el código los busca como {name}, junto a su página.',
    fr: '{file} converti : {studies} études, {analyses} analyses. Téléchargez les données, placez-les sur votre site et indiquez leur adresse sous « Données » ; d’ici là, le code les cherche sous le nom {name}, à côté de votre page.',
  },
  'embed.file.local': {
    en: 'The preview shows {file} from your computer. Put the file on your site and type its address under "Data"; until then the code gives it as {file}, beside your page.',
    es: 'La vista previa muestra {file} de su ordenador. Suba el archivo a su sitio e indique su dirección en «Datos»; mientras tanto, el código lo busca como {file}, junto a su página.',
    fr: 'L’aperçu montre {file} depuis votre ordinateur. Placez le fichier sur votre site et indiquez son adresse sous « Données » ; d’ici là, le code le cherche sous le nom {file}, à côté de votre page.',
  },
  'embed.file.replaced': {
    en: 'The preview and the code show {src}, the address under "Data", not {file}. Empty "Data" to show the file again.',
    es: 'La vista previa y el código muestran {src}, la dirección indicada en «Datos», no {file}. Vacíe «Datos» para volver a mostrar el archivo.',
    fr: 'L’aperçu et le code montrent {src}, l’adresse indiquée sous « Données », et non {file}. Videz « Données » pour afficher de nouveau le fichier.',
  },
  'embed.file.failed': {
    en: '{file} could not be converted: {message}',
    es: 'No se pudo convertir {file}: {message}',
    fr: '{file} n’a pas pu être converti : {message}',
  },
  'embed.file.unreadable': {
    en: '{file} could not be shown: {message}',
    es: 'No se pudo mostrar {file}: {message}',
    fr: '{file} n’a pas pu être affiché : {message}',
  },
  'embed.file.problems': {
    en: 'Studies shown: {studies}. Problems that left rows out: {errors}. Notes: {warnings}. Each is listed under the preview.',
    es: 'Estudios mostrados: {studies}. Problemas que dejaron filas fuera: {errors}. Notas: {warnings}. Cada uno aparece bajo la vista previa.',
    fr: 'Études affichées : {studies}. Problèmes qui ont laissé des lignes de côté : {errors}. Remarques : {warnings}. Chacun est listé sous l’aperçu.',
  },
  'embed.file.one': {
    en: '{count} files were chosen: choose one file. Only the CSV files of a Cochrane data package go together, with its "…-data-rows.csv".',
    es: 'Se eligieron {count} archivos: elija uno solo. Solo los archivos CSV de un paquete de datos Cochrane van juntos, con su «…-data-rows.csv».',
    fr: '{count} fichiers ont été choisis : choisissez-en un seul. Seuls les fichiers CSV d’un paquet de données Cochrane vont ensemble, avec son « …-data-rows.csv ».',
  },
  'embed.file.download': {
    en: 'Download the data ({name})',
    es: 'Descargar los datos ({name})',
    fr: 'Télécharger les données ({name})',
  },
  'embed.file.randomised': {
    en: 'The review includes only randomised trials: rate its studies as such',
    es: 'La revisión solo incluye ensayos aleatorizados: calificar sus estudios como tales',
    fr: 'La revue n’inclut que des essais randomisés\u00a0: évaluer ses études comme tels',
  },
  'embed.file.notes': {
    en: 'Notes on the conversion:',
    es: 'Notas de la conversión:',
    fr: 'Remarques sur la conversion :',
  },
  'embed.poster': {
    en: 'Posters (address of a folder)',
    es: 'Imágenes fijas (dirección de una carpeta)',
    fr: 'Images fixes (adresse d’un dossier)',
  },
  'embed.poster.hint': {
    en: 'Pictures of this chart that readers see at once while it loads, and that search engines, printers and browsers without JavaScript show. Download the four files under the preview, put them in one folder on your site, and type the folder\'s address.',
    es: 'Imágenes de este gráfico que los lectores ven al instante mientras se carga, y que muestran los buscadores, la impresión y los navegadores sin JavaScript. Descargue los cuatro archivos bajo la vista previa, póngalos en una carpeta de su sitio e indique la dirección de la carpeta.',
    fr: 'Des images de ce graphique que les lecteurs voient tout de suite pendant son chargement, et que montrent les moteurs de recherche, l’impression et les navigateurs sans JavaScript. Téléchargez les quatre fichiers sous l’aperçu, placez-les dans un même dossier de votre site et indiquez l’adresse du dossier.',
  },
  'embed.poster.placeholder': {
    en: 'https://your.site/charts/',
    es: 'https://su.sitio/graficos/',
    fr: 'https://votre.site/graphiques/',
  },
  'embed.posters.title': {
    en: 'Posters of this preview',
    es: 'Imágenes fijas de esta vista previa',
    fr: 'Images fixes de cet aperçu',
  },
  'embed.posters.file': {
    en: '{name} ({width}\u00a0px wide, {theme})',
    es: '{name} ({width}\u00a0px de ancho, {theme})',
    fr: '{name} ({width}\u00a0px de large, {theme})',
  },
  'embed.posters.stale': {
    en: 'The posters show the preview as it is now: download them again after changing the data, the view, the outcome, the filter or the language.',
    es: 'Las imágenes muestran la vista previa tal como está ahora: descárguelas de nuevo si cambia los datos, la vista, el resultado, el filtro o el idioma.',
    fr: 'Les images montrent l’aperçu tel qu’il est maintenant : téléchargez-les de nouveau après avoir changé les données, la vue, le critère, le filtre ou la langue.',
  },
  'embed.view': { en: 'View', es: 'Vista', fr: 'Vue' },
  'embed.view.default': {
    en: 'First view (the default)',
    es: 'Primera vista (por defecto)',
    fr: 'Première vue (par défaut)',
  },
  // The views as the widget names them (view.* in src/i18n.rs).
  'embed.view.forest': { en: 'Forest plot', es: 'Diagrama de bosque', fr: 'Graphique en forêt' },
  'embed.view.map': { en: 'Evidence map', es: 'Mapa de la evidencia', fr: 'Carte des preuves' },
  'embed.view.harms': { en: 'Benefit and harm', es: 'Beneficio y daño', fr: 'Bénéfices et risques' },
  'embed.view.claims': { en: 'Claims', es: 'Afirmaciones', fr: 'Affirmations' },
  'embed.view.funnel': { en: 'Funnel plot', es: 'Gráfico de embudo', fr: 'Graphique en entonnoir' },
  'embed.theme': { en: 'Colours', es: 'Colores', fr: 'Couleurs' },
  'embed.theme.auto': {
    en: 'Follow the reader\'s setting',
    es: 'Según la configuración del lector',
    fr: 'Selon le réglage du lecteur',
  },
  'embed.theme.light': { en: 'Light', es: 'Claro', fr: 'Clair' },
  'embed.theme.dark': { en: 'Dark', es: 'Oscuro', fr: 'Sombre' },
  'embed.lang': {
    en: 'Language of the chart',
    es: 'Idioma del gráfico',
    fr: 'Langue du graphique',
  },
  'embed.lang.hint': {
    en: 'Unless you choose one, the chart speaks the language of the page you put it on (its lang attribute) if that is English, Spanish or French, and English otherwise. The preview then uses this page\'s language.',
    es: 'Si no elige ninguno, el gráfico usa el idioma de la página en la que lo ponga (su atributo lang) si es inglés, español o francés, y si no, inglés. La vista previa usa entonces el idioma de esta página.',
    fr: 'Si vous n’en choisissez pas, le graphique prend la langue de la page où vous le placez (son attribut lang) si c’est l’anglais, l’espagnol ou le français, et sinon l’anglais. L’aperçu prend alors la langue de cette page.',
  },
  'embed.lang.page': {
    en: 'The language of your page',
    es: 'El idioma de su página',
    fr: 'La langue de votre page',
  },
  'embed.outcome': { en: 'Outcome', es: 'Resultado', fr: 'Critère' },
  'embed.outcome.hint': {
    en: 'An outcome id or name, or empty for all.',
    es: 'El id o el nombre de un resultado, o vacío para todos.',
    fr: 'L’identifiant ou le nom d’un critère, ou vide pour tous.',
  },
  'embed.filter': { en: 'Filter', es: 'Filtro', fr: 'Filtre' },
  'embed.filter.hint': {
    en: 'For example {0}. Keys: {1}, {2}, {3}, {4}, {5}.',
    es: 'Por ejemplo, {0}. Claves: {1}, {2}, {3}, {4}, {5}.',
    fr: 'Par exemple {0}. Clés : {1}, {2}, {3}, {4}, {5}.',
  },
  'embed.measure': {
    en: 'Measure for CSV rows without one',
    es: 'Medida para las filas CSV que no indican ninguna',
    fr: 'Mesure pour les lignes CSV qui n’en indiquent pas',
  },
  'embed.measure.none': { en: 'None', es: 'Ninguna', fr: 'Aucune' },
  'embed.height': { en: 'Height', es: 'Altura', fr: 'Hauteur' },
  'embed.height.hint': {
    en: 'Empty: as tall as the chart needs. Or a height such as {0}; the chart then scrolls.',
    es: 'Vacío: tan alto como lo necesite el gráfico. O una altura como {0}; entonces el gráfico se desplaza.',
    fr: 'Vide : aussi haut que le graphique l’exige. Ou une hauteur comme {0} ; le graphique défile alors.',
  },
  'embed.snippet.title': { en: 'Code to paste', es: 'Código para pegar', fr: 'Code à coller' },
  'embed.copy': { en: 'Copy the code', es: 'Copiar el código', fr: 'Copier le code' },
  'embed.copied': { en: 'Copied.', es: 'Copiado.', fr: 'Copié.' },
  'embed.copy_by_hand': {
    en: 'Press Ctrl+C (or ⌘C) to copy the selected code.',
    es: 'Pulse Ctrl+C (o ⌘C) para copiar el código seleccionado.',
    fr: 'Appuyez sur Ctrl+C (ou ⌘C) pour copier le code sélectionné.',
  },
  'embed.preview.title': { en: 'Preview', es: 'Vista previa', fr: 'Aperçu' },
  'embed.preview.loading': {
    en: 'Loading the preview…',
    es: 'Cargando la vista previa…',
    fr: 'Chargement de l’aperçu…',
  },
  'embed.preview.problem': {
    en: 'The chart reports a problem: {message}',
    es: 'El gráfico informa de un problema: {message}',
    fr: 'Le graphique signale un problème : {message}',
  },
  'embed.review.title': {
    en: 'A Cochrane review in three steps',
    es: 'Una revisión Cochrane en tres pasos',
    fr: 'Une revue Cochrane en trois étapes',
  },
  'embed.review.step1': {
    en: 'Under "Or a file from your computer", choose the review\'s RevMan 5 file (.rm5) or its data package (.zip) from the Cochrane Library. It is converted in your browser and the preview shows it.',
    es: 'En «O un archivo de su ordenador», elija el archivo de RevMan 5 de la revisión (.rm5) o su paquete de datos (.zip) de la Biblioteca Cochrane. Se convierte en su navegador y la vista previa lo muestra.',
    fr: 'Sous « Ou un fichier de votre ordinateur », choisissez le fichier RevMan 5 de la revue (.rm5) ou son paquet de données (.zip) de la Cochrane Library. Il est converti dans votre navigateur et l’aperçu le montre.',
  },
  'embed.review.step2': {
    en: 'Download the converted data (a JSON file) with the link that appears, and put it on your site.',
    es: 'Descargue los datos convertidos (un archivo JSON) con el enlace que aparece y súbalos a su sitio.',
    fr: 'Téléchargez les données converties (un fichier JSON) avec le lien qui apparaît, et placez-les sur votre site.',
  },
  'embed.review.step3': {
    en: 'Type its address under "Data", check the preview, and copy the code.',
    es: 'Indique su dirección en «Datos», revise la vista previa y copie el código.',
    fr: 'Indiquez son adresse sous « Données », vérifiez l’aperçu et copiez le code.',
  },
  'embed.review.check': {
    en: 'The chart redoes every analysis as the review did it (RevMan\'s Mantel–Haenszel, Peto or inverse-variance method, fixed or random effects), and the forest plot\'s pooled row says whether the result matches the one the review reports.',
    es: 'El gráfico rehace cada análisis como lo hizo la revisión (el método de Mantel-Haenszel, de Peto o de la varianza inversa de RevMan, con efectos fijos o aleatorios), y la fila combinada del diagrama de bosque indica si el resultado coincide con el que publica la revisión.',
    fr: 'Le graphique refait chaque analyse comme la revue l’a faite (méthode de Mantel-Haenszel, de Peto ou de l’inverse de la variance de RevMan, à effets fixes ou aléatoires), et la ligne combinée du graphique en forêt indique si le résultat correspond à celui que publie la revue.',
  },
  'embed.guide.title': {
    en: 'Field guide: your own table as CSV',
    es: 'Guía de columnas: su propia tabla en CSV',
    fr: 'Guide des colonnes : votre propre tableau en CSV',
  },
  'embed.guide.template': {
    en: '[Download the template (template.csv)]{0}: an example with made-up numbers for three trials. Replace its rows with your studies, keep the header row, and save it as CSV. Put the file on your site and give its address as the data above.',
    es: '[Descargue la plantilla (template.csv)]{0}: un ejemplo con cifras inventadas para tres ensayos. Sustituya sus filas por sus estudios, conserve la fila de encabezados y guárdela como CSV. Ponga el archivo en su sitio web e indique su dirección como datos, más arriba.',
    fr: '[Téléchargez le modèle (template.csv)]{0} : un exemple avec des chiffres inventés pour trois essais. Remplacez ses lignes par vos études, gardez la ligne d’en-tête et enregistrez-le en CSV. Placez le fichier sur votre site et indiquez son adresse comme données, plus haut.',
  },
  'embed.guide.rows': {
    en: 'One row per study and outcome; the first row names the columns. Any spreadsheet program will do:',
    es: 'Una fila por estudio y resultado; la primera fila da el nombre de las columnas. Sirve cualquier programa de hojas de cálculo:',
    fr: 'Une ligne par étude et par critère ; la première ligne donne le nom des colonnes. N’importe quel tableur convient :',
  },
  'embed.guide.separators': {
    en: 'columns separated by commas, semicolons or tabs (as Excel saves "CSV" in your language);',
    es: 'columnas separadas por comas, puntos y comas o tabuladores (como Excel guarda «CSV» en su idioma);',
    fr: 'colonnes séparées par des virgules, des points-virgules ou des tabulations (comme Excel enregistre « CSV » dans votre langue) ;',
  },
  'embed.guide.decimals': {
    en: 'decimal commas ({0}) in files separated by semicolons or tabs; a decimal point ({1}) anywhere. Write numbers without thousands separators ({2}, not {3} or {4});',
    es: 'comas decimales ({0}) en archivos separados por puntos y comas o tabuladores; un punto decimal ({1}) en cualquier archivo. Escriba los números sin separadores de miles ({2}, no {3} ni {4});',
    fr: 'virgules décimales ({0}) dans les fichiers séparés par des points-virgules ou des tabulations ; un point décimal ({1}) partout. Écrivez les nombres sans séparateur de milliers ({2}, et non {3} ou {4}) ;',
  },
  'embed.guide.encoding': {
    en: 'text saved as "CSV UTF-8", or Excel\'s plain "CSV" from Windows (Windows-1252).',
    es: 'texto guardado como «CSV UTF-8», o el «CSV» simple de Excel en Windows (Windows-1252).',
    fr: 'texte enregistré en « CSV UTF-8 », ou le « CSV » simple d’Excel sous Windows (Windows-1252).',
  },
  // Spanish and French say that the column names stay in English: the CSV reader knows only
  // these names (src/model/csv.rs), which the English page shows as they are.
  'embed.guide.names': {
    en: 'Column names are read whatever their case and punctuation; the names in brackets are the short ones statisticians use (metafor\'s), which work too. The chart\'s problem list says how each column was read ({0}), so you can check it.',
    es: 'Los nombres de las columnas se leen sin tener en cuenta mayúsculas ni signos de puntuación, y se escriben en inglés, como aparecen a continuación; los nombres entre paréntesis son los cortos que usan los estadísticos (los de metafor), que también sirven. La lista de problemas del gráfico indica cómo se leyó cada columna ({0}), para que pueda comprobarlo.',
    fr: 'Les noms de colonnes sont lus quelles que soient leur casse et leur ponctuation, et s’écrivent en anglais, tels qu’ils figurent ci-dessous ; les noms entre parenthèses sont les noms courts qu’utilisent les statisticiens (ceux de metafor), qui fonctionnent aussi. La liste des problèmes du graphique indique comment chaque colonne a été lue ({0}), pour que vous puissiez le vérifier.',
  },
  'embed.guide.columns': {
    en: 'Columns the chart understands',
    es: 'Columnas que entiende el gráfico',
    fr: 'Colonnes que le graphique comprend',
  },
  'embed.col.study': {
    en: 'The study\'s name; required. Rows with the same name and different outcomes belong to one study. Also read: {0}.',
    es: 'El nombre del estudio; obligatorio. Las filas con el mismo nombre y distintos resultados pertenecen a un mismo estudio. También se leen: {0}.',
    fr: 'Le nom de l’étude ; obligatoire. Les lignes de même nom et de critères différents appartiennent à une même étude. Sont aussi lus : {0}.',
  },
  'embed.col.year': {
    en: 'Year of publication. Also read: {0}.',
    es: 'Año de publicación. También se lee: {0}.',
    fr: 'Année de publication. Est aussi lu : {0}.',
  },
  'embed.col.design': {
    en: '{0}, {1}, {2}, {3}, {4}, {5}, {6}. Without it the design is "not given" and the evidence is not rated as randomised. Also read: {7}.',
    es: '{0}, {1}, {2}, {3}, {4}, {5}, {6}. Sin esta columna, el diseño queda como «no indicado» y la evidencia no se califica como aleatorizada. También se lee: {7}.',
    fr: '{0}, {1}, {2}, {3}, {4}, {5}, {6}. Sans cette colonne, le plan d’étude est « non précisé » et les preuves ne sont pas évaluées comme randomisées. Est aussi lu : {7}.',
  },
  'embed.col.outcome': {
    en: 'What was measured, such as Relapse; rows of one therapy with the same outcome are compared and pooled. Also read: {0}.',
    es: 'Lo que se midió, por ejemplo, Brotes; las filas de un mismo tratamiento con el mismo resultado se comparan y se combinan. También se lee: {0}.',
    fr: 'Ce qui a été mesuré, par exemple Poussées ; les lignes d’un même traitement ayant le même critère sont comparées et combinées. Est aussi lu : {0}.',
  },
  'embed.col.outcome_article': {
    en: 'For a table whose names are in Spanish or French: the article before the outcome\'s name, such as {0} before Recaída or {1} before Échec du traitement, so that the summary\'s sentences say "reduce la recaída" instead of quoting the name. Not needed in English.',
    es: 'Para una tabla con los nombres en español o en francés: el artículo que va delante del nombre del resultado, por ejemplo, {0} delante de Recaída o {1} delante de Échec du traitement, para que las frases del resumen digan «reduce la recaída» en lugar de citar el nombre entre comillas. No hace falta en inglés.',
    fr: 'Pour un tableau dont les noms sont en espagnol ou en français : l’article placé devant le nom du critère, par exemple {0} devant Recaída ou {1} devant Échec du traitement, pour que les phrases du résumé disent « réduit l’échec du traitement » au lieu de citer le nom entre guillemets. Inutile en anglais.',
  },
  'embed.col.therapy': {
    en: 'The treatment studied, such as Drug A: the summary gives each treatment its own answer, in its name. Without this column the table is about one treatment, which the summary calls "this treatment". Also read: {0}.',
    es: 'El tratamiento estudiado, por ejemplo, Fármaco A: el resumen da a cada tratamiento su propia respuesta, con su nombre. Sin esta columna, la tabla trata de un solo tratamiento, al que el resumen llama «este tratamiento». También se leen: {0}.',
    fr: 'Le traitement étudié, par exemple Médicament A : le résumé donne à chaque traitement sa propre réponse, sous son nom. Sans cette colonne, le tableau porte sur un seul traitement, que le résumé appelle « ce traitement ». Sont aussi lus : {0}.',
  },
  'embed.col.condition': {
    en: 'The condition of the people studied, such as Asthma: the summary says whom its answers are for. Also read: {0}.',
    es: 'La enfermedad de las personas estudiadas, por ejemplo, Asma: el resumen dice a quién se refieren sus respuestas. También se lee: {0}.',
    fr: 'La maladie des personnes étudiées, par exemple Asthme : le résumé dit à qui ses réponses s’appliquent. Est aussi lu : {0}.',
  },
  'embed.col.better': {
    en: '{0} or {1}: which values favour the treatment (default: {2}).',
    es: '{0} o {1}: qué valores favorecen al tratamiento (por defecto: {2}).',
    fr: '{0} ou {1} : quelles valeurs sont en faveur du traitement (par défaut : {2}).',
  },
  'embed.col.ai': {
    en: 'People with the event in the treatment group. Also read: {0}.',
    es: 'Personas con el evento en el grupo de tratamiento. También se leen: {0}.',
    fr: 'Personnes ayant eu l’événement dans le groupe traité. Sont aussi lus : {0}.',
  },
  'embed.col.n1i': {
    en: 'People in the treatment group. Also read: {0}.',
    es: 'Personas en el grupo de tratamiento. También se leen: {0}.',
    fr: 'Personnes du groupe traité. Sont aussi lus : {0}.',
  },
  'embed.col.ci': {
    en: 'People with the event in the control group. Also read: {0}.',
    es: 'Personas con el evento en el grupo de control. También se leen: {0}.',
    fr: 'Personnes ayant eu l’événement dans le groupe témoin. Sont aussi lus : {0}.',
  },
  'embed.col.n2i': {
    en: 'People in the control group. Also read: {0}.',
    es: 'Personas en el grupo de control. También se leen: {0}.',
    fr: 'Personnes du groupe témoin. Sont aussi lus : {0}.',
  },
  'embed.col.m1i': {
    en: 'Mean and standard deviation in the treatment group, for measurements such as a score. Also read: {0}.',
    es: 'Media y desviación estándar en el grupo de tratamiento, para mediciones como una puntuación. También se leen: {0}.',
    fr: 'Moyenne et écart type dans le groupe traité, pour des mesures comme un score. Sont aussi lus : {0}.',
  },
  'embed.col.m2i': {
    en: 'The same in the control group. Also read: {0}.',
    es: 'Lo mismo en el grupo de control. También se leen: {0}.',
    fr: 'La même chose dans le groupe témoin. Sont aussi lus : {0}.',
  },
  'embed.col.estimate.name': {
    en: '{0} with {1} and {2} {3}',
    es: '{0} con {1} y {2} {3}',
    fr: '{0} avec {1} et {2} {3}',
  },
  'embed.col.estimate': {
    en: 'A result as published: the estimate named by its measure, and its 95% confidence interval. Also read: {0}.',
    es: 'Un resultado tal como se publicó: la estimación, con el nombre de su medida como encabezado, y su intervalo de confianza del 95 %. También se leen: {0}.',
    fr: 'Un résultat tel que publié : l’estimation, avec le nom de sa mesure pour en-tête, et son intervalle de confiance à 95 %. Sont aussi lus : {0}.',
  },
  'embed.col.measure': {
    en: '{0}, {1}, {2} for counts (default {3}), {4}, {5} for means (default {6}), {7} and others for published estimates. Also read: {8}.',
    es: '{0}, {1}, {2} para recuentos (por defecto {3}), {4}, {5} para medias (por defecto {6}), {7} y otras para estimaciones publicadas. También se lee: {8}.',
    fr: '{0}, {1}, {2} pour des effectifs (par défaut {3}), {4}, {5} pour des moyennes (par défaut {6}), {7} et d’autres pour des estimations publiées. Est aussi lu : {8}.',
  },
  'embed.guide.others': {
    en: 'Other columns are kept as extra facts about each study.',
    es: 'Las demás columnas se conservan como datos adicionales sobre cada estudio.',
    fr: 'Les autres colonnes sont conservées comme informations supplémentaires sur chaque étude.',
  },
  'embed.back': {
    en: 'Back to the evidence explorer',
    es: 'Volver al explorador de la evidencia',
    fr: 'Retour à l’explorateur des preuves',
  },
};
