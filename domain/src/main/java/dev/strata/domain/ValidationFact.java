package dev.strata.domain;

import io.vavr.collection.Seq;
import java.util.List;

/**
 * Why a request is a {@link BedrockError.ValidationError}: the members that broke a constraint of
 * the input shape, or one of the rules that depend on state or on the model. Callers branch on the
 * fact; {@link #render()} is the only place its message is written, each in the form Strata has
 * always answered with.
 */
public sealed interface ValidationFact {

  /** The message a client sees, as {@code message} of the {@code ValidationException}. */
  String render();

  /** Members that break constraints of the input shape, in member order (never empty). */
  record InvalidMembers(Seq<FieldViolation> violations) implements ValidationFact {
    @Override
    public String render() {
      return FieldViolation.render(violations);
    }
  }

  /** The operation was called with no request at all. */
  record MissingRequest() implements ValidationFact {
    @Override
    public String render() {
      return "1 validation error detected: the request must not be null";
    }
  }

  /** D1: {@code holder} already has the name, in this account and region. */
  record NameTaken(ProvisionedModelName name, ProvisionedModelArn holder) implements ValidationFact {
    @Override
    public String render() {
      return "A provisioned throughput named '%s' already exists in this account and region: %s."
              .formatted(name, holder)
          + " Provisioned model names must be unique.";
    }
  }

  /** D3, strict idempotency: {@code token} created {@code holder} with other parameters. */
  record TokenReused(ClientRequestToken token, ProvisionedModelArn holder)
      implements ValidationFact {
    @Override
    public String render() {
      return "The client request token '%s' was already used with different parameters, for"
          .formatted(token)
          + " provisioned throughput %s.".formatted(holder);
    }
  }

  /** D9: a transition was completed or failed by hand, and none is pending. */
  record NothingPending(ProvisionedModelName name, ProvisionedModelStatus status)
      implements ValidationFact {
    @Override
    public String render() {
      return "Provisioned throughput " + name + " is " + status + "; it has no pending transition.";
    }
  }

  /** D10: nothing may change while {@code Creating} or {@code Updating}. */
  record ChangeWhilePending(ProvisionedModelName name, ProvisionedModelStatus status)
      implements ValidationFact {
    @Override
    public String render() {
      return "Provisioned throughput %s is %s; it can be updated once it is no longer Creating or"
              .formatted(name, status)
          + " Updating.";
    }
  }

  /** D11: the model of a provisioned throughput of base model {@code baseModelId} is fixed. */
  record BaseModelFixed(ProvisionedModelName name, String baseModelId) implements ValidationFact {
    @Override
    public String render() {
      return "desiredModelId can only be changed for a provisioned throughput of a custom model;"
          + " %s serves base model %s.".formatted(name, baseModelId);
    }
  }

  /** D11: {@code target}, based on {@code targetBaseModelId}, is not of {@code baseModelId}. */
  record OtherBaseModel(String baseModelId, String target, String targetBaseModelId)
      implements ValidationFact {
    @Override
    public String render() {
      return "desiredModelId must be base model %s or another custom model of it;"
              .formatted(baseModelId)
          + " %s is based on %s.".formatted(target, targetBaseModelId);
    }
  }

  /** D12: only Active custom models can serve; {@code model} is {@code status}. */
  record ModelNotActive(String model, ModelStatus status) implements ValidationFact {
    @Override
    public String render() {
      return "The custom model %s is %s; only Active custom models can be provisioned."
          .formatted(model, status);
    }
  }

  /**
   * D12: {@code model} does not support PROVISIONED inference; {@code variants} are the context
   * variants of it that do (possibly none).
   */
  record NotProvisionable(
      String model, List<InferenceType> inferenceTypes, io.vavr.collection.List<String> variants)
      implements ValidationFact {
    @Override
    public String render() {
      String refusal =
          "The model %s does not support provisioned throughput (its inference types are %s)."
              .formatted(model, inferenceTypes);
      return variants.isEmpty()
          ? refusal
          : refusal + " Use a context variant that does: " + variants.mkString(", ") + ".";
    }

    /** This refusal, pointing at {@code others}. */
    public NotProvisionable withVariants(io.vavr.collection.List<String> others) {
      return new NotProvisionable(model, inferenceTypes, others);
    }
  }

  /** D13: {@code model} can be bought only with a commitment term. */
  record CommitmentRequired(String model) implements ValidationFact {
    @Override
    public String render() {
      return "The model %s cannot be provisioned without commitment; specify commitmentDuration"
              .formatted(model)
          + " (one of %s).".formatted(CommitmentDuration.names().mkString(", "));
    }
  }

  /** D16: {@code token} is malformed, or was issued for another listing. */
  record InvalidPageToken(String token) implements ValidationFact {
    @Override
    public String render() {
      return "The nextToken '%s' is not valid for this request: it is malformed, or was issued for"
              .formatted(token)
          + " other filters, sort order, account or region.";
    }
  }

  /** A {@code ValidationException} armed as a fault for {@code operation} (D21). */
  record InjectedFault(String operation) implements ValidationFact {
    @Override
    public String render() {
      return "Injected fault: ValidationException armed for " + operation + ".";
    }
  }

  /** {@code what} comes from {@code source} in this configuration, so Strata cannot change it. */
  record NotAdjustable(String what, String source) implements ValidationFact {
    @Override
    public String render() {
      return what + " come from " + source + " in this configuration and cannot be changed through"
          + " Strata.";
    }
  }

  /**
   * A state document to import is not one Strata can hold: {@code problem} names the JSON path of
   * the member or record at fault, e.g. {@code $.provisionedThroughputs[2].modelUnits is missing}.
   */
  record NotAStateDocument(String problem) implements ValidationFact {
    @Override
    public String render() {
      return "The state document cannot be imported: " + problem + ". Nothing was changed.";
    }
  }

  /**
   * The whole state is not held where Strata can export or import it, for {@code reason}, e.g.
   * {@code it lives in the DynamoDB table strata}.
   */
  record StateHeldElsewhere(String reason) implements ValidationFact {
    @Override
    public String render() {
      return "The state cannot be exported or imported in this configuration: " + reason
          + ". Export and import need the in-memory store and ARN minter, or --state.";
    }
  }
}
