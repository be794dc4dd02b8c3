use std::process::ExitCode;

fn main() -> ExitCode {
    artlint_cli::main()
}

#[path = "cli.rs"]
mod artlint_cli;
