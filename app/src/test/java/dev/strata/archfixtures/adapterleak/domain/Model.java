package dev.strata.archfixtures.adapterleak.domain;

public record Model(String id) {}
