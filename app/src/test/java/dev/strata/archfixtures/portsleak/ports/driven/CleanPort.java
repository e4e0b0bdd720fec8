package dev.strata.archfixtures.portsleak.ports.driven;

import dev.strata.archfixtures.portsleak.domain.Model;
import io.vavr.control.Option;
import jakarta.validation.constraints.NotNull;

/** Kept: domain, vavr, jakarta.validation and the JDK. */
public interface CleanPort {
  Option<Model> find(@NotNull String id);
}
