package dev.strata.adapters.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.ProvisionedThroughputAttributes;

/**
 * One provisioned throughput as the JSON text of its {@code record} column: the aggregate's record
 * as {@link ProvisionedThroughputAttributes} describes it (the member names of the JSON state file,
 * {@code strata export}, optional ones only when present), so the attributes are listed in one
 * place for every stored form.
 */
final class RecordJson {
  /** Whole numbers read as {@code Long}, as the attribute table's plain tree has them. */
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

  private RecordJson() {}

  static String write(ProvisionedThroughput pt) {
    try {
      return MAPPER.writeValueAsString(ProvisionedThroughputAttributes.toRecord(pt));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a record did not serialize: " + e.getMessage(), e);
    }
  }

  /**
   * The provisioned throughput {@code json} holds.
   *
   * @throws IllegalStateException when it is not one {@link #write} wrote: the file is corrupt
   */
  static ProvisionedThroughput read(String json) {
    Object record;
    try {
      record = MAPPER.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored record is not one Strata wrote: " + e.getOriginalMessage(), e);
    }
    return ProvisionedThroughputAttributes.fromRecord(record, "$")
        .getOrElseThrow(problem -> new IllegalStateException("a stored record is not one Strata wrote: " + problem));
  }
}
