//! The `briefbot` binary: command line, configuration and logging; adapters live in its
//! modules (`terminal`). `anyhow` is used here only, at the edge.

mod admin;
mod cli;
mod terminal;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    init_tracing(cli.verbose);
    match cli::run(cli) {
        Ok(code) => code,
        Err(e) => terminal::report_error(&e),
    }
}

fn init_tracing(verbose: bool) {
    let default = if verbose { "briefbot=debug,serenity=info" } else { "briefbot=warn,serenity=warn" };
    let filter = tracing_subscriber::EnvFilter::try_from_env("BRIEFBOT_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let colours = std::io::IsTerminal::is_terminal(&std::io::stderr());
    tracing_subscriber::fmt().with_env_filter(filter).with_ansi(colours).with_writer(std::io::stderr).init();
}
