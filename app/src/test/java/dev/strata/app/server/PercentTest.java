package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PercentTest {
  @Test
  void decodes_percent_escapes_as_utf8_and_leaves_plus_alone() {
    assertEquals(
        "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc+d é",
        Percent.decode(
            "arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Aprovisioned-model%2Fabc+d%20%C3%A9"));
  }

  @Test
  void keeps_malformed_escapes_literally() {
    assertEquals("100%-%G1%4", Percent.decode("100%-%G1%4"));
  }
}
