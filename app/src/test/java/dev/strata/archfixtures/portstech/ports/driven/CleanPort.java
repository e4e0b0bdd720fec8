package dev.strata.archfixtures.portstech.ports.driven;

import jakarta.validation.constraints.NotNull;

/** Kept: the Jakarta Validation API is the one validation dependency ports may have. */
public interface CleanPort {
  String find(@NotNull String id);
}
