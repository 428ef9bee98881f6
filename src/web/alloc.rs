//! The browser build's allocator: talc, growing the wasm memory in large steps.
//!
//! talc rather than the default dlmalloc: reading and appraising a large dataset makes many small
//! allocations, where dlmalloc took about a sixth of the time; talc is faster and smaller. Its own
//! wasm source grows the memory by just what each allocation lacks (often one 64 KiB page), and
//! every grow costs the browser time: reading 10,000 studies took 345 grows and about 60 ms of
//! the main thread in Chromium. [`Grow`] adds an eighth of the memory there is (at least 256 KiB)
//! at a time instead, so that a large dataset takes tens of grows.

use core::alloc::Layout;
use core::arch::wasm32::{memory_grow, memory_size};
use core::ptr::NonNull;

use talc::base::binning::Binning;
use talc::base::Talc;
use talc::cell::TalcSyncCell;
use talc::source::Source;
use talc::wasm::WasmBinning;

const PAGE: usize = 64 * 1024;
/// The least a grow adds: 4 pages, 256 KiB.
const MIN_PAGES: usize = 4;

#[global_allocator]
static ALLOCATOR: TalcSyncCell<Grow, WasmBinning> = TalcSyncCell::new_wasm(Grow { end: None });

/// Extends talc's heap at the end of the wasm memory, as talc's `WasmGrowAndExtend` does, by
/// [`pages_to_grow`] at a time.
#[derive(Debug)]
pub struct Grow {
    /// The end of the heap talc was last given, to extend it when the memory grows right after.
    end: Option<NonNull<u8>>,
}

/// How many pages to add for an allocation of `needed` bytes to a memory of `current` pages:
/// an eighth of the memory, at least [`MIN_PAGES`], and at least what the allocation needs (with
/// room for talc's bookkeeping; if that falls short, talc asks again).
fn pages_to_grow(needed: usize, current: usize) -> usize {
    needed.div_ceil(PAGE).max(current / 8).max(MIN_PAGES)
}

// Safety: `acquire` only hands talc memory it has just grown, at the end of the wasm memory,
// which nothing else uses; it returns `Ok` only when it added some.
unsafe impl Source for Grow {
    fn acquire<B: Binning>(talc: &mut Talc<Self, B>, layout: Layout) -> Result<(), ()> {
        let needed = layout
            .size()
            .saturating_add(layout.align())
            .saturating_add(64);
        let wanted = pages_to_grow(needed, memory_size(0));
        // Near the memory's limit, a large step may fail where what is needed still fits.
        let (pages, previous) = match memory_grow(0, wanted) {
            usize::MAX => {
                let least = needed.div_ceil(PAGE);
                (least, memory_grow(0, least))
            }
            previous => (wanted, previous),
        };
        if previous == usize::MAX {
            return Err(());
        }
        let base = (previous * PAGE) as *mut u8;
        // The memory's last byte, past which a 4 GiB memory's end would wrap to null.
        let end = (previous + pages)
            .checked_mul(PAGE)
            .map_or(usize::MAX, |end| end) as *mut u8;
        if let Some(old_end) = talc.source.end.take() {
            if old_end.as_ptr() == base {
                // Safety: the heap ended where the new memory begins.
                talc.source.end = Some(unsafe { talc.extend(old_end, end) });
                return Ok(());
            }
        }
        // Safety: the memory was just grown for talc alone.
        talc.source.end = unsafe { talc.claim(base, pages * PAGE) };
        Ok(())
    }
}
