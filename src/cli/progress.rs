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
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} trials ({rate}, eta {eta})")
            .expect("valid template")
            // A whole number of trials a second: "81,234/s" reads better than "81234.5678/s".
            .with_key(
                "rate",
                |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(
                        w,
                        "{}/s",
                        crate::i18n::format_number(
                            state.per_sec().round(),
                            0,
                            crate::i18n::Lang::En
                        )
                    );
                },
            )
            .progress_chars("=> "),
    );
    // Scenario names may carry escape sequences: never print them raw.
    pb.set_message(crate::export::sanitize::clean_text(what).into_owned());
    pb
}
