package dev.strata.domain;

import dev.strata.domain.BedrockError.ValidationError;
import io.vavr.control.Either;
import io.vavr.control.Try;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * The opaque {@code nextToken} of ListProvisionedModelThroughputs (D16): the position of the last
 * item returned, bound to the scope, filters and sort order that produced it. A token that is
 * malformed, altered, or presented with another query or by another account is a
 * ValidationException. Page size is not bound: the next page may ask for a different size.
 *
 * <p>Form: base64url of {@code v1.<millis>.<id>.<crc32 of position and query>}.
 */
public final class PageToken {
  private static final String VERSION = "v1";

  private PageToken() {}

  /** The token that resumes after {@code last} for the query {@code binding}. */
  public static String encode(ListPosition last, String binding) {
    String body = VERSION + "." + last.creationMillis() + "." + last.id();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            (body + "." + checksum(body, binding)).getBytes(StandardCharsets.UTF_8));
  }

  /** The position {@code token} resumes after, if it was made for the query {@code binding}. */
  public static Either<BedrockError, ListPosition> decode(String token, String binding) {
    return Try.of(() -> new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8))
        .toEither()
        .mapLeft(e -> invalid(token))
        .flatMap(text -> parse(text, binding, token));
  }

  private static Either<BedrockError, ListPosition> parse(
      String text, String binding, String token) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals(VERSION)) {
      return Either.left(invalid(token));
    }
    String body = parts[0] + "." + parts[1] + "." + parts[2];
    if (!parts[3].equals(checksum(body, binding))
        || !MemberConstraint.matchesWhole(ProvisionedModelId.REGEX, parts[2])) {
      return Either.left(invalid(token));
    }
    return Try.of(() -> Long.parseLong(parts[1]))
        .toEither()
        .<BedrockError>mapLeft(e -> invalid(token))
        .map(millis -> ListPosition.of(millis, parts[2]));
  }

  private static String checksum(String body, String binding) {
    CRC32 crc = new CRC32();
    crc.update((body + "|" + binding).getBytes(StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue());
  }

  private static BedrockError invalid(String token) {
    return new ValidationError(new ValidationFact.InvalidPageToken(token));
  }
}
