//! The forest plot drawn to SVG: the drawn elements are checked from the SVG text.
#![cfg(not(target_arch = "wasm32"))]

use evidence_lens::chart::build::forest;
use evidence_lens::chart::draw::{Pen, Sheet};
use evidence_lens::chart::ViewOptions;
use evidence_lens::chart::{self, Forest, Layout, Theme, ThemeName};
use evidence_lens::model;

const SMALL: &str = r#"{
  "schema": "evidence-lens/1",
  "title": "Two trials",
  "studies": [
    {"id": "a", "label": "Trial A", "year": 2019, "citation": {"text": "A et al.", "doi": "10.1/a"},
     "source_kind": "paper", "condition": "multiple sclerosis", "intervention": {"therapy": "AHSCT"},
     "design": "rct", "n": 110,
     "outcomes": [{"id": "prog", "name": "Disability progression", "kind": "benefit", "better": "lower", "status": "verified",
                   "data": {"measure": "HR", "estimate": 0.07, "ci_lb": 0.02, "ci_ub": 0.24}}]},
    {"id": "b", "label": "Trial B", "year": 2021, "citation": {"text": "B et al.", "doi": "10.1/b"},
     "source_kind": "paper", "condition": "multiple sclerosis", "intervention": {"therapy": "MSC"},
     "design": "crossover_rct", "n": 144,
     "outcomes": [{"id": "gel", "name": "Gadolinium-enhancing lesions", "kind": "benefit", "better": "lower", "status": "verified",
                   "data": {"measure": "IRR", "estimate": 0.94, "ci_lb": 0.58, "ci_ub": 1.50}},
                  {"id": "edss", "name": "EDSS change", "kind": "benefit", "better": "lower", "status": "verified",
                   "data": {"measure": "MD", "estimate": -1.7, "ci_lb": -2.03, "ci_ub": -1.29}}]}
  ]
}"#;

fn dataset() -> model::Dataset {
    let parsed = model::parse_json(SMALL.as_bytes());
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    parsed.dataset.unwrap()
}

/// The text content of every `<text>` element, trimmed.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            Some(
                t.split_once('>')?
                    .1
                    .split_once("</text>")?
                    .0
                    .trim()
                    .to_string(),
            )
        })
        .collect()
}

fn forest_view() -> ViewOptions {
    ViewOptions {
        view: chart::View::Forest,
        ..ViewOptions::default()
    }
}

fn svg(view: &ViewOptions, width: u32) -> String {
    let scene = chart::Scene::build(&dataset(), view);
    chart::render_svg(&scene, width, None, &Theme::new(ThemeName::Light, 1.0)).unwrap()
}

/// Draws `f` on `area` as a [`chart::Scene`] does, with the estimate for the font.
fn draw_on(f: &Forest, area: &dyn Pen, theme: &Theme, highlight: Option<&str>) -> Layout {
    let sheet = Sheet::start(area, theme, &chart::ApproxMeasure).unwrap();
    f.draw(&sheet, highlight).unwrap()
}

#[test]
fn ratio_and_difference_results_go_on_separate_axes() {
    let f = forest(&dataset(), &ViewOptions::default());
    let titles: Vec<_> = f.panels.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles[0].contains("log scale"));
    assert!(titles[1].contains("Differences"));
    // Headers per therapy, then the study rows.
    let labels: Vec<_> = f.panels[0].rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["AHSCT", "Trial A", "MSC", "Trial B"]);
}

