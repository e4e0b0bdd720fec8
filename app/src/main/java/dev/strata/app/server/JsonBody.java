package dev.strata.app.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.strata.ports.driving.RequestTag;
import dev.strata.ports.edge.StrictUtf8;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The JSON body of one request, read member by member with the types of the operation's input
 * shape. A member that is absent or {@code null} reads as {@code null}; a member of the wrong JSON
 * type reads as {@code null} too, and the first one read is remembered as a {@link
 * WireRefusal#serialization SerializationException} naming it (see {@link #refusal()}). Values are
 * not validated here: that is the service's job. Unknown members are ignored, as AWS does.
 */
final class JsonBody {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final JsonNode root;
  private Option<WireRefusal> refusal = Option.none();

  private JsonBody(JsonNode root) {
    this.root = root;
  }

  /**
   * An empty body reads as {@code {}}; anything else must be one JSON object in strict UTF-8 (RFC
   * 8259 section 8.1, RFC 3629). The bytes are decoded once, refusing what is not UTF-8 at its byte
   * offset, and Jackson parses the characters, so it never guesses an encoding or decodes an
   * overlong form. A byte-order mark, and the zero bytes of UTF-16 or UTF-32 text without one, are
   * refused as another encoding.
   */
  static Either<WireRefusal, JsonBody> parse(byte[] body) {
    if (body.length == 0) {
      return Either.right(new JsonBody(MAPPER.createObjectNode()));
    }
    String otherEncoding = otherEncoding(body);
    if (otherEncoding != null) {
      return Either.left(
          WireRefusal.serialization(
              "The request body is not valid UTF-8: it starts like " + otherEncoding
                  + "; restJson1 bodies are UTF-8 without a byte-order mark (RFC 8259)."));
    }
    Either<StrictUtf8.Malformed, CharBuffer> decoded = StrictUtf8.decode(body, body.length);
    if (decoded.isLeft()) {
      return Either.left(
          WireRefusal.notUtf8(
              "The request body",
              decoded.getLeft().sequence(),
              "byte offset " + decoded.getLeft().offset()));
    }
    CharBuffer text = decoded.get();
    JsonNode root;
    try (JsonParser parser =
        MAPPER
            .getFactory()
            .createParser(text.array(), text.arrayOffset() + text.position(), text.remaining())) {
      root = MAPPER.readTree(parser);
    } catch (JacksonException e) {
      return Either.left(
          WireRefusal.serialization(
              "The request body is not valid JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      return Either.left(WireRefusal.serialization("The request body could not be read."));
    }
    if (root == null || root.isMissingNode()) {
      return Either.right(new JsonBody(MAPPER.createObjectNode()));
    }
    if (!root.isObject()) {
      return Either.left(
          WireRefusal.serialization(
              "The request body must be a JSON object, not " + describe(root) + "."));
    }
    return Either.right(new JsonBody(root));
  }

  /** The first member read that had the wrong JSON type, as its {@code SerializationException}. */
  Option<WireRefusal> refusal() {
    return refusal;
  }

  /**
   * The encoding {@code body} starts like, when it is not UTF-8 JSON: a byte-order mark, or the
   * zero bytes that ASCII in UTF-16 or UTF-32 has (RFC 4627 section 3), which no JSON text in
   * UTF-8 can start with; {@code null} otherwise.
   */
  private static String otherEncoding(byte[] body) {
    if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
      return "UTF-8 with a byte-order mark (EF BB BF)";
    }
    if (startsWith(body, 0x00, 0x00, 0xFE, 0xFF) || startsWith(body, 0xFF, 0xFE, 0x00, 0x00)) {
      return "UTF-32 with a byte-order mark";
    }
    if (startsWith(body, 0xFE, 0xFF) || startsWith(body, 0xFF, 0xFE)) {
      return "UTF-16 with a byte-order mark";
    }
    if (body[0] == 0 || (body.length > 1 && body[1] == 0)) {
      return "UTF-16 or UTF-32 (a zero byte at offset " + (body[0] == 0 ? 0 : 1) + ")";
    }
    return null;
  }

  private static boolean startsWith(byte[] body, int... prefix) {
    if (body.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((body[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Member {@code member} when it is a JSON string, else {@code null}; never refuses. */
  String peekString(String member) {
    JsonNode value = root.get(member);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  String string(String member) {
    return string(root.get(member), member);
  }

  Integer integer(String member) {
    JsonNode node = root.get(member);
    if (absent(node)) {
      return null;
    }
    if (!node.isIntegralNumber()) {
      return wrongType(member, "an integer", node);
    }
    if (!node.canConvertToInt()) {
      return refuse(
          "Member '" + member + "' must be an integer, and " + node.asText() + " is out of range.");
    }
    return node.intValue();
  }

  /** A list of {@code Tag} structures ({@code {"key": ..., "value": ...}}). */
  List<RequestTag> tags(String member) {
    return list(
        member,
        (element, path) -> {
          if (!element.isObject()) {
            return wrongType(path, "a Tag object", element);
          }
          return new RequestTag(
              string(element.get("key"), path + ".key"),
              string(element.get("value"), path + ".value"));
        });
  }

  List<String> strings(String member) {
    return list(member, this::string);
  }

  private <T> List<T> list(String member, BiFunction<JsonNode, String, T> element) {
    JsonNode node = root.get(member);
    if (absent(node)) {
      return null;
    }
    if (!node.isArray()) {
      return wrongType(member, "a list", node);
    }
    List<T> items = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      items.add(absent(item) ? null : element.apply(item, member + "[" + i + "]"));
    }
    return items;
  }

  private String string(JsonNode node, String path) {
    if (absent(node)) {
      return null;
    }
    if (!node.isTextual()) {
      return wrongType(path, "a string", node);
    }
    return node.textValue();
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isNull();
  }

  /** Remembers that {@code path} is not {@code expected}, unless a member before it was not; null. */
  private <T> T wrongType(String path, String expected, JsonNode found) {
    return refuse("Member '" + path + "' must be " + expected + ", not " + describe(found) + ".");
  }

  private <T> T refuse(String message) {
    if (refusal.isEmpty()) {
      refusal = Option.some(WireRefusal.serialization(message));
    }
    return null;
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
