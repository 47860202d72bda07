//! The `channelshift` binary: everything lives in the library.

fn main() {
    restore_default_sigpipe();
    std::process::exit(channelshift::cli::main());
}

/// `channelshift check FILE | head` must end quietly when `head` stops
/// reading, as other Unix tools do, instead of panicking in `print!` on a
/// broken pipe (Rust ignores SIGPIPE by default).
#[cfg(unix)]
fn restore_default_sigpipe() {
    // SAFETY: called once at start-up, before any thread exists; setting a
    // signal's disposition to its default has no other effect.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn restore_default_sigpipe() {}
