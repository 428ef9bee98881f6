//! One entry point for every view: build it from a dataset and the reader's
//! options, ask how tall it wants to be, draw it, and list its items for the
//! accessible table, tooltips and keyboard navigation.

use plotters::prelude::DrawingBackend;
use serde::Serialize;

use super::build::{self, View, ViewOptions};
use super::draw::Area;
use super::forest::Forest;
use super::text::TextMeasure;
use super::{ChartError, Layout, Theme};
use crate::model::Dataset;

/// A view ready to draw.
#[derive(Clone, Debug)]
pub enum Scene {
    Forest(Forest),
}

/// One thing a reader can point at, focus or find in the table.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Item {
    /// The key used in hit regions and events (`study/outcome`).
    pub key: String,
    pub label: String,
    pub detail: String,
    /// The numbers written out.
    pub value: String,
    pub n: Option<u32>,
}

impl Scene {
    pub fn build(dataset: &Dataset, options: &ViewOptions) -> Scene {
        match options.view {
            View::Forest => Scene::Forest(build::forest(dataset, options)),
        }
    }

    /// The height in device pixels the view needs at `width` to show everything.
    pub fn preferred_height(&self, width: f64, theme: &Theme) -> f64 {
        match self {
            Scene::Forest(f) => f.preferred_height(width, theme),
        }
    }

    pub fn draw<DB: DrawingBackend>(&self, area: &Area<DB>, theme: &Theme, measure: &dyn TextMeasure, highlight: Option<&str>) -> Result<Layout, ChartError> {
        match self {
            Scene::Forest(f) => f.draw(area, theme, measure, highlight),
        }
    }

    /// The items in reading order.
    pub fn items(&self) -> Vec<Item> {
        match self {
            Scene::Forest(f) => build::table_rows(f),
        }
    }
}