#[test]
fn svg_has_one_square_per_study_and_the_numbers_written_out() {
    let s = svg(&forest_view(), 900);
    assert!(s.starts_with("<svg"), "{}", &s[..80.min(s.len())]);
    let t = texts(&s);
    for text in [
        "Trial A · RCT",
        "HR 0.070 [0.020, 0.24]",
        "IRR 0.94 [0.58, 1.50]",
        "MD −1.70 [−2.03, −1.29]",
        "Estimate [95% CI]",
    ] {
        assert!(t.iter().any(|x| x == text), "missing {text:?} in {t:?}");
    }
    // Log-axis ticks from the 1–2–5 (or 1–3) sequence around the null line, and
    // round linear ticks for the MD panel.
    for tick in ["0.1", "1", "−1", "0"] {
        assert!(t.iter().any(|x| x == tick), "missing tick {tick} in {t:?}");
    }
    // Squares: one per study result (the background and highlight are rects too): at least
    // the background and three squares.
    assert!(s.matches("<rect").count() >= 4);
    // "Favours" words on both sides of each null line: both outcomes are better lower.
    assert_eq!(s.matches("favours the treatment").count(), 2);
    assert_eq!(s.matches("favours the comparison").count(), 2);
}

#[test]
fn each_panel_has_one_direction_of_better_and_says_which_side_favours_the_treatment() {
    let f = forest(&model::builtin(), &forest_view());
    let titles: Vec<&str> = f.panels.iter().map(|p| p.title.as_str()).collect();
    assert!(titles.contains(&"Ratios (log scale), fewer events is better: 1 = no difference"));
    assert!(titles.contains(&"Ratios (log scale), more is better: 1 = no difference"));
    for p in f.panels.iter().filter(|p| p.has_marks()) {
        let more = p.title.contains("more is better") || p.title.contains("higher is better");
        let (treatment_left, treatment_right) = (
            p.left_label.contains("favours the treatment"),
            p.right_label.contains("favours the treatment"),
        );
        assert_eq!(
            (treatment_left, treatment_right),
            (!more, more),
            "{}",
            p.title
        );
    }
    // The catalogue's words carry their arrow; the drawing adds none of its own.
    let drawn = texts(&svg(&forest_view(), 900));
    for words in ["← favours the treatment", "favours the comparison →"] {
        assert!(drawn.iter().any(|t| t == words), "{words:?} in {drawn:?}");
    }
    assert!(!drawn.iter().any(|t| t.contains("← ←") || t.contains("→ →")));
}

#[test]
fn only_the_question_s_studies_unless_the_reader_asks() {
    let data = model::builtin();
    let keys = |f: &evidence_lens::chart::Forest| -> Vec<String> {
        f.panels
            .iter()
            .flat_map(|p| &p.rows)
            .map(|r| r.key.clone())
            .collect()
    };
    let f = forest(&data, &forest_view());
    assert!(!keys(&f).iter().any(|k| k.starts_with("shi_2021/")));
    let note = f.footnote.as_deref().unwrap();
    assert!(
        note.contains("Not shown: 1 study in other conditions than multiple sclerosis"),
        "{note}"
    );
    let mut o = forest_view();
    o.filters.condition = vec!["cirrhosis".into()];
    let f = forest(&data, &o);
    assert!(keys(&f).iter().any(|k| k.starts_with("shi_2021/")));
}

#[test]
fn significant_results_are_filled_and_null_results_hollow() {
    let f = forest(&dataset(), &ViewOptions::default());
    use evidence_lens::chart::Favours;
    let dir = |label: &str| {
        f.panels
            .iter()
            .flat_map(|p| &p.rows)
            .find(|r| r.label == label && r.estimate.is_some())
            .unwrap()
            .direction
    };
    assert_eq!(dir("Trial A"), Favours::Treatment);
    let trial_b: Vec<_> = f
        .panels
        .iter()
        .flat_map(|p| &p.rows)
        .filter(|r| r.label == "Trial B")
        .map(|r| r.direction)
        .collect();
    assert_eq!(trial_b, [Favours::Neither, Favours::Treatment]);
}

#[test]
fn outcome_option_selects_rows() {
    let f = forest(&dataset(), &ViewOptions::parse("forest", "gel").unwrap());
    let rows: Vec<_> = f
        .panels
        .iter()
        .flat_map(|p| &p.rows)
        .filter(|r| r.estimate.is_some())
        .collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].key, "b/gel");
    assert!(ViewOptions::parse("pie", "").is_err());
}

