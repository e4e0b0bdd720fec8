package dev.strata.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.ports.driving.RequestTag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TagConverterTest {
  private final CreateCommand.TagConverter converter = new CreateCommand.TagConverter();

  @Test
  void bedrock_member_names_make_a_tag() {
    assertEquals(RequestTag.of("team", "ml"), converter.convert("key=team,value=ml"));
  }

  @Test
  void capitalised_member_names_make_the_same_tag() {
    assertEquals(RequestTag.of("team", "ml"), converter.convert("Key=team,Value=ml"));
  }

  @Test
  void members_may_come_in_either_order() {
    assertEquals(RequestTag.of("env", "dev"), converter.convert("value=dev,key=env"));
  }

  @Test
  void a_value_may_contain_equals_signs_and_be_empty() {
    assertEquals(RequestTag.of("f", "a=b"), converter.convert("key=f,value=a=b"));
    assertEquals(RequestTag.of("f", ""), converter.convert("key=f,value="));
  }

  @Test
  void an_unknown_member_is_refused() {
    TypeConversionException e =
        assertThrows(TypeConversionException.class, () -> converter.convert("key=a,colour=b"));
    assertEquals("'key=a,colour=b' is not a tag; expected key=<k>,value=<v>", e.getMessage());
  }

  @Test
  void a_repeated_member_is_refused() {
    TypeConversionException e =
        assertThrows(TypeConversionException.class, () -> converter.convert("key=a,Key=b,value=c"));
    assertEquals("'key=a,Key=b,value=c' names key twice", e.getMessage());
  }
}
