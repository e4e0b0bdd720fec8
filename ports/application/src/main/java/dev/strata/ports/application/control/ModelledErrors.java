package dev.strata.ports.application.control;

import static dev.strata.domain.BedrockError.Shape.AccessDeniedException;
import static dev.strata.domain.BedrockError.Shape.ConflictException;
import static dev.strata.domain.BedrockError.Shape.InternalServerException;
import static dev.strata.domain.BedrockError.Shape.ResourceNotFoundException;
import static dev.strata.domain.BedrockError.Shape.ServiceQuotaExceededException;
import static dev.strata.domain.BedrockError.Shape.ThrottlingException;
import static dev.strata.domain.BedrockError.Shape.TooManyTagsException;
import static dev.strata.domain.BedrockError.Shape.ValidationException;

import dev.strata.domain.BedrockError.Shape;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The errors Bedrock's service model (service-2.json, {@code errors} of each operation) lists for
 * each of the twelve operations Strata serves: the only errors a fault may inject (D21).
 */
public final class ModelledErrors {
  private static final Map<String, Set<Shape>> BY_OPERATION = new LinkedHashMap<>();

  static {
    Set<Shape> reading =
        EnumSet.of(
            AccessDeniedException, ValidationException, InternalServerException, ThrottlingException);
    Set<Shape> onResource = with(reading, ResourceNotFoundException);
    BY_OPERATION.put(
        "CreateProvisionedModelThroughput",
        with(onResource, TooManyTagsException, ServiceQuotaExceededException));
    BY_OPERATION.put("GetProvisionedModelThroughput", onResource);
    BY_OPERATION.put("ListProvisionedModelThroughputs", reading);
    BY_OPERATION.put("UpdateProvisionedModelThroughput", onResource);
    BY_OPERATION.put("DeleteProvisionedModelThroughput", with(onResource, ConflictException));
    BY_OPERATION.put("TagResource", with(onResource, TooManyTagsException));
    BY_OPERATION.put("UntagResource", onResource);
    BY_OPERATION.put("ListTagsForResource", onResource);
    BY_OPERATION.put("GetFoundationModel", onResource);
    BY_OPERATION.put("ListFoundationModels", reading);
    BY_OPERATION.put("GetCustomModel", onResource);
    BY_OPERATION.put("ListCustomModels", reading);
  }

  private ModelledErrors() {}

  private static Set<Shape> with(Set<Shape> base, Shape... more) {
    Set<Shape> all = EnumSet.copyOf(base);
    all.addAll(Set.of(more));
    return Collections.unmodifiableSet(all);
  }

  /** The operation names, in the order Bedrock's API reference lists them here. */
  public static Set<String> operations() {
    return Collections.unmodifiableSet(BY_OPERATION.keySet());
  }

  /** The errors modelled for {@code operation}; empty when Strata serves no such operation. */
  public static Optional<Set<Shape>> of(String operation) {
    return Optional.ofNullable(BY_OPERATION.get(operation));
  }
}