#[test]
fn narrow_screens_stack_the_numbers_under_the_label_without_overflow() {
    let s = svg(&forest_view(), 320);
    assert!(s.contains("width=\"320\""));
    let t = texts(&s);
    assert!(
        t.iter().any(|x| x.starts_with("HR 0.070 [0.020, 0.24]")),
        "{t:?}"
    );
    assert!(
        !t.iter().any(|x| x == "Estimate [95% CI]"),
        "no separate value column at 320 px"
    );
}

#[test]
fn layout_hits_cover_every_result_row() {
    use plotters::prelude::*;
    let f = forest(&dataset(), &ViewOptions::default());
    let theme = Theme::new(ThemeName::Dark, 2.0);
    let height = f.preferred_height(1600.0, &theme) as u32;
    let mut out = String::new();
    let layout = {
        let area = SVGBackend::with_string(&mut out, (1600, height)).into_drawing_area();
        draw_on(&f, &area, &theme, Some("b/gel"))
    };
    let keys: Vec<_> = layout.hits.iter().map(|h| h.key.as_str()).collect();
    assert_eq!(keys, ["a/prog", "b/gel", "b/edss"]);
    assert!(
        layout.content_height <= height as f64 + 1.0,
        "content {} > canvas {height}",
        layout.content_height
    );
    let mid = &layout.hits[1];
    assert_eq!(
        layout
            .hit_test(10.0, (mid.y0 + mid.y1) / 2.0)
            .map(|h| h.key.as_str()),
        Some("b/gel")
    );
}

/// A dataset of `n` trials with one hazard ratio each.
fn many(n: usize) -> model::Dataset {
    many_of(n, &["AHSCT"], &["rct"])
}

/// [`many`], the trials taking turns among `therapies` (each a group of the forest) and `designs`.
fn many_of(n: usize, therapies: &[&str], designs: &[&str]) -> model::Dataset {
    let studies: Vec<String> = (0..n)
        .map(|i| {
            let est = 0.5 + (i % 50) as f64 / 50.0;
            format!(
                r#"{{"id": "t{i}", "label": "Trial {i}", "year": 2010, "citation": {{"text": "T"}}, "source_kind": "paper",
                "condition": "multiple sclerosis", "intervention": {{"therapy": "{}"}}, "design": "{}", "n": 100,
                "outcomes": [{{"id": "prog", "name": "Disability progression", "kind": "benefit", "better": "lower", "status": "verified",
                "data": {{"measure": "HR", "estimate": {est:.3}, "ci_lb": {:.3}, "ci_ub": {:.3}}}}}]}}"#,
                therapies[i % therapies.len()],
                designs[i % designs.len()],
                est * 0.6,
                est * 1.5
            )
        })
        .collect();
    let json = format!(
        r#"{{"schema": "evidence-lens/1", "title": "Many", "studies": [{}]}}"#,
        studies.join(",")
    );
    let parsed = model::parse_json(json.as_bytes());
    parsed.dataset.expect("the generated dataset loads")
}

#[test]
fn a_forest_of_ten_thousand_rows_stays_within_the_canvas_limit_and_says_what_it_left_out() {
    use evidence_lens::chart::forest::MAX_HEIGHT_PX;
    use plotters::prelude::*;
    let f = forest(&many(10_000), &ViewOptions::default());
    for (width, scale) in [(1600.0, 2.0), (640.0, 1.0), (1280.0, 4.0)] {
        let theme = Theme::new(ThemeName::Light, scale);
        let height = f.preferred_height(width, &theme);
        assert!(
            height <= MAX_HEIGHT_PX && height > MAX_HEIGHT_PX / 2.0,
            "height {height} at {width}×{scale}"
        );
        let mut out = String::new();
        let layout = {
            let area = SVGBackend::with_string(&mut out, (width as u32, height.ceil() as u32))
                .into_drawing_area();
            draw_on(&f, &area, &theme, None)
        };
        // Hit regions only for what is drawn, all of it on the canvas, in order. (At 320 CSS
        // px a row is a stack of four lines and its interval, 78 px: 4 × 78 px a row at dpr 4.)
        assert!(
            layout.hits.len() > 40 && layout.hits.len() < 10_000,
            "{} hits",
            layout.hits.len()
        );
        assert!(
            layout.content_height <= height + 1.0,
            "content {} > canvas {height}",
            layout.content_height
        );
        assert!(layout.hits.windows(2).all(|w| w[0].y1 <= w[1].y0 + 0.01));
        let shown = layout
            .hits
            .iter()
            .filter(|h| h.key.starts_with('t'))
            .count();
        assert_eq!(left_out(&out, "more results") + shown, 10_000);
    }
    // A small forest is drawn whole, as before.
    let small = forest(&dataset(), &ViewOptions::default());
    assert!(small.preferred_height(1600.0, &Theme::new(ThemeName::Light, 2.0)) < 2000.0);
}

