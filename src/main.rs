//! The `channelshift` binary: everything lives in the library.

fn main() {
    std::process::exit(channelshift::cli::main());
}
