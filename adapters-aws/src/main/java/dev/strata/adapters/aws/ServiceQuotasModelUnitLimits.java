package dev.strata.adapters.aws;

import dev.strata.domain.BedrockError;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driven.ModelUnitLimits;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.servicequotas.model.NoSuchResourceException;
import software.amazon.awssdk.services.servicequotas.model.ServiceQuota;

/**
 * The limits of the model-unit ledgers (D14), read from Service Quotas (service code {@code
 * bedrock}) with the client's credentials and region.
 *
 * <ul>
 *   <li>The no-commitment ledgers are quotas L-FE44174A and L-BE77399C. A committed ledger's quota
 *       code depends on its base model and is looked up in a configurable model-id-to-code map
 *       ({@link #COMMITTED_QUOTA_CODES} by default).
 *   <li>The limit is the account's applied value (GetServiceQuota); when the account has none
 *       (NoSuchResourceException), AWS's default (GetAWSDefaultServiceQuota).
 *   <li><b>Limit 0</b> means no model units may be held in the ledger: that is the answer for a
 *       model with no known quota code, and for a quota Service Quotas does not have at all.
 *       Per-model quotas default to 0 at AWS too (REFERENCE.md §10). Fractional values are rounded
 *       down.
 *   <li>Limits are kept per scope and quota code for a time to live ({@link #DEFAULT_TTL} unless
 *       told); failures are not kept.
 * </ul>
 *
 * <p>Thread-safe if the client is; never throws.
 */
public final class ServiceQuotasModelUnitLimits implements ModelUnitLimits {

  /** Bedrock's service code in Service Quotas. */
  public static final String SERVICE_CODE = "bedrock";

  /** How long a limit is kept: quotas change only when AWS grants an increase. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);

  /**
   * "Model units per provisioned model for ${model}" quota codes known from a February 2024 dump of
   * Bedrock's quotas (REFERENCE.md §10), by the model id each quota's name describes.
   */
  public static final Map<String, String> COMMITTED_QUOTA_CODES =
      HashMap.ofEntries(
          Map.entry("anthropic.claude-v2:0:100k", "L-C4522D0D"),
          Map.entry("anthropic.claude-v2:0:18k", "L-73573F44"),
          Map.entry("anthropic.claude-v2:1:200k", "L-A63633C5"),
          Map.entry("anthropic.claude-v2:1:18k", "L-7478F443"),
          Map.entry("anthropic.claude-instant-v1:2:100k", "L-4A6D2F15"),
          Map.entry("amazon.titan-text-express-v1:0:8k", "L-8129BF10"),
          Map.entry("amazon.titan-embed-text-v1:2:8k", "L-F879F645"),
          Map.entry("meta.llama2-13b-chat-v1:0:4k", "L-AC6F8476"),
          Map.entry("stability.stable-diffusion-xl-v1:0", "L-9149A536"),
          Map.entry("meta.llama3-1-8b-instruct-v1:0:128k", "L-3632DE15"));

  private record Key(ResourceScope scope, String quotaCode) {}

  private final ServiceQuotasClient serviceQuotas;
  private final Map<String, String> committedQuotaCodes;
  private final AwsClientsCache<Key, Long> limits;

  /** Limits with the default time to live and committed quota codes. */
  public ServiceQuotasModelUnitLimits(ServiceQuotasClient serviceQuotas, Clock clock) {
    this(serviceQuotas, clock, DEFAULT_TTL, COMMITTED_QUOTA_CODES);
  }

  /**
   * @param ttl how long a limit is kept
   * @param committedQuotaCodes the quota code of each base model's committed ledger, by model id
   */
  public ServiceQuotasModelUnitLimits(
      ServiceQuotasClient serviceQuotas,
      Clock clock,
      Duration ttl,
      Map<String, String> committedQuotaCodes) {
    this.serviceQuotas = Objects.requireNonNull(serviceQuotas, "serviceQuotas");
    this.committedQuotaCodes = Objects.requireNonNull(committedQuotaCodes, "committedQuotaCodes");
    this.limits = new AwsClientsCache<>(clock, ttl);
  }

  @Override
  public Either<BedrockError, Long> limit(ResourceScope scope, QuotaKey key) {
    return quotaCode(key)
        .map(
            code ->
                limits.get(
                    new Key(scope, code),
                    () ->
                        AwsFailures.call(
                            "Service Quotas (" + SERVICE_CODE + " " + code + ")",
                            () -> read(code))))
        .getOrElse(Either.right(0L));
  }

  /** The Service Quotas code of {@code key}'s ledger, if one is known. */
  Option<String> quotaCode(QuotaKey key) {
    return Option.of(key.ledger().quotaCode())
        .orElse(() -> Option.ofOptional(key.modelId()).flatMap(committedQuotaCodes::get));
  }

  private long read(String code) {
    try {
      return units(
          serviceQuotas.getServiceQuota(r -> r.serviceCode(SERVICE_CODE).quotaCode(code)).quota());
    } catch (NoSuchResourceException noAppliedValue) {
      try {
        return units(
            serviceQuotas
                .getAWSDefaultServiceQuota(r -> r.serviceCode(SERVICE_CODE).quotaCode(code))
                .quota());
      } catch (NoSuchResourceException noSuchQuota) {
        return 0L;
      }
    }
  }

  private static long units(ServiceQuota quota) {
    return Option.of(quota)
        .flatMap(q -> Option.of(q.value()))
        .map(v -> (long) Math.floor(v))
        .getOrElse(0L);
  }
}
