package dev.strata.ports.validation;

import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.ValidationError;
import dev.strata.domain.ValidationFact;
import dev.strata.domain.FieldViolation;
import dev.strata.domain.MemberConstraint;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a driving port's command against its Jakarta constraints and reports <em>every</em>
 * violation at once, as one {@link ValidationError} in AWS's exact format: {@code 2 validation
 * errors detected: Value '0' at 'modelUnits' failed to satisfy constraint: Member must have value
 * greater than or equal to 1; ...}.
 *
 * <p>Violations are ordered as the command declares its members, list elements by index, then
 * length before pattern. Member paths follow AWS: {@code tags.2.member.key}. Thread-safe; build
 * one per process, since building the underlying factory is costly.
 */
public final class RequestValidator implements AutoCloseable {
  private static final Pattern INDEXED = Pattern.compile("(\\d+)");

  /** A command's members in declaration order, the order violations are reported in. */
  private static final ClassValue<List<String>> MEMBERS =
      new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
          return List.of(type.getRecordComponents()).map(RecordComponent::getName);
        }
      };
  /**
   * Hibernate Validator announces its version ({@code HV000001}) at INFO when it starts, through
   * java.util.logging unless the host routes JBoss Logging elsewhere. A library does not write to
   * its host's stderr: unless the host has set this logger's level, it is WARNING. Held here:
   * java.util.logging keeps loggers weakly.
   */
  private static final java.util.logging.Logger VERSION_BANNER = quietUnlessConfigured();

  private static java.util.logging.Logger quietUnlessConfigured() {
    java.util.logging.Logger banner =
        java.util.logging.Logger.getLogger("org.hibernate.validator.internal.util.Version");
    if (banner.getLevel() == null) {
      banner.setLevel(java.util.logging.Level.WARNING);
    }
    return banner;
  }

  private final ValidatorFactory factory;
  private final Validator validator;

  private RequestValidator(ValidatorFactory factory) {
    this.factory = factory;
    this.validator = factory.getValidator();
  }

  /**
   * A validator from the Jakarta provider on the class path (Hibernate Validator). Messages are
   * rendered from the constraints themselves, so no expression-language implementation is needed;
   * constraints come from annotations only, so no {@code META-INF/validation.xml} is looked for.
   */
  public static RequestValidator create() {
    return new RequestValidator(
        Validation.byDefaultProvider()
            .configure()
            .ignoreXmlConfiguration()
            .messageInterpolator(new Verbatim())
            .buildValidatorFactory());
  }

  /** The process's shared validator, built on first use; it is never closed. */
  public static RequestValidator shared() {
    return Shared.INSTANCE;
  }

  /**
   * Builds {@link #shared()} and the constraint metadata of {@code commands} in it, which the
   * first validation of each would otherwise build. Whoever asks for the shared validator while
   * this runs on another thread waits only for what is left of its bootstrap (a class's
   * initialization is awaited, never run twice).
   */
  public static void prepareShared(Collection<Class<?>> commands) {
    Validator prepared = shared().validator;
    commands.forEach(prepared::getConstraintsForClass);
  }

  private static final class Shared {
    static final RequestValidator INSTANCE = create();
  }

  /** {@code command} itself when it satisfies every constraint, else every violation at once. */
  public <T extends Record> Either<BedrockError, T> validate(T command) {
    return validate(command, List.empty());
  }

  /**
   * {@code command} itself when it satisfies every constraint and {@code more} is empty; else one
   * {@link ValidationError} with the command's violations and {@code more} (violations of rules
   * beyond shape, such as D6 on tag keys), in member order.
   */
  public <T extends Record> Either<BedrockError, T> validate(
      T command, Seq<FieldViolation> more) {
    if (command == null) {
      return Either.left(
          new ValidationError(new ValidationFact.MissingRequest()));
    }
    java.util.Set<ConstraintViolation<T>> violations = validator.validate(command);
    if (violations.isEmpty() && more.isEmpty()) {
      return Either.right(command);
    }
    List<String> members = MEMBERS.get(command.getClass());
    List<Ranked> ranked =
        List.ofAll(violations)
            .map(v -> rank(v, members))
            .appendAll(more.map(v -> rank(v, EXTRA_RULE, members)));
    return Either.left(
        ValidationError.of(
            ranked
                .sorted(
                    Comparator.comparingInt(Ranked::member)
                        .thenComparing(Ranked::sortPath)
                        .thenComparingInt(Ranked::order))
                .map(Ranked::violation)));
  }

  @Override
  public void close() {
    factory.close();
  }

  private record Ranked(int member, String sortPath, int order, FieldViolation violation) {}

  /** Rules beyond shape sort after every shape constraint of the same member. */
  private static final int EXTRA_RULE = 5;

  private static Ranked rank(ConstraintViolation<?> v, List<String> members) {
    Sentence sentence =
        sentence(v.getConstraintDescriptor().getAnnotation(), v.getInvalidValue(), v.getMessage());
    return rank(
        new FieldViolation(awsPath(v.getPropertyPath()), v.getInvalidValue(), sentence.text),
        sentence.order,
        members);
  }

  private static Ranked rank(FieldViolation violation, int order, List<String> members) {
    String path = violation.path();
    int member = members.indexOf(path.contains(".") ? path.substring(0, path.indexOf('.')) : path);
    return new Ranked(
        member < 0 ? Integer.MAX_VALUE : member, padIndexes(path), order, violation);
  }

  private record Sentence(int order, String text) {}

  /** The AWS constraint sentence for one Jakarta constraint, from its own attributes. */
  private static Sentence sentence(Annotation constraint, Object value, String fallback) {
    if (constraint instanceof NotNull) {
      return new Sentence(0, MemberConstraint.notNull());
    }
    if (constraint instanceof Size size) {
      return sizeOf(value) < size.min()
          ? new Sentence(1, MemberConstraint.lengthAtLeast(size.min()))
          : new Sentence(2, MemberConstraint.lengthAtMost(size.max()));
    }
    if (constraint instanceof Min min) {
      return new Sentence(1, MemberConstraint.valueAtLeast(min.value()));
    }
    if (constraint instanceof Max max) {
      return new Sentence(2, MemberConstraint.valueAtMost(max.value()));
    }
    if (constraint instanceof AwsPattern pattern) {
      return new Sentence(3, MemberConstraint.pattern(pattern.value()));
    }
    if (constraint instanceof AwsEnum values) {
      return new Sentence(3, MemberConstraint.enumValueSet(AwsEnumValidator.names(values.value())));
    }
    return new Sentence(4, fallback);
  }

  private static int sizeOf(Object value) {
    if (value instanceof CharSequence chars) {
      return chars.length();
    }
    if (value instanceof Collection<?> items) {
      return items.size();
    }
    if (value instanceof Map) {
      return ((Map<?, ?>) value).size();
    }
    return 0;
  }

  /**
   * A Jakarta property path in AWS's notation: list elements are numbered from 1 and followed by
   * {@code member}, so {@code tags[1].key} becomes {@code tags.2.member.key}.
   */
  static String awsPath(Path path) {
    StringBuilder out = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getIndex() != null) {
        out.append('.').append(node.getIndex() + 1).append(".member");
      }
      if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(node.getName());
      }
    }
    return out.toString();
  }

  /** Pads list indexes so that {@code tags.10} sorts after {@code tags.9}. */
  private static String padIndexes(String path) {
    Matcher m = INDEXED.matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, String.format(Locale.ROOT, "%010d", Long.parseLong(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Leaves message templates alone: sentences are built from the constraints, not templates. */
  private static final class Verbatim implements MessageInterpolator {
    @Override
    public String interpolate(String template, Context context) {
      return template;
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
      return template;
    }
  }
}
