package dev.strata.domain;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.regex.Pattern;
import org.immutables.value.Value;
import java.util.Optional;

/**
 * The model a provisioned throughput serves, as the caller named it. Shape {@code ModelIdentifier}.
 * It takes one of four forms, told apart by {@link #kind()}: a foundation-model id (which must
 * carry its context variant to be purchasable, D12), a foundation-model ARN, a custom-model ARN, or
 * a custom-model name.
 */
@Value.Immutable
public abstract class ModelIdentifier {
  public static final int MIN_LENGTH = 1;
  public static final int MAX_LENGTH = 2048;

  /**
   * The model's pattern, verbatim. Its top-level alternation {@code ^A|B|C$} anchors only A at the
   * start and only C at the end, so Smithy's {@code find()} semantics would accept {@code
   * "!!anthropic.claude-v2!!"}. Strata matches whole strings instead: a value is accepted only when
   * one alternative matches all of it.
   */
  public static final String PATTERN =
      "^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(([0-9]{12}:custom-model/((imported)|([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}))(([:][a-z0-9-]{1,63}){0,2})?/[a-z0-9]{12})|(:foundation-model/([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.]?[a-z0-9-]{1,63})([:][a-z0-9-]{1,63}){0,2})))|(([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.]?[a-z0-9-]{1,63})([:][a-z0-9-]{1,63}){0,2}))|(([0-9a-zA-Z][_-]?)+)$";

  static final Pattern REGEX = Pattern.compile(PATTERN);

  /** The four forms a model identifier takes. */
  public enum Kind {
    FOUNDATION_MODEL_ID,
    FOUNDATION_MODEL_ARN,
    CUSTOM_MODEL_ARN,
    CUSTOM_MODEL_NAME
  }

  public abstract String value();

  public static ModelIdentifier of(String value) {
    return ImmutableModelIdentifier.of(value);
  }

  /** Parses untrusted input, reporting every constraint sentence it breaks. */
  public static Validation<Seq<String>, ModelIdentifier> parse(String raw) {
    return MemberConstraint.parseString(raw, MIN_LENGTH, MAX_LENGTH, REGEX, ModelIdentifier::of);
  }

  @Value.Check
  protected void check() {
    MemberConstraint.requireString("ModelIdentifier", value(), MIN_LENGTH, MAX_LENGTH, REGEX);
  }

  /**
   * Which form this identifier takes. Only the ARN branches start with {@code arn:} (the id and
   * name branches cannot hold a colon before a dot), and only the foundation-model id branch holds
   * a dot outside an ARN.
   */
  @Value.Lazy
  public Kind kind() {
    String v = value();
    if (v.startsWith("arn:")) {
      return v.contains(":custom-model/") ? Kind.CUSTOM_MODEL_ARN : Kind.FOUNDATION_MODEL_ARN;
    }
    return v.indexOf('.') >= 0 ? Kind.FOUNDATION_MODEL_ID : Kind.CUSTOM_MODEL_NAME;
  }

  /** The foundation-model id this identifier names directly, by id or by ARN. */
  public Optional<String> foundationModelId() {
    return switch (kind()) {
      case FOUNDATION_MODEL_ID -> Optional.of(value());
      case FOUNDATION_MODEL_ARN ->
          Optional.of(value().substring(value().indexOf("foundation-model/") + 17));
      case CUSTOM_MODEL_ARN, CUSTOM_MODEL_NAME -> Optional.empty();
    };
  }

  /** The model ARN this identifier spells out, when it is a well-formed ARN. */
  public Optional<ModelArn> modelArn() {
    return kind() == Kind.FOUNDATION_MODEL_ARN || kind() == Kind.CUSTOM_MODEL_ARN
        ? ArnParser.modelArn(value())
        : Optional.empty();
  }

  @Override
  public String toString() {
    return value();
  }
}