#[test]
fn a_long_forest_as_a_poster_shows_its_first_screens_and_says_the_chart_has_the_rest() {
    use evidence_lens::chart::forest::POSTER_HEIGHT_PX;
    // Randomised and observational studies in each group: nothing is pooled.
    let data = many_of(
        2_000,
        &["AHSCT", "MSC"],
        &["rct", "rct", "cohort", "cohort"],
    );
    let options = ViewOptions {
        view: chart::View::Forest,
        ..ViewOptions::default()
    };
    let mut scene = chart::Scene::build(&data, &options);
    let theme = Theme::new(ThemeName::Light, 1.0);
    let whole = scene.preferred_height(800.0, &theme);
    scene.set_poster(true);
    let poster = scene.preferred_height(800.0, &theme);
    assert!(
        poster <= POSTER_HEIGHT_PX && poster > POSTER_HEIGHT_PX / 2.0 && whole > 4.0 * poster,
        "poster {poster}, chart {whole}"
    );
    let svg = chart::render_svg(&scene, 800, None, &theme).unwrap();
    let shown = placed_texts(&svg)
        .iter()
        .filter(|(t, _, _)| t.starts_with("Trial "))
        .count();
    // The poster says the interactive chart has the rows it leaves out.
    let hidden = left_out(&svg, "more results in the interactive chart");
    assert_eq!(hidden + shown, 2_000);
    // The first therapy's rows fill the poster; the second's header goes with all its rows.
    let all = texts(&svg);
    assert!(all.iter().any(|t| t == "AHSCT"), "{all:?}");
    assert!(!all.iter().any(|t| t == "MSC"), "a header over no rows");
    // The same rows, in the same places, as the chart's first screens: no jump when it comes.
    scene.set_poster(false);
    let chart = chart::render_svg(&scene, 800, None, &theme).unwrap();
    let first = |svg: &str| {
        placed_texts(svg)
            .into_iter()
            .filter(|(t, _, _)| t.starts_with("Trial "))
            .take(shown)
            .collect::<Vec<_>>()
    };
    assert_eq!(first(&svg), first(&chart));
    assert!((scene.preferred_height(800.0, &theme) - whole).abs() < 0.5);
    // Headers are paid for only by groups that are drawn: a poster of many small groups
    // still shows studies, as many as fit.
    let names: Vec<String> = (0..400).map(|i| format!("Therapy {i}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    // (Each treatment's studies mix designs, so none pools.)
    let many_groups = many_of(2_000, &names, &["rct", "cohort", "cohort"]);
    let mut groups = chart::Scene::build(&many_groups, &options);
    groups.set_poster(true);
    let drawn = placed_texts(&chart::render_svg(&groups, 800, None, &theme).unwrap())
        .into_iter()
        .filter(|(t, _, _)| t.starts_with("Trial "))
        .count();
    assert!(drawn > 15, "{drawn} studies drawn");
    // A pooled result is always drawn, at the end of its group, with the group's header.
    let mut pooled = chart::Scene::build(&many(2_000), &options);
    pooled.set_poster(true);
    let all = texts(&chart::render_svg(&pooled, 800, None, &theme).unwrap());
    assert!(all.iter().any(|t| t.starts_with("Pooled")), "{all:?}");
}

/// A forest keeps its last layout for the next draw: asked in turn at other widths and scales,
/// and back, it gives what a new forest gives each time.
#[test]
fn a_kept_layout_serves_only_its_own_width_and_scale() {
    let data = many(300);
    let options = forest_view();
    let scene = chart::Scene::build(&data, &options);
    for (width, scale) in [
        (390.0, 1.0),
        (800.0, 1.0),
        (390.0, 2.0),
        (390.0, 1.0),
        (1600.0, 3.0),
    ] {
        let theme = Theme::new(ThemeName::Dark, scale);
        let fresh = chart::Scene::build(&data, &options);
        let device = width * scale;
        let (kept, new) = (
            scene.preferred_height(device, &theme),
            fresh.preferred_height(device, &theme),
        );
        assert_eq!(kept, new, "{width} px at {scale}×");
        let svg = |s: &chart::Scene| chart::render_svg(s, device as u32, None, &theme).unwrap();
        assert_eq!(svg(&scene), svg(&fresh), "{width} px at {scale}×");
    }
}

/// How many results the row that contains `says` counts as left out (it must be there).
#[track_caller]
fn left_out(svg: &str, says: &str) -> usize {
    let more = texts(svg)
        .into_iter()
        .find(|t| t.contains(says))
        .unwrap_or_else(|| panic!("no row says {says:?}: the rows left out are not counted"));
    let digits: String = more.chars().filter(|c| c.is_ascii_digit()).collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no count in {more:?}"))
}

/// `(content, x, y)` of every `<text>` element.
fn placed_texts(svg: &str) -> Vec<(String, i64, i64)> {
    let attr = |tag: &str, name: &str| -> Option<i64> {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        tag[start..]
            .split('"')
            .next()?
            .parse::<f64>()
            .ok()
            .map(|v| v.round() as i64)
    };
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let (tag, rest) = t.split_once('>')?;
            let content = rest.split_once("</text>")?.0.trim().to_string();
            Some((content, attr(tag, "x")?, attr(tag, "y")?))
        })
        .collect()
}

