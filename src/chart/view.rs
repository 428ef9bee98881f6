//! One entry point for every view: build it from a dataset and the reader's
//! options, ask how tall it wants to be, draw it, and list its items for the
//! accessible table, tooltips and keyboard navigation.

use foldhash::HashSet;
use std::ops::Range;

use super::build;
use super::claims::ClaimsView;
use super::draw::{self, Paint, Pen, Sheet};
use super::forest::{Forest, RowKind};
use super::funnel::FunnelView;
use super::harms::HarmsView;
use super::item::Item;
use super::map::MapView;
use super::options::{View, ViewOptions};
use super::summary::SummaryView;
use super::text::TextMeasure;
use super::{ChartError, Layout, Theme};
use crate::appraise::AppraiseOptions;
use crate::i18n::{plural, t, tf, tn, Lang};
use crate::model::Dataset;

/// A view ready to draw.
#[derive(Clone, Debug)]
pub enum Scene {
    Forest(Forest),
    Map(MapView),
    Harms(HarmsView),
    Claims(ClaimsView),
    Funnel(FunnelView),
    Summary(SummaryView),
}

impl Scene {
    /// Builds the view with the default appraisal options (and the view's method).
    pub fn build(dataset: &Dataset, options: &ViewOptions) -> Scene {
        Scene::build_with(dataset, options, &AppraiseOptions::default())
    }

    /// Builds the view, appraising the (filtered) data with the caller's options, so that a
    /// baseline risk, the question's condition and the reader's method reach every view.
    pub fn build_with(
        dataset: &Dataset,
        options: &ViewOptions,
        appraise: &AppraiseOptions,
    ) -> Scene {
        let filtered = options.filtered(dataset);
        let appraise = AppraiseOptions {
            answers: options.view == View::Summary,
            ..options.appraise_options(appraise)
        };
        let appraisal = crate::appraise::appraise(&filtered, &appraise);
        match options.view {
            View::Forest => Scene::Forest(build::forest_with(&filtered, options, &appraisal)),
            View::Map => Scene::Map(MapView::build(&filtered, options, &appraisal)),
            View::Harms => Scene::Harms(HarmsView::build(&filtered, options, &appraisal)),
            View::Claims => Scene::Claims(ClaimsView::build(&filtered, options, &appraisal)),
            View::Funnel => Scene::Funnel(FunnelView::build(&filtered, options, &appraisal)),
            View::Summary => Scene::Summary(SummaryView::build(&filtered, options, &appraisal)),
        }
    }

    pub fn view(&self) -> View {
        match self {
            Scene::Forest(_) => View::Forest,
            Scene::Map(_) => View::Map,
            Scene::Harms(_) => View::Harms,
            Scene::Claims(_) => View::Claims,
            Scene::Funnel(_) => View::Funnel,
            Scene::Summary(_) => View::Summary,
        }
    }

    /// Draws the scene as a poster (`render --poster`, the embed page's posters), or as the chart
    /// again: a long forest's poster shows only its first screens (see
    /// [`POSTER_HEIGHT_PX`](super::forest::POSTER_HEIGHT_PX)); the other views have no height
    /// limit of their own.
    pub fn set_poster(&mut self, poster: bool) {
        if let Scene::Forest(f) = self {
            f.poster = poster;
        }
    }

    /// The height in device pixels the view needs at `width` to show everything.
    pub fn preferred_height(&self, width: f64, theme: &Theme) -> f64 {
        match self {
            Scene::Forest(f) => f.preferred_height(width, theme),
            Scene::Map(v) => v.preferred_height(width, theme),
            Scene::Harms(v) => v.preferred_height(width, theme),
            Scene::Claims(v) => v.preferred_height(width, theme),
            Scene::Funnel(v) => v.preferred_height(width, theme),
            Scene::Summary(v) => v.preferred_height(width, theme),
        }
    }

    /// Draws the view (on its background if the theme paints it). `highlight` marks one item in the
    /// drawing itself (for static output); interactive hover uses [`Scene::draw_highlight`].
    pub fn draw(
        &self,
        area: &dyn Pen,
        theme: &Theme,
        measure: &dyn TextMeasure,
        highlight: Option<&str>,
    ) -> Result<Layout, ChartError> {
        let s = Sheet::start(area, theme, measure)?;
        let layout = match self {
            Scene::Forest(f) => return f.draw(&s, highlight),
            Scene::Map(v) => v.draw(&s)?,
            Scene::Harms(v) => v.draw(&s)?,
            Scene::Claims(v) => v.draw(&s)?,
            Scene::Funnel(v) => v.draw(&s)?,
            Scene::Summary(v) => v.draw(&s)?,
        };
        if let Some(key) = highlight {
            let (w, h) = area.size();
            let chart = (w as f64, h as f64);
            Scene::draw_highlight(area, theme, &layout, key, chart, (0.0, 0.0))?;
        }
        Ok(layout)
    }

    /// Draws only the focus ring of one item, for a transparent overlay canvas laid over
    /// the chart: hovering or moving the keyboard focus never redraws the chart itself.
    /// `chart` is the chart's size in device pixels and `origin` where the area's top left
    /// corner sits on it, so the overlay can cover just the [`Scene::highlight_box`].
    /// Nothing is drawn when the key has no hit region.
    pub fn draw_highlight(
        area: &dyn Pen,
        theme: &Theme,
        layout: &Layout,
        key: &str,
        chart: (f64, f64),
        origin: (f64, f64),
    ) -> Result<(), ChartError> {
        for [x0, y0, x1, y1] in focus_rings(theme, layout, key, chart) {
            let (x0, y0, x1, y1) = (x0 - origin.0, y0 - origin.1, x1 - origin.0, y1 - origin.1);
            draw::rect(area, x0, y0, x1, y1, &theme.focus, false, ring_width(theme))?;
        }
        Ok(())
    }

