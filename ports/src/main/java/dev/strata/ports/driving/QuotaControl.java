package dev.strata.ports.driving;

import dev.strata.domain.BedrockError;
import dev.strata.domain.QuotaUsage;
import dev.strata.domain.ResourceScope;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.Map;

/**
 * Model-unit quotas at run time (D14): the limit and usage of each ledger of one account and
 * region, and changes to the limits where they are configured figures. Lowering a limit below the
 * units held is allowed, as in Service Quotas: the provisioned throughputs that hold them stay,
 * and Creates are refused until enough is released. Not a Bedrock operation. Thread-safe.
 */
public interface QuotaControl {

  /**
   * Limit and usage of the two no-commitment ledgers of {@code scope}, then of the committed
   * ledger of every base model that a provisioned throughput of {@code scope} is counted in.
   */
  Either<BedrockError, Seq<QuotaUsage>> usage(ResourceScope scope);

  /**
   * Sets the limits of {@code scope} that {@code requested} names by ledger label ({@code
   * L-FE44174A}, {@code L-BE77399C}, {@code committed}): each a whole number from 0, as a {@code
   * Long}. All or nothing: a wrong member refuses the whole change, naming {@code
   * limits.<label>}; limits from Service Quotas refuse every change. Answers the usage after it.
   */
  Either<BedrockError, Seq<QuotaUsage>> adjust(ResourceScope scope, Map<String, ?> requested);
}
