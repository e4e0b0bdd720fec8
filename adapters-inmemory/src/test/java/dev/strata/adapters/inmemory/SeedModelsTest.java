package dev.strata.adapters.inmemory;

import static dev.strata.domain.InferenceType.ON_DEMAND;
import static dev.strata.domain.InferenceType.PROVISIONED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.domain.CustomModel;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.ModelIdentifier;
import dev.strata.domain.ResourceScope;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class SeedModelsTest {
  private static final ResourceScope HOME = ResourceScope.of("aws", "us-east-1", "123456789012");
  private static final List<FoundationModel> SEEDED = SeedModels.foundationModels(HOME);
  private static final Map<String, FoundationModel> BY_ID = SEEDED.toMap(FoundationModel::modelId, m -> m);

  /** A context variant ends in a context window such as {@code :24k}. */
  private static boolean isContextVariant(String id) {
    return id.matches(".*:[0-9]+k$");
  }

  /** The longest seeded id that {@code variant} extends by {@code :...}. */
  private static Option<FoundationModel> bareBase(String variant) {
    return SEEDED
        .filter(m -> variant.startsWith(m.modelId() + ":"))
        .maxBy(m -> m.modelId().length());
  }

  private static FoundationModel seeded(String id) {
    return BY_ID.get(id).getOrElseThrow(() -> new AssertionError(id + " is not seeded"));
  }

  @Test
  void every_seeded_foundation_model_id_is_a_valid_model_identifier_naming_a_foundation_model() {
    for (FoundationModel model : SEEDED) {
      assertTrue(ModelIdentifier.parse(model.modelId()).isValid(), model.modelId());
      assertEquals(
          ModelIdentifier.Kind.FOUNDATION_MODEL_ID,
          ModelIdentifier.of(model.modelId()).kind(),
          model.modelId());
    }
    assertEquals(SEEDED.size(), BY_ID.size(), "ids are unique");
  }

  @Test
  void context_variants_support_provisioned_and_their_bare_bases_are_on_demand_only() {
    List<FoundationModel> variants = SEEDED.filter(m -> isContextVariant(m.modelId()));

    assertEquals(20, variants.size());
    for (FoundationModel variant : variants) {
      assertTrue(variant.supportsProvisionedThroughput(), variant.modelId());
      FoundationModel base =
          bareBase(variant.modelId())
              .getOrElseThrow(() -> new AssertionError("no base of " + variant.modelId()));
      assertEquals(java.util.List.of(ON_DEMAND), base.inferenceTypesSupported(), base.modelId());
    }
    assertEquals(java.util.List.of(PROVISIONED), seeded("amazon.nova-lite-v1:0:24k").inferenceTypesSupported());
    assertEquals(java.util.List.of(ON_DEMAND), seeded("amazon.nova-lite-v1:0").inferenceTypesSupported());
  }

  @Test
  void no_commitment_purchase_is_flagged_as_reference_section_12_lists_it() {
    for (String yes :
        List.of(
            "amazon.nova-micro-v1:0:24k", "amazon.nova-micro-v1:0:128k",
            "amazon.nova-lite-v1:0:24k", "amazon.nova-lite-v1:0:300k",
            "amazon.nova-pro-v1:0:24k", "amazon.nova-pro-v1:0:300k",
            "amazon.nova-canvas-v1:0", "amazon.titan-embed-text-v1:2:8k")) {
      assertTrue(seeded(yes).noCommitmentPurchaseSupported(), yes);
    }
    for (String no : List.of("amazon.titan-image-generator-v1:0", "amazon.titan-image-generator-v2:0")) {
      assertFalse(seeded(no).noCommitmentPurchaseSupported(), no);
    }
    List<FoundationModel> anthropicAndMeta =
        SEEDED.filter(m -> m.modelId().startsWith("anthropic.") || m.modelId().startsWith("meta."));
    assertEquals(17, anthropicAndMeta.size());
    for (FoundationModel model : anthropicAndMeta) {
      assertFalse(model.noCommitmentPurchaseSupported(), model.modelId());
    }
  }

  @Test
  void every_seeded_custom_model_is_based_on_a_seeded_provisionable_model() {
    List<CustomModel> customs = SeedModels.customModels(HOME);

    assertEquals(5, customs.size());
    for (CustomModel custom : customs) {
      FoundationModel base = seeded(custom.baseModelArn().modelId());
      assertEquals(base.arn(), custom.baseModelArn(), custom.modelName());
      assertTrue(base.supportsProvisionedThroughput(), custom.modelName());
      assertEquals(base.modelId(), custom.arn().baseModelSegment(), custom.modelName());
      assertEquals(HOME, custom.arn().scope(), custom.modelName());
    }
  }
}
