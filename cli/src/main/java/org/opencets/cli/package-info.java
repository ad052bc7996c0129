/**
 * The command line: {@code cets} and its subcommands, on picocli. Commands parse, call the
 * application layer ({@link org.opencets.app.Session}) and print — text for people, {@code --json}
 * for programs. Errors are one line on stderr with a named exit code ({@link ExitCodes}); stack
 * traces only with {@code --debug}.
 */
package org.opencets.cli;
