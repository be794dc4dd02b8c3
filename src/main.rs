use std::process::ExitCode;

fn main() -> ExitCode {
    artlint::engine::install_panic_hook();
    let code = artlint_cli::main();
    if let Some(t) = artlint::timings::report() {
        eprint!("{t}");
    }
    code
}

#[path = "cli.rs"]
mod artlint_cli;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
