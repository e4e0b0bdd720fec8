package dev.strata.app.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain trees (String, Long, List and Map with String keys, as {@link
 * dev.strata.domain.ProvisionedThroughputAttributes} writes them) as Jackson trees and back, member
 * order kept. Reading keeps JSON null as null, integral numbers that fit a long as {@link Long},
 * and any other number as Jackson's value, so a reader can tell a wrong type from a missing member.
 */
public final class PlainJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private PlainJson() {}

  /** {@code members} as a JSON object. */
  public static ObjectNode object(Map<String, ?> members) {
    ObjectNode node = JSON.objectNode();
    members.forEach((name, value) -> node.set(name, json(value)));
    return node;
  }

  private static JsonNode json(Object value) {
    if (value instanceof String s) {
      return JSON.textNode(s);
    }
    if (value instanceof Long l) {
      return JSON.numberNode(l);
    }
    if (value instanceof List<?> items) {
      ArrayNode array = JSON.arrayNode();
      items.forEach(item -> array.add(json(item)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode node = JSON.objectNode();
      map.forEach((name, member) -> node.set((String) name, json(member)));
      return node;
    }
    throw new IllegalArgumentException("not a plain value: " + value.getClass().getName());
  }

  /** {@code node} as a plain tree. */
  public static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> members = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> members.put(e.getKey(), plain(e.getValue())));
      return members;
    }
    if (node.isArray()) {
      List<Object> items = new ArrayList<>();
      node.forEach(item -> items.add(plain(item)));
      return items;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return null;
  }
}
