//! Drawing a long chart a window at a time.
//!
//! A forest of thousands of studies is up to [`MAX_HEIGHT_PX`](super::forest::MAX_HEIGHT_PX)
//! tall. A canvas that size takes tens of megabytes, and allocating, painting and compositing
//! it was most of a first draw, though a reader sees a screenful of it. [`Windowed`] lets a
//! view lay itself out on the whole chart (hit regions and all) while only the rows from
//! `top` down, as many as the surface it wraps is tall, reach that surface: everything is
//! moved up by `top`, and what lies wholly outside is not sent at all.

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};

type Result<E> = std::result::Result<(), DrawingErrorKind<E>>;

/// A surface that shows the rows `top..top + its height` of a chart `full_height` tall.
pub struct Windowed<DB> {
    inner: DB,
    top: i32,
    /// The surface's own height, read once: asking a canvas is a call into JS.
    height: i32,
    full_height: u32,
}

impl<DB: DrawingBackend> Windowed<DB> {
    pub fn new(inner: DB, top: u32, full_height: u32) -> Self {
        let height = i32::try_from(inner.get_size().1).unwrap_or(i32::MAX);
        Windowed {
            inner,
            top: i32::try_from(top).unwrap_or(i32::MAX),
            height,
            full_height,
        }
    }

    /// All of `inner`: the same drawing code then serves whole and windowed charts (each
    /// surface type a view is drawn on adds a copy of the views to the wasm).
    pub fn whole(inner: DB) -> Self {
        let full_height = inner.get_size().1;
        Windowed::new(inner, 0, full_height)
    }

    /// Whether anything between rows `y0` and `y1` (either order) reaches the surface.
    fn shown(&self, y0: i32, y1: i32) -> bool {
        y0.max(y1) >= self.top && y0.min(y1) < self.top.saturating_add(self.height)
    }

    fn shift(&self, (x, y): BackendCoord) -> BackendCoord {
        (x, y.saturating_sub(self.top))
    }

    /// A shape's points moved up, or `None` when none of it (stroked `width` wide) shows.
    fn shown_points(
        &self,
        points: impl IntoIterator<Item = BackendCoord>,
        width: u32,
    ) -> Option<Vec<BackendCoord>> {
        let points: Vec<BackendCoord> = points.into_iter().collect();
        self.spans_shown(points.iter().map(|p| p.1), width)
            .then(|| points.into_iter().map(|p| self.shift(p)).collect())
    }

    /// Whether a shape whose points span `ys`, stroked `width` wide, reaches the surface.
    fn spans_shown(&self, ys: impl Iterator<Item = i32>, width: u32) -> bool {
        let (lo, hi) = ys.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
        let w = i32::try_from(width).unwrap_or(i32::MAX);
        lo <= hi && self.shown(lo.saturating_sub(w), hi.saturating_add(w))
    }
}

impl<DB: DrawingBackend> DrawingBackend for Windowed<DB> {
    type ErrorType = DB::ErrorType;

    /// The whole chart's size: views lay out on all of it.
    fn get_size(&self) -> (u32, u32) {
        (self.inner.get_size().0, self.full_height)
    }

    fn ensure_prepared(&mut self) -> Result<DB::ErrorType> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<DB::ErrorType> {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<DB::ErrorType> {
        if !self.shown(point.1, point.1) {
            return Ok(());
        }
        let point = self.shift(point);
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<DB::ErrorType> {
        if !self.spans_shown([from.1, to.1].into_iter(), style.stroke_width()) {
            return Ok(());
        }
        let (from, to) = (self.shift(from), self.shift(to));
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<DB::ErrorType> {
        if !self.spans_shown(
            [upper_left.1, bottom_right.1].into_iter(),
            style.stroke_width(),
        ) {
            return Ok(());
        }
        let (upper_left, bottom_right) = (self.shift(upper_left), self.shift(bottom_right));
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<DB::ErrorType> {
        match self.shown_points(path, style.stroke_width()) {
            Some(path) => self.inner.draw_path(path, style),
            None => Ok(()),
        }
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<DB::ErrorType> {
        let r = i32::try_from(radius).unwrap_or(i32::MAX);
        let ys = [center.1.saturating_sub(r), center.1.saturating_add(r)];
        if !self.spans_shown(ys.into_iter(), style.stroke_width()) {
            return Ok(());
        }
        let center = self.shift(center);
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<DB::ErrorType> {
        match self.shown_points(vert, 0) {
            Some(vert) => self.inner.fill_polygon(vert, style),
            None => Ok(()),
        }
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<DB::ErrorType> {
        // The anchor may sit at the text's top, middle or bottom: two font sizes either side
        // cover it. Turned text runs along y by its length, so it is always sent.
        let reach = (style.size() * 2.0).ceil() as i32;
        let upright = matches!(style.transform(), FontTransform::None);
        if upright && !self.shown(pos.1.saturating_sub(reach), pos.1.saturating_add(reach)) {
            return Ok(());
        }
        let pos = self.shift(pos);
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> std::result::Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        self.inner.estimate_text_size(text, style)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        (iw, ih): (u32, u32),
        src: &[u8],
    ) -> Result<DB::ErrorType> {
        let bottom = pos.1.saturating_add(i32::try_from(ih).unwrap_or(i32::MAX));
        if !self.shown(pos.1, bottom) {
            return Ok(());
        }
        let pos = self.shift(pos);
        self.inner.blit_bitmap(pos, (iw, ih), src)
    }
}
