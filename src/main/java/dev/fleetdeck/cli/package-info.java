/**
 * The command line (picocli): one entry point, a subcommand per command, generated help and shell completion,
 * and the secret-scrubbing filter in front of the terminal. May use every layer; nothing uses it.
 */
package dev.fleetdeck.cli;
