package dev.strata.archfixtures.drivenclass.ports.driving;

/** Kept: driving-port commands are records; the interfaces rule is for driven ports. */
public record CreateCommand(String name) {}
