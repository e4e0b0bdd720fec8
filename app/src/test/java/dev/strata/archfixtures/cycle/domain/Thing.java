package dev.strata.archfixtures.cycle.domain;

/** Kept: depended on, depends on nothing. */
public record Thing(String id) {}
