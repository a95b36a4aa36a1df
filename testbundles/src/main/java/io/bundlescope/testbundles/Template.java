package io.bundlescope.testbundles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A message template compiled once into literal byte runs and placeholders. Placeholders:
 * <ul>
 *   <li>{@code {a|b|c}}: one of the alternatives;
 *   <li>{@code {n}} 0..99999, {@code {small}} 1..999, {@code {line}} 20..4999 (a source
 *       line), {@code {frac}} six zero-padded digits, {@code {id}} an 8-digit id,
 *       {@code {hex}} 16 hex digits, {@code {hex8}} 8 hex digits, {@code {uuid}},
 *       {@code {ip}} a 10.x address, {@code {cvm}} a CVM address 10.1.2.x, {@code {port}},
 *       {@code {bytes}} up to 1 GiB, {@code {ms}} 1..4999, {@code {us}} 10..99999,
 *       {@code {pct}} 0..100, {@code {disk}} a disk serial.
 * </ul>
 * Text must be ASCII.
 */
final class Template {
  private interface Part {
    void append(AsciiOut out, Rng rng);
  }

  private final byte[][] literals;
  private final Part[] parts;

  private Template(byte[][] literals, Part[] parts) {
    this.literals = literals;
    this.parts = parts;
  }

  static Template of(String text) {
    List<byte[]> literals = new ArrayList<>();
    List<Part> parts = new ArrayList<>();
    int from = 0;
    for (int open = text.indexOf('{'); open >= 0; open = text.indexOf('{', from)) {
      int close = text.indexOf('}', open);
      if (close < 0) throw new IllegalArgumentException("unclosed { in " + text);
      literals.add(ascii(text.substring(from, open)));
      parts.add(part(text.substring(open + 1, close)));
      from = close + 1;
    }
    literals.add(ascii(text.substring(from)));
    return new Template(literals.toArray(byte[][]::new), parts.toArray(Part[]::new));
  }

  void render(AsciiOut out, Rng rng) {
    for (int i = 0; i < parts.length; i++) {
      out.bytes(literals[i]);
      parts[i].append(out, rng);
    }
    out.bytes(literals[parts.length]);
  }

  private static Part part(String name) {
    if (name.indexOf('|') >= 0) {
      byte[][] options =
          Arrays.stream(name.split("\\|", -1)).map(Template::ascii).toArray(byte[][]::new);
      return (out, rng) -> out.bytes(options[rng.nextInt(options.length)]);
    }
    switch (name) {
      case "n": return (out, rng) -> out.num(rng.nextInt(100_000));
      case "small": return (out, rng) -> out.num(rng.between(1, 999));
      case "line": return (out, rng) -> out.num(rng.between(20, 4999));
      case "frac": return (out, rng) -> out.num(rng.nextInt(1_000_000), 6, '0');
      case "id": return (out, rng) -> out.num(rng.between(10_000_000, 99_999_999));
      case "hex": return (out, rng) -> out.hex(rng.nextLong(), 16);
      case "hex8": return (out, rng) -> out.hex(rng.nextLong(), 8);
      case "uuid": return (out, rng) -> out.hex(rng.nextLong(), 8).ch('-')
          .hex(rng.nextLong(), 4).ch('-').hex(rng.nextLong(), 4).ch('-')
          .hex(rng.nextLong(), 4).ch('-').hex(rng.nextLong(), 12);
      case "ip": return (out, rng) -> out.text("10.").num(rng.between(1, 254)).ch('.')
          .num(rng.nextInt(256)).ch('.').num(rng.between(1, 254));
      case "cvm": return (out, rng) -> out.text("10.1.2.").num(rng.between(10, 19));
      case "port": return (out, rng) -> out.num(rng.between(1024, 65535));
      case "bytes": return (out, rng) -> out.num(rng.nextInt(1 << 30));
      case "ms": return (out, rng) -> out.num(rng.between(1, 4999));
      case "us": return (out, rng) -> out.num(rng.between(10, 99_999));
      case "pct": return (out, rng) -> out.num(rng.nextInt(101));
      case "disk": return (out, rng) -> out.text("BTHC").num(rng.between(10_000_000, 99_999_999))
          .text("1P9");
      default: throw new IllegalArgumentException("unknown placeholder {" + name + "}");
    }
  }

  private static byte[] ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) throw new IllegalArgumentException("not ASCII: " + s);
    }
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
