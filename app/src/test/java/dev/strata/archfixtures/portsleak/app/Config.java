package dev.strata.archfixtures.portsleak.app;

public record Config(String region) {}