#[test]
fn a_window_of_a_long_forest_draws_its_rows_moved_up_and_nothing_else() {
    use plotters::prelude::*;
    let f = forest(&many(2_000), &ViewOptions::default());
    let theme = Theme::new(ThemeName::Light, 1.0);
    let width = 900u32;
    let height = f.preferred_height(width as f64, &theme).ceil() as u32;
    let draw = |top: u32, window: u32| {
        let mut out = String::new();
        let layout = {
            let surface = SVGBackend::with_string(&mut out, (width, window));
            let area = chart::Windowed::new(surface, top, height).into_drawing_area();
            draw_on(&f, &area, &theme, None)
        };
        (out, layout)
    };
    let (full, full_layout) = draw(0, height);
    let (top, window) = (height / 2, 1_500);
    let (part, part_layout) = draw(top, window);
    // The layout is the whole chart's either way: every row can be pointed at or focused.
    assert_eq!(part_layout, full_layout);
    let full_texts = placed_texts(&full);
    let part_texts = placed_texts(&part);
    assert!(
        part_texts.len() > 20,
        "{} texts in the window",
        part_texts.len()
    );
    assert!(
        part_texts.len() * 5 < full_texts.len(),
        "the window drew {} of {} texts",
        part_texts.len(),
        full_texts.len()
    );
    // Everything in the window is the full chart's, moved up by `top`...
    let (top, window) = (top as i64, window as i64);
    for (text, x, y) in &part_texts {
        assert!(
            full_texts.contains(&(text.clone(), *x, y + top)),
            "{text} at {x},{y} is not in the full chart"
        );
        assert!(*y > -40 && *y < window + 40, "{text} drawn at {y}, outside");
    }
    // ... and whatever of the full chart lies inside it is drawn.
    for (text, x, y) in full_texts
        .iter()
        .filter(|t| t.2 > top + 30 && t.2 < top + window - 30)
    {
        assert!(
            part_texts.contains(&(text.clone(), *x, y - top)),
            "{text} at {x},{y} is missing from the window"
        );
    }
}

