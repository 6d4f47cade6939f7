//! Mounting what nobody types into after the first paint, so the first field is on screen
//! sooner: the first frame holds only the form and the frame around it.
//!
//! `requestAnimationFrame` runs just before the browser paints a frame; a zero timeout set
//! from there runs once that frame is painted. A hidden page paints no frames (no
//! animation frame comes), so a plain timeout ([`FALLBACK_MS`]) mounts the rest anyway.
//! Both are plain timers that Chromium 86 and Firefox 78 run.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

/// The latest a deferred part waits when no frame is painted (a page opened in a background
/// tab, whose timers the browser slows to one a second anyway). Longer than any first
/// render measured (a 50 000-character draft on a loaded machine: ≈ 250 ms), so that on a
/// visible page the animation frame always comes first.
pub const FALLBACK_MS: u64 = 1000;

/// Runs `f` once, right after the browser has painted the current frame (or after
/// [`FALLBACK_MS`] if it paints none).
pub fn after_first_paint(f: impl FnOnce() + 'static) {
    let slot = Rc::new(Cell::new(Some(Box::new(f) as Box<dyn FnOnce()>)));
    let run = {
        let slot = slot.clone();
        move || {
            if let Some(f) = slot.take() {
                f();
            }
        }
    };
    let fallback = set_timeout_with_handle(run.clone(), Duration::from_millis(FALLBACK_MS)).ok();
    request_animation_frame(move || {
        set_timeout(
            move || {
                if let Some(handle) = fallback {
                    handle.clear();
                }
                run();
            },
            Duration::ZERO,
        )
    });
}

/// A signal that turns true right after the first paint ([`after_first_paint`]) and stays
/// so: what is shown under `when=painted` mounts a moment after the first frame, and at
/// once whenever it is shown again later (back from the drafts page).
pub fn painted() -> ReadSignal<bool> {
    let (painted, set) = signal(false);
    after_first_paint(move || {
        // Unmounted before the first paint: nothing to do.
        set.try_set(true);
        crate::web::mark("fazhi:deferred");
    });
    painted
}
