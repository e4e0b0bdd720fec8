package dev.strata.app.server.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.app.server.StrataServer;
import dev.strata.app.server.control.ControlClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /_strata/faults}, {@code quotas} and {@code custom-models} over plain HTTP. */
class FaultsQuotasAndCustomModelsApiTest {
  private static final String THROTTLE =
      "{\"operation\":\"CreateProvisionedModelThroughput\",\"error\":\"ThrottlingException\",\"count\":3}";

  /** A fresh server per test, so that each starts with nothing armed, changed or registered. */
  private final InMemoryStrata strata = InMemoryStrata.builder().build();
  private final StrataServer server =
      StrataServer.start(
          strata.service(),
          StrataServer.Config.of("127.0.0.1", 0).withControl(ControlApi.of(strata.control())));
  private final ControlClient client = new ControlClient(server.url());

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_reset_disarms_the_faults_of_its_account_or_of_everyone() {
    client.post("/_strata/faults", THROTTLE.replace("}", ",\"account\":\"210987654321\"}"));
    client.post("/_strata/faults", THROTTLE);

    client.post("/_strata/reset", "{\"account\":\"210987654321\",\"region\":\"us-east-1\"}");
    assertEquals(1, client.get("/_strata/faults?account=210987654321").body().path("faults").size());
    client.post("/_strata/reset", "");
    assertEquals(0, client.get("/_strata/faults").body().path("faults").size());
  }

  @Test
  void a_query_member_a_get_does_not_accept_is_a_400_naming_it() {
    Answer refused = client.get("/_strata/faults?operation=x");

    assertEquals(400, refused.status());
    assertTrue(refused.message().contains("at 'operation'"), refused.message());
  }

  @Test
  void quotas_are_read_for_the_account_and_region_named_and_a_bad_limit_changes_nothing() {
    Answer refused = client.put("/_strata/quotas", "{\"limits\":{\"committed\":1.5}}");
    Answer west = client.get("/_strata/quotas?region=us-west-2");

    assertEquals(400, refused.status());
    assertTrue(refused.message().contains("at 'limits.committed'"), refused.message());
    assertEquals("us-west-2", west.body().path("region").asText());
    assertEquals(1000, west.body().path("quotas").get(0).path("limit").asLong());
    assertEquals(400, client.put("/_strata/quotas", "{\"limits\":[1]}").status());
  }

  @Test
  void deleting_a_custom_model_that_was_never_registered_is_a_404_and_seeded_models_stay() {
    Answer seeded = client.delete("/_strata/custom-models", "{\"modelName\":\"support-bot-titan\"}");

    assertEquals(404, seeded.status());
    assertEquals("ResourceNotFoundException", seeded.errorType());
    assertEquals(0, client.delete("/_strata/custom-models", "").body().path("removed").size());
  }
}