#[test]
fn a_window_sends_what_reaches_into_it_and_drops_the_rest() {
    use plotters::prelude::*;
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    let mut out = String::new();
    {
        // Rows 100..200 of a chart 1,000 tall.
        let surface = SVGBackend::with_string(&mut out, (200, 100));
        let area = chart::Windowed::new(surface, 100, 1_000).into_drawing_area();
        assert_eq!(
            area.dim_in_pixel(),
            (200, 1_000),
            "views lay out on the whole chart"
        );
        let font = ("sans-serif", 12).into_font();
        let top_anchored = TextStyle::from(font.clone()).pos(Pos::new(HPos::Left, VPos::Top));
        // Reaching in: a circle centred above the window, a thick line just above it, text
        // anchored at its top just above the window and at its bottom just below it.
        area.draw(&Circle::new((50, 95), 10, BLACK.filled()))
            .unwrap();
        area.draw(&PathElement::new(
            vec![(0, 92), (200, 92)],
            BLACK.stroke_width(15),
        ))
        .unwrap();
        area.draw(&Text::new("above", (10, 95), top_anchored.clone()))
            .unwrap();
        area.draw(&Text::new("below", (10, 205), font.clone()))
            .unwrap();
        // Turned text runs along y: always sent.
        let turned = font.clone().transform(FontTransform::Rotate270);
        area.draw(&Text::new("turned", (10, 600), turned)).unwrap();
        // Wholly outside: dropped.
        area.draw(&Circle::new((50, 40), 10, BLACK.filled()))
            .unwrap();
        area.draw(&PathElement::new(
            vec![(0, 300), (200, 300)],
            BLACK.stroke_width(3),
        ))
        .unwrap();
        area.draw(&Text::new("far", (10, 600), top_anchored))
            .unwrap();
        area.draw(&Rectangle::new([(0, 0), (200, 60)], BLACK.filled()))
            .unwrap();
    }
    assert_eq!(out.matches("<circle").count(), 1, "{out}");
    assert_eq!(
        out.matches("<polyline").count() + out.matches("<path").count(),
        1,
        "{out}"
    );
    assert_eq!(out.matches("<rect").count(), 0, "{out}");
    for word in ["above", "below", "turned"] {
        assert!(out.contains(word), "{word} missing: {out}");
    }
    assert!(!out.contains("far"), "{out}");
    // Moved up by the window's top.
    assert!(out.contains("cy=\"-5\""), "{out}");
}

/// `(content, y)` of the texts that start with `prefix`, in drawing order.
fn texts_at(svg: &str, prefix: &str) -> Vec<(String, i64)> {
    placed_texts(svg)
        .into_iter()
        .filter(|(t, _, _)| t.starts_with(prefix))
        .map(|(t, _, y)| (t, y))
        .collect()
}

