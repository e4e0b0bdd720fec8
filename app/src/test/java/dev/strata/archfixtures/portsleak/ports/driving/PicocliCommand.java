package dev.strata.archfixtures.portsleak.ports.driving;

import picocli.CommandLine;

/** Violation: a command-line library in a driving port. */
@CommandLine.Command(name = "create")
public final class PicocliCommand {}
