package dev.strata.adapters.inmemory;

import static dev.strata.domain.InferenceType.ON_DEMAND;
import static dev.strata.domain.InferenceType.PROVISIONED;
import static dev.strata.domain.ModelCustomization.CONTINUED_PRE_TRAINING;
import static dev.strata.domain.ModelCustomization.DISTILLATION;
import static dev.strata.domain.ModelCustomization.FINE_TUNING;
import static dev.strata.domain.ModelModality.EMBEDDING;
import static dev.strata.domain.ModelModality.IMAGE;
import static dev.strata.domain.ModelModality.TEXT;

import dev.strata.domain.CustomModel;
import dev.strata.domain.CustomModelArn;
import dev.strata.domain.CustomizationType;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.InferenceType;
import dev.strata.domain.ModelCustomization;
import dev.strata.domain.ModelModality;
import dev.strata.domain.ModelStatus;
import dev.strata.domain.ResourceScope;
import io.vavr.collection.List;
import java.time.Instant;

/**
 * The seeded catalog: real Bedrock model ids, with the inference types and the "no-commitment
 * purchase supported for base model" flag of AWS's supported-models page (REFERENCE.md §12). A
 * base id such as {@code amazon.nova-lite-v1:0} is on-demand only; its context variants ({@code
 * :24k}, {@code :300k}) are the ones that can be provisioned (D12).
 */
public final class SeedModels {
  private SeedModels() {}

  /** Custom model names seeded in the home scope, for examples and tests. */
  public static final String TITAN_SUPPORT_BOT = "support-bot-titan";

  public static final String TITAN_SUPPORT_BOT_V2 = "support-bot-titan-v2";
  public static final String NOVA_DISTILLED = "nova-lite-distilled";
  public static final String LLAMA_TUNED = "llama2-chat-tuned";
  public static final String TITAN_STILL_TRAINING = "titan-still-training";

  /** Every seeded foundation model, in the home scope's region. */
  public static List<FoundationModel> foundationModels(ResourceScope home) {
    Seed s = new Seed(home);
    return List.of(
        // Amazon Nova: on-demand bases, provisionable context variants, no-commit supported.
        s.text("amazon.nova-micro-v1:0", "Nova Micro", "Amazon", false, ON_DEMAND),
        s.text("amazon.nova-micro-v1:0:24k", "Nova Micro", "Amazon", true, PROVISIONED),
        s.text("amazon.nova-micro-v1:0:128k", "Nova Micro", "Amazon", true, PROVISIONED),
        s.text("amazon.nova-lite-v1:0", "Nova Lite", "Amazon", false, ON_DEMAND),
        s.text("amazon.nova-lite-v1:0:24k", "Nova Lite", "Amazon", true, PROVISIONED),
        s.text("amazon.nova-lite-v1:0:300k", "Nova Lite", "Amazon", true, PROVISIONED),
        s.text("amazon.nova-pro-v1:0", "Nova Pro", "Amazon", false, ON_DEMAND),
        s.text("amazon.nova-pro-v1:0:24k", "Nova Pro", "Amazon", true, PROVISIONED),
        s.text("amazon.nova-pro-v1:0:300k", "Nova Pro", "Amazon", true, PROVISIONED),
        s.model("amazon.nova-canvas-v1:0", "Nova Canvas", "Amazon", List.of(TEXT, IMAGE), List.of(IMAGE),
            true, List.of(), ON_DEMAND, PROVISIONED),
        // Amazon Titan Text.
        s.text("amazon.titan-text-express-v1", "Titan Text G1 - Express", "Amazon", false, ON_DEMAND),
        s.model("amazon.titan-text-express-v1:0:8k", "Titan Text G1 - Express", "Amazon", List.of(TEXT),
            List.of(TEXT), true, List.of(FINE_TUNING, CONTINUED_PRE_TRAINING), PROVISIONED),
        s.text("amazon.titan-text-lite-v1", "Titan Text G1 - Lite", "Amazon", false, ON_DEMAND),
        s.model("amazon.titan-text-lite-v1:0:4k", "Titan Text G1 - Lite", "Amazon", List.of(TEXT),
            List.of(TEXT), true, List.of(FINE_TUNING, CONTINUED_PRE_TRAINING), PROVISIONED),
        // Amazon Titan Embeddings and Image Generator.
        s.embedding("amazon.titan-embed-text-v1", "Titan Embeddings G1 - Text", false, ON_DEMAND),
        s.embedding("amazon.titan-embed-text-v1:2:8k", "Titan Embeddings G1 - Text", true, PROVISIONED),
        s.embedding("amazon.titan-embed-text-v2:0", "Titan Text Embeddings V2", false, ON_DEMAND),
        s.embedding("amazon.titan-embed-text-v2:0:8k", "Titan Text Embeddings V2", false, PROVISIONED),
        s.model("amazon.titan-image-generator-v1:0", "Titan Image Generator G1", "Amazon", List.of(TEXT, IMAGE),
            List.of(IMAGE), false, List.of(FINE_TUNING), PROVISIONED),
        s.model("amazon.titan-image-generator-v2:0", "Titan Image Generator G1 v2", "Amazon",
            List.of(TEXT, IMAGE), List.of(IMAGE), false, List.of(FINE_TUNING), ON_DEMAND, PROVISIONED),
        // Anthropic Claude: provisioned only with commitment.
        s.text("anthropic.claude-v2", "Claude", "Anthropic", false, ON_DEMAND),
        s.text("anthropic.claude-v2:0:18k", "Claude", "Anthropic", false, PROVISIONED),
        s.text("anthropic.claude-v2:0:100k", "Claude", "Anthropic", false, PROVISIONED),
        s.text("anthropic.claude-v2:1", "Claude", "Anthropic", false, ON_DEMAND),
        s.text("anthropic.claude-v2:1:18k", "Claude", "Anthropic", false, PROVISIONED),
        s.text("anthropic.claude-v2:1:200k", "Claude", "Anthropic", false, PROVISIONED),
        s.text("anthropic.claude-instant-v1", "Claude Instant", "Anthropic", false, ON_DEMAND),
        s.text("anthropic.claude-instant-v1:2:100k", "Claude Instant", "Anthropic", false, PROVISIONED),
        s.model("anthropic.claude-3-haiku-20240307-v1:0", "Claude 3 Haiku", "Anthropic", List.of(TEXT, IMAGE),
            List.of(TEXT), false, List.of(), ON_DEMAND),
        s.model("anthropic.claude-3-haiku-20240307-v1:0:48k", "Claude 3 Haiku", "Anthropic",
            List.of(TEXT, IMAGE), List.of(TEXT), false, List.of(FINE_TUNING), PROVISIONED),
        s.model("anthropic.claude-3-haiku-20240307-v1:0:200k", "Claude 3 Haiku", "Anthropic",
            List.of(TEXT, IMAGE), List.of(TEXT), false, List.of(FINE_TUNING), PROVISIONED),
        // Meta Llama: provisioned only with commitment.
        s.text("meta.llama2-13b-chat-v1", "Llama 2 Chat 13B", "Meta", false, ON_DEMAND),
        s.model("meta.llama2-13b-chat-v1:0:4k", "Llama 2 Chat 13B", "Meta", List.of(TEXT), List.of(TEXT),
            false, List.of(FINE_TUNING), PROVISIONED),
        s.text("meta.llama3-1-8b-instruct-v1:0", "Llama 3.1 8B Instruct", "Meta", false, ON_DEMAND),
        s.model("meta.llama3-1-8b-instruct-v1:0:128k", "Llama 3.1 8B Instruct", "Meta", List.of(TEXT),
            List.of(TEXT), false, List.of(FINE_TUNING, DISTILLATION), PROVISIONED),
        s.text("meta.llama3-1-70b-instruct-v1:0", "Llama 3.1 70B Instruct", "Meta", false, ON_DEMAND),
        s.model("meta.llama3-1-70b-instruct-v1:0:128k", "Llama 3.1 70B Instruct", "Meta", List.of(TEXT),
            List.of(TEXT), false, List.of(FINE_TUNING, DISTILLATION), PROVISIONED));
  }