#[test]
fn narrow_rows_put_the_label_above_a_full_width_interval_and_the_numbers_under_it() {
    let s = svg(&forest_view(), 320);
    // The squares of the three results, in row order (the background is the wide rect; a
    // hollow square is a filled one under an outline).
    let mut squares: Vec<f64> = s
        .split("<rect")
        .skip(1)
        .filter_map(|r| {
            let attr = |name: &str| -> Option<f64> {
                let start = r.find(&format!(" {name}=\""))? + name.len() + 3;
                r[start..].split('"').next()?.parse().ok()
            };
            (attr("width")? < 30.0).then(|| attr("y").unwrap() + attr("height").unwrap() / 2.0)
        })
        .collect();
    squares.dedup();
    assert_eq!(squares.len(), 3, "{s}");
    let labels: Vec<i64> = ["Trial A · RCT", "Trial B · crossover RCT"]
        .iter()
        .flat_map(|l| texts_at(&s, l))
        .map(|(_, y)| y)
        .collect();
    let numbers: Vec<i64> = ["HR 0.070 [0.020, 0.24]", "IRR 0.94", "MD −1.70"]
        .iter()
        .map(|v| texts_at(&s, v)[0].1)
        .collect();
    let mut labels = labels;
    labels.sort_unstable();
    for ((label, square), number) in labels.iter().zip(&squares).zip(&numbers) {
        assert!(
            (*label as f64) + 20.0 < *square && *square + 10.0 < *number as f64,
            "label at {label}, square at {square}, numbers at {number}"
        );
    }
    // The plot spans the whole width under the labels: each axis runs from margin to margin.
    assert!(
        s.matches("points=\"10,").count() >= 2 && s.contains(" 310,"),
        "no full-width axis: {s}"
    );
}

#[test]
fn a_long_label_wraps_keeps_its_caveat_marker_and_makes_its_row_taller() {
    use plotters::prelude::*;
    let long = "A deliberately long study label that needs several lines (an extension study)";
    let json = SMALL.replacen(
        r#""label": "Trial A","#,
        &format!(r#""label": "{long}", "caveats": ["counts pool two cycles"],"#),
        1,
    );
    let parsed = model::parse_json(json.as_bytes());
    let data = parsed.dataset.unwrap();
    let f = forest(&data, &ViewOptions::default());
    for width in [320u32, 390, 800, 1600] {
        let theme = Theme::new(ThemeName::Light, 1.0);
        let height = f.preferred_height(width as f64, &theme).ceil() as u32;
        let mut out = String::new();
        let layout = {
            let area = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
            draw_on(&f, &area, &theme, None)
        };
        let t = texts(&out);
        let first = t
            .iter()
            .position(|x| x.starts_with("A deliberately"))
            .unwrap();
        let last = first + t[first..].iter().position(|x| x.ends_with('†')).unwrap();
        assert_eq!(
            t[first..=last].join(" "),
            format!("{long} · RCT\u{a0}†"),
            "{width} px: every word of the label, then the marker"
        );
        assert!(!t.iter().any(|x| x.ends_with('…')), "{width} px: {t:?}");
        if width < 1600 {
            assert!(last > first, "{width} px: the label wraps");
        }
        // Its row is taller than the one-line rows.
        let h = |key: &str| {
            let hit = layout.hits.iter().find(|h| h.key == key).unwrap();
            hit.y1 - hit.y0
        };
        assert!(h("a/prog") > h("b/gel"), "{width} px");
    }
}

/// Stacked rows label the certainty as the reader's language writes a colon: French spaces it.
#[test]
fn stacked_rows_label_their_certainty_in_the_readers_typography() {
    use evidence_lens::i18n::Lang;
    for (lang, words) in [
        (Lang::En, "Certainty: "),
        (Lang::Es, "Certeza: "),
        (Lang::Fr, "Certitude\u{a0}: "),
    ] {
        let view = ViewOptions {
            lang,
            ..forest_view()
        };
        let all = texts(&svg(&view, 320)).join("\n");
        assert!(all.contains(words), "{lang:?}: {all}");
    }
}

/// A one-group proportion is written as people out of 100 are in the sentences: Burt 2021's one
/// death in 507 is 0.2%, with a lower bound under 0.1%, not "0% [0, 1]".
#[test]
fn a_rare_one_group_proportion_is_not_rounded_to_nothing() {
    let f = forest(&model::builtin(), &forest_view());
    let row = f
        .panels
        .iter()
        .flat_map(|p| &p.rows)
        .find(|r| r.key == "burt_2021/trm")
        .expect("Burt 2021's treatment-related deaths");
    assert_eq!(
        row.value.text(evidence_lens::i18n::Lang::En),
        "0.2% [<0.1, 1] (one group, no comparison)"
    );
}

/// A single-arm study's before-after change (a mean difference in points) is one group, as the
/// appraisal calls it: not drawn on the "favours" axis, and written in points, not per cent.
#[test]
fn a_single_arm_change_is_one_group_in_points() {
    let json = r#"{"schema": "evidence-lens/1", "studies": [
      {"id": "s", "label": "Case series S", "year": 2010, "citation": {"text": "S et al."},
       "source_kind": "paper", "condition": "multiple sclerosis", "intervention": {"therapy": "MSC"},
       "design": "single_arm", "n": 15,
       "outcomes": [{"id": "edss", "name": "EDSS change", "kind": "benefit", "better": "lower", "status": "verified",
                     "data": {"measure": "MD", "estimate": -0.5, "ci_lb": -0.9, "ci_ub": -0.1}}]}],
      "claims": [{"id": "c", "text": "MSC improves disability.", "by": "clinic", "citation": {"text": "A clinic"},
                  "therapy": "MSC", "condition": "multiple sclerosis", "parts": [{"asserts": "benefit", "outcome": "EDSS change"}], "studies": ["s"]}]}"#;
    let parsed = model::parse_json(json.as_bytes());
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let data = parsed.dataset.expect("a valid dataset");
    let f = forest(&data, &forest_view());
    let row = f
        .panels
        .iter()
        .flat_map(|p| &p.rows)
        .find(|r| r.key == "s/edss")
        .unwrap();
    assert_eq!(
        row.estimate, None,
        "a one-group change is not drawn as a comparison"
    );
    let text = row.value.text(evidence_lens::i18n::Lang::En);
    assert!(text.contains("one group") && !text.contains('%'), "{text}");
    let appraisal = evidence_lens::appraise::appraise(&data, &Default::default());
    let sentences: Vec<&str> = appraisal.claims[0]
        .evidence
        .iter()
        .map(|e| e.sentence.as_str())
        .collect();
    assert!(
        sentences
            .iter()
            .any(|s| s.contains("EDSS change: mean difference -0.5 (95% CI -0.9 to -0.1)")),
        "{sentences:?}"
    );
    assert!(
        !sentences.iter().any(|s| s.contains("-50%")),
        "{sentences:?}"
    );
}

