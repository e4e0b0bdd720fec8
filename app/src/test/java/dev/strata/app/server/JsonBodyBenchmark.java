package dev.strata.app.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What reading a request body as strict UTF-8 (D23) costs: {@link JsonBody#parse} (one decoding
 * pass that refuses ill-formed UTF-8, then Jackson over the characters) against the baseline of
 * Jackson reading the bytes itself with the same settings, as it did before, which decodes overlong
 * forms. Bodies: a CreateProvisionedModelThroughput with one tag (ASCII), the same with a non-ASCII
 * tag value, and a TagResource with 50 tags. Run with {@code mvn -B -Pbench -DskipTests verify
 * -Dloadbench.skip=true -Dbench.args="JsonBodyBenchmark -f 1"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class JsonBodyBenchmark {
  static final String CREATE =
      "{\"provisionedModelName\":\"chat-prod\",\"modelId\":\"amazon.nova-lite-v1:0:24k\","
          + "\"modelUnits\":1,\"clientRequestToken\":\"deploy-42\","
          + "\"tags\":[{\"key\":\"team\",\"value\":\"%s\"}]}";

  private static final ObjectMapper BASELINE =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  @Param({"create", "create-non-ascii", "tag-50"})
  public String body;

  byte[] bytes;

  @Setup
  public void build() {
    String text;
    switch (body) {
      case "create":
        text = String.format(CREATE, "search");
        break;
      case "create-non-ascii":
        text = String.format(CREATE, "équipe-recherche-日本");
        break;
      default:
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 50; i++) {
          tags.append(i == 0 ? "" : ",").append("{\"key\":\"key-").append(i)
              .append("\",\"value\":\"value-").append(i).append("\"}");
        }
        text = "{\"resourceARN\":\"arn:aws:bedrock:us-east-1:123456789012:provisioned-model/"
            + "abcdefghijkl\",\"tags\":[" + tags + "]}";
    }
    bytes = text.getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public JsonBody strictUtf8ThenJackson() {
    return JsonBody.parse(bytes).get();
  }

  @Benchmark
  public JsonNode jacksonOnTheBytesBaseline() throws IOException {
    return BASELINE.readTree(bytes);
  }
}