    /// The whole device pixels the focus ring of `key` covers on a chart of size `chart`:
    /// `[x0, y0, x1, y1]`, or `None` when the key has no hit region.
    pub fn highlight_box(
        theme: &Theme,
        layout: &Layout,
        key: &str,
        chart: (f64, f64),
    ) -> Option<[f64; 4]> {
        // Half the stroke plus a pixel of anti-aliasing either side of the ring's line.
        let pad = ring_width(theme).ceil() / 2.0 + 1.0;
        focus_rings(theme, layout, key, chart)
            .map(|[x0, y0, x1, y1]| {
                [
                    (x0 - pad).floor().max(0.0),
                    (y0 - pad).floor().max(0.0),
                    (x1 + pad).ceil().min(chart.0),
                    (y1 + pad).ceil().min(chart.1),
                ]
            })
            .reduce(|a, b| {
                [
                    a[0].min(b[0]),
                    a[1].min(b[1]),
                    a[2].max(b[2]),
                    a[3].max(b[3]),
                ]
            })
    }

    /// The items in reading order.
    pub fn items(&self) -> Vec<Item> {
        self.items_in(0..usize::MAX)
    }

    /// The items in `range` of the reading order (clamped to what there is). A forest makes its
    /// items from its rows, so a long one's table can ask for a page at a time.
    pub fn items_in(&self, range: Range<usize>) -> Vec<Item> {
        let take = range.end.saturating_sub(range.start);
        match self {
            Scene::Forest(f) => build::result_rows(f)
                .skip(range.start)
                .take(take)
                .map(|r| build::table_row(f.lang, r))
                .collect(),
            _ => self
                .made_items()
                .iter()
                .skip(range.start)
                .take(take)
                .cloned()
                .collect(),
        }
    }

    /// How many items there are.
    pub fn item_count(&self) -> usize {
        match self {
            Scene::Forest(f) => build::result_rows(f).count(),
            _ => self.made_items().len(),
        }
    }

    /// The item with this key.
    pub fn item(&self, key: &str) -> Option<Item> {
        match self {
            Scene::Forest(f) => build::result_rows(f)
                .find(|r| r.key == key)
                .map(|r| build::table_row(f.lang, r)),
            _ => self.made_items().iter().find(|i| i.key == key).cloned(),
        }
    }

    /// Whether any item has a certainty rating (the table shows the column only then).
    pub fn items_have_certainty(&self) -> bool {
        match self {
            Scene::Forest(f) => build::result_rows(f).any(|r| r.certainty.is_some()),
            _ => self.made_items().iter().any(|i| i.certainty.is_some()),
        }
    }

    /// The items of the views that make them with their layout.
    fn made_items(&self) -> &[Item] {
        match self {
            Scene::Forest(_) => &[],
            Scene::Map(v) => &v.items,
            Scene::Harms(v) => &v.items,
            Scene::Claims(v) => &v.items,
            Scene::Funnel(v) => &v.items,
            Scene::Summary(v) => &v.items,
        }
    }

    /// A plain-language summary of what the view shows, for the canvas's aria-label: the
    /// [`description`](Scene::description), and that the table below has the same results.
    pub fn summary(&self, lang: impl Into<Lang>) -> String {
        let lang = lang.into();
        format!("{} {}", self.description(lang), t(lang, "summary.table"))
    }

    /// What the view shows in words, with the appraisal's statements where the view has them:
    /// also the text alternative of its posters, which have no table beside them.
    pub fn description(&self, lang: impl Into<Lang>) -> String {
        let lang = lang.into();
        let head = match self {
            Scene::Forest(f) => {
                let results: Vec<&str> = build::result_rows(f)
                    .filter(|r| r.kind != RowKind::Pooled)
                    .map(|r| r.key.split_once('/').map_or(r.key.as_str(), |(s, _)| s))
                    .collect();
                let studies: HashSet<&str> = results.iter().copied().collect();
                tn(
                    lang,
                    "summary.forest",
                    &[
                        ("results", &plural(lang, "summary.results", results.len())),
                        ("studies", &plural(lang, "forest.studies", studies.len())),
                    ],
                )
            }
            Scene::Map(v) => v.summary(lang),
            Scene::Harms(v) => tf(lang, "summary.harms", &[&v.entries.len().to_string()]),
            Scene::Claims(v) => v.summary(lang),
            Scene::Funnel(v) => v.summary(lang),
            Scene::Summary(v) => v.summary(lang),
        };
        let statements: &[String] = match self {
            Scene::Forest(f) => &f.statements,
            Scene::Map(_) | Scene::Funnel(_) | Scene::Summary(_) => &[],
            Scene::Harms(v) => &v.statements,
            Scene::Claims(v) => &v.statements,
        };
        let mut out = head;
        for s in statements.iter().take(4) {
            out.push(' ');
            out.push_str(s.trim());
        }
        out
    }
}

fn ring_width(theme: &Theme) -> f64 {
    theme.px(2.5)
}

/// The focus ring of each hit region of `key`, inset so that a ring at the chart's edge
/// stays whole inside it.
fn focus_rings<'a>(
    theme: &Theme,
    layout: &'a Layout,
    key: &'a str,
    (w, h): (f64, f64),
) -> impl Iterator<Item = [f64; 4]> + 'a {
    let inset = theme.px(1.5);
    layout
        .hits
        .iter()
        .filter(move |h| h.key == key)
        .map(move |hit| {
            [
                (hit.x0 + inset).max(inset),
                (hit.y0 + inset).max(inset),
                (hit.x1 - inset).min(w - inset),
                (hit.y1 - inset).min(h - inset),
            ]
        })
}