/// A row says an outcome's time once: "Treatment failure at 6 months, intrathecal vs sham" had
/// been followed by ", 6 months" again; a name that does not say its time is given it.
#[test]
fn a_row_says_its_outcome_s_time_once() {
    let data = r#"{"schema": "evidence-lens/1", "studies": [
      {"id": "a", "label": "A 2020", "year": 2020, "citation": {"text": "x"}, "source_kind": "paper",
       "condition": "c", "intervention": {"therapy": "X"}, "design": "rct", "n": 40,
       "outcomes": [
         {"id": "fail", "name": "Treatment failure at 6 months, intrathecal vs sham", "timepoint": "6 months",
          "kind": "benefit", "better": "lower", "status": "verified",
          "data": {"measure": "RR", "estimate": 0.5, "ci_lb": 0.2, "ci_ub": 1.2}},
         {"id": "arr", "name": "Annualised relapse rate", "timepoint": "weeks 0-24",
          "kind": "benefit", "better": "lower", "status": "verified",
          "data": {"measure": "RR", "estimate": 0.8, "ci_lb": 0.4, "ci_ub": 1.6}}]}]}"#;
    let parsed = model::parse_json(data.as_bytes());
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let f = forest(&parsed.dataset.unwrap(), &forest_view());
    let detail = |key: &str| {
        let rows = f.panels.iter().flat_map(|p| &p.rows);
        rows.filter(|r| r.key == key)
            .map(|r| r.detail.clone())
            .next()
    };
    assert_eq!(
        detail("a/fail").as_deref(),
        Some("Treatment failure at 6 months, intrathecal vs sham")
    );
    assert_eq!(
        detail("a/arr").as_deref(),
        Some("Annualised relapse rate, weeks 0-24")
    );
}
