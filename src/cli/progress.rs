//! A progress bar on stderr for runs longer than a moment.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A bar that is hidden with `--quiet` or when stderr is not a terminal.
pub fn bar(total: u64, quiet: bool, what: &str) -> ProgressBar {
    let pb = ProgressBar::with_draw_target(
        Some(total),
        if quiet {
            ProgressDrawTarget::hidden()
        } else {
            ProgressDrawTarget::stderr()
        },
    );
    pb.set_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} trials ({per_sec}, eta {eta})")
            .expect("valid template")
            .progress_chars("=> "),
    );
    // Scenario names may carry escape sequences: never print them raw.
    pb.set_message(crate::export::sanitize::clean_text(what).into_owned());
    pb
}
