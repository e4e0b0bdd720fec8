package dev.strata.app.server.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.app.server.Authentication;
import dev.strata.app.server.Credentials;
import dev.strata.app.server.StrataServer;
import dev.strata.app.server.control.ControlClient.Answer;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may make which control call when callers authenticate (here with Bedrock API keys): Alice and
 * Bob control their own accounts only; the admin key controls everything; anyone authenticated
 * reads health and the clock.
 */
class ControlAccessTest {
  private static final String ALICE = "111111111111";
  private static final String BOB = "222222222222";
  private static InMemoryStrata strata;
  private static StrataServer server;
  private static ControlClient alice;
  private static ControlClient bob;
  private static ControlClient admin;

  @BeforeAll
  static void serve() {
    strata = InMemoryStrata.builder().transitions(StatusTransitionPolicy.manual()).build();
    Credentials keys =
        Credentials.builder()
            .apiKey("alice-ci", "ABSKalice", ALICE)
            .apiKey("bob-ci", "ABSKbob", BOB)
            .adminApiKey("platform", "ABSKadmin", "333333333333")
            .build();
    server =
        StrataServer.start(
            strata.service(),
            StrataServer.Config.of("127.0.0.1", 0)
                .withAuthentication(Authentication.of(Set.of(Authentication.Mode.BEARER), keys, null, Clock.systemUTC()))
                .withControl(ControlApi.of(strata.control())));
    alice = new ControlClient(server.url(), "ABSKalice");
    bob = new ControlClient(server.url(), "ABSKbob");
    admin = new ControlClient(server.url(), "ABSKadmin");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void assertDenied(Answer answer) {
    assertEquals(403, answer.status(), answer.body().toString());
    assertEquals("AccessDeniedException", answer.errorType());
  }

  @Test
  void a_caller_resets_its_own_account_but_not_another_nor_every_account() {
    assertEquals(200, alice.post("/_strata/reset", "{\"account\":\"" + ALICE + "\",\"region\":\"us-east-1\"}").status());
    Answer others = alice.post("/_strata/reset", "{\"account\":\"" + BOB + "\",\"region\":\"us-east-1\"}");
    assertDenied(others);
    assertTrue(others.message().contains("alice-ci") && others.message().contains(BOB), others.message());
    assertDenied(alice.post("/_strata/reset", ""));
    assertEquals(200, admin.post("/_strata/reset", "{\"account\":\"" + BOB + "\",\"region\":\"us-east-1\"}").status());
  }

  @Test
  void only_an_admin_moves_the_clock_and_anyone_authenticated_reads_it_and_health() {
    assertDenied(alice.post("/_strata/clock", "{\"advance\":\"P1D\"}"));
    assertEquals(200, alice.get("/_strata/clock").status());
    assertEquals(200, bob.get("/_strata/health").status());
    assertEquals(200, admin.post("/_strata/clock", "{\"advance\":\"PT1S\"}").status());
    Answer anonymous = new ControlClient(server.url()).get("/_strata/health");
    assertEquals(403, anonymous.status());
    assertEquals("MissingAuthenticationTokenException", anonymous.errorType());
  }

  @Test
  void only_an_admin_exports_or_imports_the_whole_state() {
    assertDenied(alice.get("/_strata/state"));
    assertDenied(bob.post("/_strata/state", "{\"version\":1,\"idsMinted\":0,\"provisionedThroughputs\":[]}"));
    Answer exported = admin.get("/_strata/state");
    assertEquals(200, exported.status(), exported.body().toString());
    assertEquals(1, exported.body().path("version").asInt());
  }

  @Test
  void a_caller_finishes_transitions_of_its_own_account_only() {
    strata
        .service()
        .forScope(ResourceScope.of("aws", "us-east-1", ALICE))
        .createProvisionedModelThroughput(
            CreateProvisionedModelThroughputCommand.builder("alice-pending", "amazon.nova-lite-v1:0:24k", 1).build())
        .get();
    String body = "{\"provisionedModelId\":\"alice-pending\",\"outcome\":\"InService\"}";
    assertEquals(404, bob.post("/_strata/transitions", body).status());
    assertEquals(200, alice.post("/_strata/transitions", body).status());
  }
}