  /** Custom models of the home scope's account, made from seeded provisionable bases. */
  public static List<CustomModel> customModels(ResourceScope home) {
    Instant trained = Instant.parse("2026-01-15T09:30:00Z");
    return List.of(
        custom(home, TITAN_SUPPORT_BOT, "amazon.titan-text-express-v1:0:8k", "k7xq2m9p4w1a",
            CustomizationType.FINE_TUNING, ModelStatus.Active, trained),
        custom(home, TITAN_SUPPORT_BOT_V2, "amazon.titan-text-express-v1:0:8k", "r3nd8v5c2h6e",
            CustomizationType.CONTINUED_PRE_TRAINING, ModelStatus.Active, trained.plusSeconds(86_400)),
        custom(home, NOVA_DISTILLED, "amazon.nova-lite-v1:0:300k", "b9t4y1u7i0o2",
            CustomizationType.DISTILLATION, ModelStatus.Active, trained.plusSeconds(2 * 86_400)),
        custom(home, LLAMA_TUNED, "meta.llama2-13b-chat-v1:0:4k", "z5x8c1v4b7n0",
            CustomizationType.FINE_TUNING, ModelStatus.Active, trained.plusSeconds(3 * 86_400)),
        custom(home, TITAN_STILL_TRAINING, "amazon.titan-text-lite-v1:0:4k", "q2w5e8r1t4y7",
            CustomizationType.FINE_TUNING, ModelStatus.Creating, trained.plusSeconds(4 * 86_400)));
  }

  private static CustomModel custom(
      ResourceScope home,
      String name,
      String baseModelId,
      String id,
      CustomizationType type,
      ModelStatus status,
      Instant created) {
    return CustomModel.builder()
        .arn(CustomModelArn.of(home, baseModelId, id))
        .modelName(name)
        .baseModelArn(home.foundationModelArn(baseModelId))
        .creationTime(created)
        .customizationType(type)
        .modelStatus(status)
        .build();
  }

  private static final class Seed {
    private final ResourceScope home;

    Seed(ResourceScope home) {
      this.home = home;
    }

    FoundationModel text(
        String id, String name, String provider, boolean noCommit, InferenceType... types) {
      return model(id, name, provider, List.of(TEXT), List.of(TEXT), noCommit, List.of(), types);
    }

    FoundationModel embedding(String id, String name, boolean noCommit, InferenceType... types) {
      return model(id, name, "Amazon", List.of(TEXT), List.of(EMBEDDING), noCommit, List.of(), types);
    }

    FoundationModel model(
        String id,
        String name,
        String provider,
        List<ModelModality> input,
        List<ModelModality> output,
        boolean noCommit,
        List<ModelCustomization> customizations,
        InferenceType... types) {
      return FoundationModel.builder()
          .arn(home.foundationModelArn(id))
          .modelName(name)
          .providerName(provider)
          .addAllInputModalities(input)
          .addAllOutputModalities(output)
          .responseStreamingSupported(output.contains(TEXT))
          .addAllCustomizationsSupported(customizations)
          .addAllInferenceTypesSupported(List.of(types))
          .noCommitmentPurchaseSupported(noCommit)
          .build();
    }
  }
}
