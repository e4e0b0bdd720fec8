package dev.strata.composition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.composition.AdapterSettings.Adapter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * This module's tests run as a service that depends on strata-composition alone: its pom keeps the
 * optional AWS adapters and the AWS SDK off their class path. An in-memory Strata opens; an
 * {@code aws} adapter is refused with the artifact to add.
 */
class WithoutTheAwsAdaptersTest {
  @Test
  void the_test_class_path_has_neither_the_aws_adapters_nor_the_aws_sdk() {
    assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.strata.adapters.aws.AwsAdapters"));
    assertThrows(ClassNotFoundException.class, () -> Class.forName("software.amazon.awssdk.core.SdkClient"));
  }

  @Test
  void choosing_the_aws_store_names_the_artifact_to_add() {
    StrataSettings settings = StrataSettings.of(Map.of("store", "aws", "table", "orders"));

    WiringException refused = assertThrows(WiringException.class, settings::open);

    assertEquals(
        "store: aws needs the AWS adapters, which are not on the class path: add the dependency"
            + " dev.strata:strata-adapters-aws (it brings the AWS SDK)",
        refused.getMessage());
  }

  @Test
  void the_message_names_the_port_that_chose_aws() {
    WiringException refused =
        assertThrows(WiringException.class, () -> StrataSettings.defaults().catalog(Adapter.AWS).open());

    assertEquals(
        "catalog: aws needs the AWS adapters, which are not on the class path: add the dependency"
            + " dev.strata:strata-adapters-aws (it brings the AWS SDK)",
        refused.getMessage());
  }

  @Test
  void an_in_memory_strata_opens_without_them() {
    try (WiredStrata wired = StrataSettings.defaults().open()) {
      assertEquals("us-east-1", wired.strata().scope().get().region().value());
    }
  }
}
