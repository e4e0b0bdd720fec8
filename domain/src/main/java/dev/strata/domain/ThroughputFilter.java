package dev.strata.domain;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The filters of ListProvisionedModelThroughputs, combined with AND (D16). Creation-time bounds are
 * exclusive; {@code nameContains} is a case-sensitive substring; {@code modelArnEquals} compares the
 * model serving now ({@code modelArn}).
 */
@Value.Immutable
public abstract class ThroughputFilter {
  private static final ThroughputFilter NONE =
      ImmutableThroughputFilter.of(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public abstract Optional<Instant> creationTimeAfter();

  public abstract Optional<Instant> creationTimeBefore();

  public abstract Optional<ProvisionedModelStatus> statusEquals();

  public abstract Optional<ModelArn> modelArnEquals();

  public abstract Optional<String> nameContains();

  public static ThroughputFilter none() {
    return NONE;
  }

  public static ThroughputFilter of(
      Optional<? extends Instant> creationTimeAfter,
      Optional<? extends Instant> creationTimeBefore,
      Optional<? extends ProvisionedModelStatus> statusEquals,
      Optional<? extends ModelArn> modelArnEquals,
      Optional<String> nameContains) {
    return ImmutableThroughputFilter.of(
        creationTimeAfter, creationTimeBefore, statusEquals, modelArnEquals, nameContains);
  }

  /** Whether {@code pt} passes every filter that is set. */
  public boolean matches(ProvisionedThroughput pt) {
    return creationTimeAfter().map(t -> pt.creationTime().isAfter(t)).orElse(true)
        && creationTimeBefore().map(t -> pt.creationTime().isBefore(t)).orElse(true)
        && statusEquals().map(s -> pt.status() == s).orElse(true)
        && modelArnEquals().map(a -> pt.modelArn().value().equals(a.value())).orElse(true)
        && nameContains().map(n -> pt.provisionedModelName().value().contains(n)).orElse(true);
  }

  /** A stable text form of the filter, for binding page tokens to the query that made them. */
  public String canonical() {
    return creationTimeAfter().map(Instant::toString).orElse("")
        + "|" + creationTimeBefore().map(Instant::toString).orElse("")
        + "|" + statusEquals().map(Enum::name).orElse("")
        + "|" + modelArnEquals().map(ModelArn::value).orElse("")
        + "|" + nameContains().orElse("");
  }
}
