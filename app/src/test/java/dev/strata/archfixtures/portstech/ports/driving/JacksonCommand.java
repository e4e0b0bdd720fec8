package dev.strata.archfixtures.portstech.ports.driving;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Violation: JSON is the app's wire format, not a port's concern. */
public final class JacksonCommand {
  public String json(ObjectMapper mapper) throws Exception {
    return mapper.writeValueAsString(this);
  }
}
