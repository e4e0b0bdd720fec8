package dev.strata.domain;

import static dev.strata.domain.DomainFixtures.assertParsed;
import static dev.strata.domain.DomainFixtures.assertRejected;
import static dev.strata.domain.DomainFixtures.repeat;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** AccountId, Region and Partition: the parts of a resource scope, at their boundaries. */
class ScopePartsTest {
  private static final String ACCOUNT = MemberConstraint.pattern("^[0-9]{12}$");
  private static final String REGION = MemberConstraint.pattern("^[a-z0-9-]{1,20}$");
  private static final String PARTITION = MemberConstraint.pattern("^aws(-[^:]+)?$");

  private static Arguments row(
      Function<String, Validation<Seq<String>, ?>> parse, String raw, String... sentences) {
    return Arguments.of(raw, parse, sentences);
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        row(AccountId::parse, "123456789012"),
        row(AccountId::parse, "000000000000"),
        row(Region::parse, "a"),
        row(Region::parse, "us-gov-west-1"),
        row(Region::parse, repeat('r', 20)),
        row(Partition::parse, "aws"),
        row(Partition::parse, "aws-cn"),
        row(Partition::parse, "aws-us-gov"),
        row(Partition::parse, "aws-iso-b"));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        row(AccountId::parse, "12345678901", "Member must have length greater than or equal to 12", ACCOUNT),
        row(AccountId::parse, "1234567890123", "Member must have length less than or equal to 12", ACCOUNT),
        row(AccountId::parse, "12345678901a", ACCOUNT),
        row(AccountId::parse, null, "Member must not be null"),
        row(Region::parse, "", "Member must have length greater than or equal to 1", REGION),
        row(Region::parse, repeat('r', 21), "Member must have length less than or equal to 20", REGION),
        row(Region::parse, "US-EAST-1", REGION),
        row(Region::parse, "us_east_1", REGION),
        row(Partition::parse, "aw", "Member must have length greater than or equal to 3", PARTITION),
        row(Partition::parse, "azure", PARTITION),
        row(Partition::parse, "aws-", PARTITION),
        row(Partition::parse, "aws-c:n", PARTITION),
        row(Partition::parse, "awscn", PARTITION));
  }

  @ParameterizedTest(name = "''{0}''")
  @MethodSource("valid")
  void a_part_within_its_constraints_is_accepted(
      String raw, Function<String, Validation<Seq<String>, ?>> parse, String[] none) {
    assertParsed(raw, parse.apply(raw));
  }

  @ParameterizedTest(name = "''{0}''")
  @MethodSource("invalid")
  void a_part_outside_its_constraints_reports_each_broken_constraint(
      String raw, Function<String, Validation<Seq<String>, ?>> parse, String[] sentences) {
    assertRejected(parse.apply(raw), sentences);
  }
}
