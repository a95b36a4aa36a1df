package io.bundlescope.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Typed access to query parameters; every problem is an {@link ApiException} naming the parameter. */
final class Params {
  private final Map<String, List<String>> values;

  Params(Map<String, List<String>> values) {
    this.values = values;
  }

  Optional<String> optional(String name) {
    List<String> v = values.get(name);
    if (v == null || v.isEmpty()) return Optional.empty();
    String last = v.get(v.size() - 1).trim();
    return last.isEmpty() ? Optional.empty() : Optional.of(last);
  }

  /** The last value exactly as sent (spaces kept), unless empty. */
  Optional<String> untrimmed(String name) {
    List<String> v = values.get(name);
    if (v == null || v.isEmpty() || v.get(v.size() - 1).isEmpty()) return Optional.empty();
    return Optional.of(v.get(v.size() - 1));
  }

  /** These parameters without {@code name}. */
  Params without(String name) {
    Map<String, List<String>> rest = new HashMap<>(values);
    rest.remove(name);
    return new Params(rest);
  }

  long longIn(String name, long dflt, long min, long max) {
    return optional(name).map(v -> {
      try {
        long n = Long.parseLong(v);
        if (n < min || n > max) throw ApiException.badParam(name, name + " must be between " + min + " and " + max);
        return n;
      } catch (NumberFormatException e) {
        throw ApiException.badParam(name, name + " must be an integer");
      }
    }).orElse(dflt);
  }

  String required(String name) {
    return optional(name).orElseThrow(() -> ApiException.badParam(name, "missing parameter " + name));
  }

  /** All values of a parameter, each split on commas, blanks dropped, order kept. */
  Set<String> list(String name) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : values.getOrDefault(name, List.of())) {
      for (String part : v.split(",")) {
        if (!part.isBlank()) out.add(part.trim());
      }
    }
    return out;
  }

  <T> Set<T> list(String name, Function<String, T> parse) {
    Set<T> out = new LinkedHashSet<>();
    for (String v : list(name)) {
      try {
        out.add(parse.apply(v));
      } catch (RuntimeException e) {
        throw ApiException.badParam(name, "invalid " + name + " value '" + v + "': " + e.getMessage());
      }
    }
    return out;
  }

  boolean flag(String name) {
    return optional(name).map(v -> switch (v.toLowerCase()) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw ApiException.badParam(name, name + " must be true or false");
    }).orElse(false);
  }

  int intIn(String name, int dflt, int min, int max) {
    return (int) longIn(name, dflt, min, max);
  }

  /** An ISO-8601 time (instant, offset, local date-time taken as UTC, or a date) in UTC micros. */
  Optional<Long> timeMicros(String name) {
    return optional(name).map(v -> {
      try {
        Instant t = parseInstant(v);
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000L);
      } catch (DateTimeParseException | ArithmeticException e) {
        throw ApiException.badParam(name, name + " must be an ISO-8601 time such as 2026-11-30T12:00:00Z");
      }
    });
  }

  private static Instant parseInstant(String v) {
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
    }
  }

  static List<String> asList(Set<String> set) {
    return new ArrayList<>(set);
  }
}
