package dev.strata.archfixtures.portsleak.domain;

public record Model(String id) {}
