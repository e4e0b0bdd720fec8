package dev.strata.ports.contract;

import static dev.strata.ports.contract.Fixtures.CLAUDE_V2_100K;
import static dev.strata.ports.contract.Fixtures.GOV_CLOUD;
import static dev.strata.ports.contract.Fixtures.HOME;
import static dev.strata.ports.contract.Fixtures.NOVA_LITE;
import static dev.strata.ports.contract.Fixtures.NOVA_LITE_24K;
import static dev.strata.ports.contract.Fixtures.OTHER_ACCOUNT;
import static dev.strata.ports.contract.Fixtures.OTHER_REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.domain.CustomModel;
import dev.strata.domain.CustomModelArn;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.InferenceType;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driven.ModelCatalog;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ModelCatalog} must do. An adapter's test extends this class and implements
 * {@link #catalogWith}.
 */
public abstract class ModelCatalogContract {

  /**
   * A catalog that shows {@code foundationModels} to every scope, each as the asking scope's
   * partition and region presents it, and {@code customModels}, which all belong to {@code scope},
   * to {@code scope} alone.
   */
  protected abstract ModelCatalog catalogWith(
      ResourceScope scope, Seq<FoundationModel> foundationModels, Seq<CustomModel> customModels);

  private static Seq<FoundationModel> foundationModels(ResourceScope scope) {
    return List.of(
        Fixtures.novaLite24k(scope),
        Fixtures.foundationModel(scope, NOVA_LITE, false, InferenceType.ON_DEMAND),
        Fixtures.foundationModel(scope, CLAUDE_V2_100K, false, InferenceType.PROVISIONED));
  }

  private static final CustomModel SUPPORT_BOT =
      Fixtures.customModel(HOME, "support-bot", NOVA_LITE_24K, "k7xq2m9p4w1a");
  private static final CustomModel CLAUDE_TUNED =
      Fixtures.customModel(HOME, "claude-tuned", CLAUDE_V2_100K, "z5x8c1v4b7n0");

  private ModelCatalog catalog;

  @BeforeEach
  void seedCatalog() {
    catalog = catalogWith(HOME, foundationModels(HOME), List.of(SUPPORT_BOT, CLAUDE_TUNED));
  }

  @Test
  void finds_a_foundation_model_by_its_exact_id() {
    assertEquals(
        Either.right(Option.some(Fixtures.novaLite24k(HOME))),
        catalog.findFoundationModel(HOME, NOVA_LITE_24K));
    assertEquals(
        Either.right(
            Option.some(Fixtures.foundationModel(HOME, NOVA_LITE, false, InferenceType.ON_DEMAND))),
        catalog.findFoundationModel(HOME, NOVA_LITE));
  }

  @Test
  void an_unknown_or_inexact_foundation_model_id_finds_nothing() {
    for (String id :
        List.of("amazon.nova-lite-v1:0:300k", "amazon.nova-lite-v1:0:24", "amazon.nova-lite-v1",
            "amazon.nova-lite-v1:0:24k:0", "meta.llama2-13b-chat-v1:0:4k")) {
      assertEquals(Either.right(Option.none()), catalog.findFoundationModel(HOME, id), id);
    }
  }

  @Test
  void foundation_models_carry_the_partition_and_region_of_the_scope_that_asks() {
    for (ResourceScope asking : List.of(OTHER_REGION, GOV_CLOUD, OTHER_ACCOUNT)) {
      assertEquals(
          Either.right(Option.some(Fixtures.novaLite24k(asking))),
          catalog.findFoundationModel(asking, NOVA_LITE_24K),
          asking.toString());
    }
    assertEquals(
        "arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/amazon.nova-lite-v1:0:24k",
        catalog.findFoundationModel(GOV_CLOUD, NOVA_LITE_24K).get().get().arn().value());
  }

  @Test
  void lists_every_foundation_model_once_in_a_stable_order() {
    for (ResourceScope asking : List.of(HOME, GOV_CLOUD)) {
      Seq<FoundationModel> listed = catalog.listFoundationModels(asking).get();
      assertEquals(3, listed.size());
      assertEquals(HashSet.ofAll(foundationModels(asking)), HashSet.ofAll(listed));
      assertEquals(listed, catalog.listFoundationModels(asking).get());
    }
  }

  @Test
  void an_empty_catalog_lists_nothing() {
    ModelCatalog empty = catalogWith(HOME, List.empty(), List.empty());

    assertEquals(List.empty(), empty.listFoundationModels(HOME).get().toList());
    assertEquals(List.empty(), empty.listCustomModels(HOME).get().toList());
    assertEquals(Either.right(Option.none()), empty.findFoundationModel(HOME, NOVA_LITE_24K));
  }

  @Test
  void finds_a_custom_model_by_name_and_by_arn_in_its_own_account_and_region() {
    assertEquals(
        Either.right(Option.some(SUPPORT_BOT)), catalog.findCustomModelByName(HOME, "support-bot"));
    assertEquals(
        Either.right(Option.some(CLAUDE_TUNED)),
        catalog.findCustomModelByArn(HOME, CLAUDE_TUNED.arn()));
  }

  @Test
  void an_unknown_custom_model_name_or_arn_finds_nothing() {
    assertEquals(Either.right(Option.none()), catalog.findCustomModelByName(HOME, "support-bot2"));
    assertEquals(Either.right(Option.none()), catalog.findCustomModelByName(HOME, "Support-Bot"));
    assertEquals(
        Either.right(Option.none()),
        catalog.findCustomModelByArn(HOME, CustomModelArn.of(HOME, NOVA_LITE_24K, "aaaaaaaaaaaa")));
  }

  @Test
  void another_account_or_region_sees_none_of_the_custom_models() {
    for (ResourceScope other : List.of(OTHER_ACCOUNT, OTHER_REGION, GOV_CLOUD)) {
      assertEquals(
          Either.right(Option.none()),
          catalog.findCustomModelByName(other, "support-bot"),
          other.toString());
      assertEquals(
          Either.right(Option.none()),
          catalog.findCustomModelByArn(other, SUPPORT_BOT.arn()),
          other.toString());
      assertEquals(
          Either.right(Option.none()),
          catalog.findCustomModelByArn(other, CustomModelArn.of(other, NOVA_LITE_24K, "k7xq2m9p4w1a")),
          other.toString());
      assertEquals(List.empty(), catalog.listCustomModels(other).get().toList(), other.toString());
    }
  }

  @Test
  void an_arn_naming_another_account_finds_nothing_even_with_an_existing_id() {
    CustomModelArn foreign = CustomModelArn.of(OTHER_ACCOUNT, NOVA_LITE_24K, "k7xq2m9p4w1a");

    assertEquals(Either.right(Option.none()), catalog.findCustomModelByArn(HOME, foreign));
  }

  @Test
  void lists_every_custom_model_of_the_scope_once_in_a_stable_order() {
    Seq<CustomModel> listed = catalog.listCustomModels(HOME).get();

    assertEquals(2, listed.size());
    assertEquals(HashSet.of(SUPPORT_BOT, CLAUDE_TUNED), HashSet.ofAll(listed));
    assertEquals(listed, catalog.listCustomModels(HOME).get());
  }
}
