package dev.strata.archfixtures.wiringleak.domain;

public record Model(String id) {}
