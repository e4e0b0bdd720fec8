package dev.strata.app.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.domain.BedrockError;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelStatus;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.ValidationFact;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.DeleteProvisionedModelThroughputCommand;
import dev.strata.ports.driving.GetProvisionedModelThroughputCommand;
import dev.strata.ports.driving.Strata;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

/** The Java embedding example of the README, verbatim, so that the README stays true. */
class ReadmeEmbeddingExampleTest {

  @Test
  void the_readme_embedding_example_runs_as_written() {
    // --- README: embedding ---
    Strata strata = InMemoryStrata.create();

    Either<BedrockError, ProvisionedModelArn> created =
        strata.createProvisionedModelThroughput(
            CreateProvisionedModelThroughputCommand.builder(
                    "chat-prod", "amazon.nova-lite-v1:0:24k", 2)
                .clientRequestToken("deploy-42")
                .tag("team", "search")
                .build());

    ProvisionedThroughput pt =
        strata
            .getProvisionedModelThroughput(new GetProvisionedModelThroughputCommand("chat-prod"))
            .getOrElseThrow(error -> new IllegalStateException(error.message()));
    // pt.status() == InService, pt.modelArn() is the foundation model's ARN

    Either<BedrockError, ProvisionedModelArn> refused =
        strata.createProvisionedModelThroughput(
            CreateProvisionedModelThroughputCommand.builder(
                    "claude-batch", "anthropic.claude-v2:0:100k", 1)
                .build());
    // Left(ValidationError) whose fact() is a ValidationFact.CommitmentRequired (D13)

    InMemoryStrata custom =
        InMemoryStrata.builder()
            .region("eu-west-1")
            .account("111122223333")
            .quota(QuotaLedger.COMMITTED_PER_MODEL, 4)
            .build();
    // custom.service() is a Strata; custom.usage(scope, key), custom.repository() are there for assertions
    // --- end ---

    assertTrue(created.isRight());
    assertEquals(ProvisionedModelStatus.InService, pt.status());
    assertEquals("ValidationException", refused.getLeft().errorCode());
    assertEquals(
        new ValidationFact.CommitmentRequired("anthropic.claude-v2:0:100k"),
        ((BedrockError.ValidationError) refused.getLeft()).fact());
    assertTrue(
        custom
            .service()
            .createProvisionedModelThroughput(
                CreateProvisionedModelThroughputCommand.builder(
                        "claude-batch", "anthropic.claude-v2:0:100k", 5)
                    .commitmentDuration(CommitmentDuration.OneMonth)
                    .build())
            .getLeft()
            .message()
            .contains("limit 4"));
    assertTrue(
        strata
            .deleteProvisionedModelThroughput(new DeleteProvisionedModelThroughputCommand("chat-prod"))
            .isRight());
  }
}
