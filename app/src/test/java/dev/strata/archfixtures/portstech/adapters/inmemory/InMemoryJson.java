package dev.strata.archfixtures.portstech.adapters.inmemory;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Kept by this rule: adapters may use Jackson. */
public final class InMemoryJson {
  private final ObjectMapper mapper = new ObjectMapper();

  public ObjectMapper mapper() {
    return mapper;
  }
}
