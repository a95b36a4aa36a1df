package io.bundlescope.analyzers.templates;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces the variable parts of a log message (numbers, IPs, ids, paths...) by placeholders
 * such as {@code <NUM>}, so that the {@link TemplateMiner} sees the same words for the same
 * event. Masking is kept apart from mining: the miner only ever sees masked text, and a masker
 * can be tried on its own.
 *
 * <p>How it works: first the user's {@link MaskRule}s (regexes), in order; then one left to
 * right scan without regexes that, at each word start (see {@link VariableKind}), tries the
 * enabled kinds in this order and takes the first that matches: TIME, URL, UUID, IP, HEX, then
 * NUMBER with its DURATION and SIZE forms; PATH at a {@code /}. A message with no digit and no
 * {@code /} skips the scan, and the scan allocates nothing for a message it leaves unchanged.
 * Placeholders hold no digit, so masking masked text changes nothing.
 *
 * <p>Settings ({@link Builder}), with defaults:
 * <ul>
 *   <li>{@code kinds}: which {@link VariableKind}s to mask; default all.
 *   <li>{@code hexMinLength}: shortest digit-and-letter hex run masked as {@code <HEX>} without
 *       a {@code 0x} prefix; default {@value #DEFAULT_HEX_MIN_LENGTH} (short enough for the 8
 *       digit head of an id, long enough to spare words such as {@code 2fa} or {@code ad2}).
 *   <li>{@code rules}: extra regex rules, none by default.
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class Masker {
  public static final int DEFAULT_HEX_MIN_LENGTH = 8;

  private static final Set<String> DURATION_UNITS = Set.of(
      "ns", "us", "\u00b5s", "ms", "s", "sec", "secs", "second", "seconds",
      "m", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours",
      "d", "day", "days");
  private static final Set<String> SIZE_UNITS = Set.of(
      "B", "kB", "KB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "PiB",
      "K", "M", "G", "T", "bytes");

  /** Size units also taken after one space ({@code 5.2 KB}); single letters other than B are not. */
  private static final Set<String> SPACED_SIZE_UNITS = Set.of(
      "B", "kB", "KB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "PiB", "bytes");
  private static final String WEEKDAYS = "Mon Tue Wed Thu Fri Sat Sun ";
  private static final String MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec ";
  private static final VariableKind[] KINDS = VariableKind.values();
  private static final boolean[] ASCII_LETTER = new boolean[128];
  private static final boolean[] ASCII_ALNUM = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_LETTER[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      ASCII_ALNUM[c] = ASCII_LETTER[c] || (c >= '0' && c <= '9');
    }
  }

  private final boolean time;
  private final boolean url;
  private final boolean path;
  private final boolean uuid;
  private final boolean ip;
  private final boolean hex;
  private final boolean duration;
  private final boolean size;
  private final boolean number;
  private final int hexMinLength;
  private final List<MaskRule> rules;
  private final Set<VariableKind> kinds;

  private Masker(Builder b) {
    kinds = Set.copyOf(b.kinds);
    time = kinds.contains(VariableKind.TIME);
    url = kinds.contains(VariableKind.URL);
    path = kinds.contains(VariableKind.PATH);
    uuid = kinds.contains(VariableKind.UUID);
    ip = kinds.contains(VariableKind.IP);
    hex = kinds.contains(VariableKind.HEX);
    duration = kinds.contains(VariableKind.DURATION);
    size = kinds.contains(VariableKind.SIZE);
    number = kinds.contains(VariableKind.NUMBER);
    hexMinLength = b.hexMinLength;
    rules = List.copyOf(b.rules);
  }

  /** Every kind, the default hex length, no extra rules. */
  public static Masker defaults() {
    return builder().build();
  }

  /** A masker that changes nothing (mining on raw tokens). */
  public static Masker none() {
    return builder().kinds(EnumSet.noneOf(VariableKind.class)).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The kinds this masker masks. */
  public Set<VariableKind> kinds() {
    return kinds;
  }

  /** The message with its variables replaced by their placeholders. */
  public String mask(String message) {
    String text = message;
    for (MaskRule rule : rules) text = rule.apply(text);
    return mayHoldVariable(text) ? scan(text) : text;
  }

  private static boolean mayHoldVariable(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || c == '/') return true;
    }
    return false;
  }

  private String scan(String s) {
    int n = s.length();
    boolean urls = url && s.indexOf("://") > 0;
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    // At the top of the loop, i is at a non-alphanumeric character or at the start of a word.
    while (i < n) {
      char c = s.charAt(i);
      long hit = -1;
      boolean alnum = isAlnum(c);
      if (alnum) {
        hit = variableAt(s, i, urls);
      } else if ((c == '/' || c == '-' || c == '+') && (i == 0 || !isAlnum(s.charAt(i - 1)))) {
        if (c == '/') hit = path ? tag(pathEnd(s, i), VariableKind.PATH) : -1;
        else if (i + 1 < n && isDigit(s.charAt(i + 1))) hit = numberAt(s, i);
      }
      if (hit < 0) {
        i++;
        if (alnum) while (i < n && isAlnum(s.charAt(i))) i++;
        continue;
      }
      int end = (int) (hit >>> 8);
      if (out == null) out = new StringBuilder(n + 16);
      out.append(s, copied, i).append(KINDS[(int) (hit & 0xff)].placeholder());
      copied = end;
      i = end;
    }
    return out == null ? s : out.append(s, copied, n).toString();
  }

  /** end and kind packed in a long, or -1; for a letter or digit at a word start. */
  private long variableAt(String s, int i, boolean urls) {
    char c = s.charAt(i);
    int n = s.length();
    if (isDigit(c)) {
      // fast path: a run of digits that nothing longer can start (the common case)
      int r = i + 1;
      while (r < n && isDigit(s.charAt(r))) r++;
      char next = r < n ? s.charAt(r) : ' ';
      boolean plain = next == ' '
          ? !(size && r + 1 < n && isLetter(s.charAt(r + 1)))
          : !isAlnum(next) && next != '.' && next != ':' && next != '-' && next != '/';
      if (plain) return number ? tag(r, VariableKind.NUMBER) : -1;
    }
    if (time && (isDigit(c) || (c >= 'A' && c <= 'Z'))) {
      int end = timeEnd(s, i);
      if (end > 0) return tag(end, VariableKind.TIME);
    }
    if (urls && isLetter(c)) {
      int end = urlEnd(s, i);
      if (end > 0) return tag(end, VariableKind.URL);
    }
    if (isHexDigit(c)) {
      if (uuid) {
        int end = uuidEnd(s, i);
        if (end > 0) return tag(end, VariableKind.UUID);
      }
      if (ip && isDigit(c)) {
        int end = ipEnd(s, i);
        if (end > 0) return tag(end, VariableKind.IP);
      }
      if (hex) {
        int end = hexEnd(s, i);
        if (end > 0) return tag(end, VariableKind.HEX);
      }
    }
    return isDigit(c) ? numberAt(s, i) : -1;
  }

  private static long tag(int end, VariableKind kind) {
    return end < 0 ? -1 : ((long) end << 8) | kind.ordinal();
  }

  /** A date and/or time starting at i, or -1. */
  private static int timeEnd(String s, int i) {
    int n = s.length();
    char c = s.charAt(i);
    if (!isDigit(c)) {
      int j = i;
      if (isName(s, j, WEEKDAYS)) {
        j += 3;
        if (j < n && s.charAt(j) == ',') j++;
        j = skipSpaces(s, j);
        if (!isName(s, j, MONTHS)) return -1;
      }
      if (!isName(s, j, MONTHS)) return -1;
      j = skipSpaces(s, j + 3);
      int day = digits(s, j, 1, 2);
      if (day < 0) return -1;
      int end = day;
      int k = clockEnd(s, skipSpaces(s, day));
      if (k > 0) end = k;
      int year = digits(s, skipSpaces(s, end), 4, 4);
      if (year > 0 && endsWord(s, year)) end = year;
      return end > day && endsWord(s, end) ? end : -1;
    }
    int date = isoDateEnd(s, i);
    if (date > 0) {
      int end = date;
      if (date < n && (s.charAt(date) == 'T' || s.charAt(date) == ' ')) {
        int k = clockEnd(s, date + 1);
        if (k > 0) end = zoneEnd(s, k);
      }
      return endsWord(s, end) ? end : -1;
    }
    int clock = clockEnd(s, i);
    if (clock > 0 && clock - i >= 8) {
      int end = zoneEnd(s, clock);
      return endsWord(s, end) ? end : -1;
    }
    return -1;
  }

  /** True when the three letters at j are one of names (each 3 letters and a space) and end a word. */
  private static boolean isName(String s, int j, String names) {
    if (j + 3 > s.length() || !endsWord(s, j + 3)) return false;
    char a = s.charAt(j);
    char b = s.charAt(j + 1);
    char c = s.charAt(j + 2);
    for (int k = 0; k < names.length(); k += 4) {
      if (names.charAt(k) == a && names.charAt(k + 1) == b && names.charAt(k + 2) == c) return true;
    }
    return false;
  }

  private static int skipSpaces(String s, int j) {
    while (j < s.length() && s.charAt(j) == ' ') j++;
    return j;
  }

  /** End of min..max digits at j (not followed by another digit), or -1. */
  private static int digits(String s, int j, int min, int max) {
    int k = j;
    while (k < s.length() && k - j < max && isDigit(s.charAt(k))) k++;
    if (k - j < min || (k < s.length() && isDigit(s.charAt(k)))) return -1;
    return k;
  }

  /** yyyy-mm-dd or yyyy/mm/dd. */
  private static int isoDateEnd(String s, int i) {
    int y = digits(s, i, 4, 4);
    if (y < 0 || y >= s.length()) return -1;
    char sep = s.charAt(y);
    if (sep != '-' && sep != '/') return -1;
    int m = digits(s, y + 1, 2, 2);
    if (m < 0 || m >= s.length() || s.charAt(m) != sep) return -1;
    return digits(s, m + 1, 2, 2);
  }

  /** hh:mm:ss with optional .fraction or ,fraction; hh:mm when no seconds follow. */
  private static int clockEnd(String s, int i) {
    int h = digits(s, i, 1, 2);
    if (h < 0 || h >= s.length() || s.charAt(h) != ':') return -1;
    int m = digits(s, h + 1, 2, 2);
    if (m < 0) return -1;
    if (m + 1 < s.length() && s.charAt(m) == ':') {
      int sec = digits(s, m + 1, 2, 2);
      if (sec < 0) return -1;
      if (sec + 1 < s.length() && (s.charAt(sec) == '.' || s.charAt(sec) == ',') && isDigit(s.charAt(sec + 1))) {
        int f = sec + 1;
        while (f < s.length() && isDigit(s.charAt(f))) f++;
        return f;
      }
      return sec;
    }
    return m;
  }

  /** Z, or +hh:mm / -hhmm after a time. */
  private static int zoneEnd(String s, int j) {
    int n = s.length();
    if (j < n && s.charAt(j) == 'Z') return j + 1;
    if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
      int h = digits(s, j + 1, 2, 2);
      if (h < 0) return j;
      if (h < n && s.charAt(h) == ':') {
        int m = digits(s, h + 1, 2, 2);
        return m > 0 ? m : j;
      }
      int m = digits(s, h, 2, 2);
      return m > 0 ? m : h;
    }
    return j;
  }

  /** scheme://... up to whitespace or a quote, trailing punctuation left out. */
  private static int urlEnd(String s, int i) {
    int n = s.length();
    int j = i;
    while (j < n && (isAlnum(s.charAt(j)) || s.charAt(j) == '+' || s.charAt(j) == '.' || s.charAt(j) == '-')) j++;
    if (j == i || j + 3 > n || s.charAt(j) != ':' || s.charAt(j + 1) != '/' || s.charAt(j + 2) != '/') return -1;
    int end = pathRunEnd(s, j + 3);
    return end > j + 3 ? end : -1;
  }

  /** /then/path/chars, holding a letter; trailing punctuation left out. */
  private static int pathEnd(String s, int i) {
    int end = pathRunEnd(s, i + 1);
    if (end <= i + 1) return -1;
    for (int k = i + 1; k < end; k++) {
      if (isLetter(s.charAt(k))) return end;
    }
    return -1;
  }

  private static int pathRunEnd(String s, int from) {
    int n = s.length();
    int j = from;
    while (j < n && !endsPath(s.charAt(j))) j++;
    while (j > from && isTrailingPunctuation(s.charAt(j - 1))) j--;
    return j;
  }

  private static boolean endsPath(char c) {
    return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '(' || c == ')' || c == '['
        || c == ']' || c == '<' || c == '>' || c == ',' || c == ';' || c == '|' || c == '`';
  }

  private static boolean isTrailingPunctuation(char c) {
    return c == '.' || c == ':' || c == '!' || c == '?';
  }

  private static int uuidEnd(String s, int i) {
    if (i + 36 > s.length() || s.charAt(i + 8) != '-') return -1;
    for (int k = 0; k < 36; k++) {
      char c = s.charAt(i + k);
      boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
      if (dash ? c != '-' : !isHexDigit(c)) return -1;
    }
    return endsWord(s, i + 36) ? i + 36 : -1;
  }

  /** a.b.c.d with 1 to 3 digits each, optional :port. */
  private static int ipEnd(String s, int i) {
    int n = s.length();
    int j = i;
    for (int group = 0; group < 4; group++) {
      if (group > 0) {
        if (j >= n || s.charAt(j) != '.') return -1;
        j++;
      }
      int start = j;
      while (j < n && j - start < 4 && isDigit(s.charAt(j))) j++;
      if (j == start || j - start > 3) return -1;
    }
    if (j + 1 < n && s.charAt(j) == '.' && isDigit(s.charAt(j + 1))) return -1;
    if (j + 1 < n && s.charAt(j) == ':' && isDigit(s.charAt(j + 1))) {
      int k = j + 1;
      while (k < n && isDigit(s.charAt(k))) k++;
      if (endsWord(s, k)) return k;
    }
    return endsWord(s, j) ? j : -1;
  }

  /** 0x-prefixed hex, or a long run of hex digits with both a digit and a letter. */
  private int hexEnd(String s, int i) {
    int n = s.length();
    if (s.charAt(i) == '0' && i + 2 < n && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
        && isHexDigit(s.charAt(i + 2))) {
      int j = i + 2;
      while (j < n && isHexDigit(s.charAt(j))) j++;
      return endsWord(s, j) ? j : -1;
    }
    int j = i;
    boolean digit = false;
    boolean letter = false;
    while (j < n && isHexDigit(s.charAt(j))) {
      if (isDigit(s.charAt(j))) digit = true;
      else letter = true;
      j++;
    }
    return j - i >= hexMinLength && digit && letter && endsWord(s, j) ? j : -1;
  }

  /** A number, possibly a duration or a size; -1 when it runs into a word. */
  private long numberAt(String s, int i) {
    int n = s.length();
    int j = numberEnd(s, i);
    if (size && j + 2 < n && s.charAt(j) == ' ' && isLetter(s.charAt(j + 1))) {
      int unitEnd = j + 1;
      while (unitEnd < n && isLetter(s.charAt(unitEnd))) unitEnd++;
      if (SPACED_SIZE_UNITS.contains(s.substring(j + 1, unitEnd)) && endsWord(s, unitEnd)) {
        return tag(unitEnd, VariableKind.SIZE);
      }
    }
    if (endsWord(s, j)) return number ? tag(j, VariableKind.NUMBER) : -1;
    int unitEnd = j;
    while (unitEnd < n && (isLetter(s.charAt(unitEnd)) || s.charAt(unitEnd) == '\u00b5')) unitEnd++;
    String unit = s.substring(j, unitEnd);
    if (duration && DURATION_UNITS.contains(unit)) {
      int end = unitEnd;
      while (end < n && isDigit(s.charAt(end))) {
        int k = numberEnd(s, end);
        int u = k;
        while (u < n && isLetter(s.charAt(u))) u++;
        if (u == k || !DURATION_UNITS.contains(s.substring(k, u))) return -1;
        end = u;
      }
      return endsWord(s, end) ? tag(end, VariableKind.DURATION) : -1;
    }
    if (size && SIZE_UNITS.contains(unit) && endsWord(s, unitEnd)) return tag(unitEnd, VariableKind.SIZE);
    return -1;
  }

  /** Optional sign, digits, then any number of .digits groups. */
  private static int numberEnd(String s, int i) {
    int n = s.length();
    int j = i;
    if (s.charAt(j) == '-' || s.charAt(j) == '+') j++;
    while (j < n && isDigit(s.charAt(j))) j++;
    while (j + 1 < n && s.charAt(j) == '.' && isDigit(s.charAt(j + 1))) {
      j++;
      while (j < n && isDigit(s.charAt(j))) j++;
    }
    return j;
  }

  private static boolean endsWord(String s, int j) {
    return j >= s.length() || !isAlnum(s.charAt(j));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isLetter(char c) {
    return c < 128 ? ASCII_LETTER[c] : Character.isLetter(c);
  }

  private static boolean isAlnum(char c) {
    return c < 128 ? ASCII_ALNUM[c] : Character.isLetter(c);
  }

  /** Settings of a {@link Masker}; see the class comment for what each does. */
  public static final class Builder {
    private EnumSet<VariableKind> kinds = EnumSet.allOf(VariableKind.class);
    private int hexMinLength = DEFAULT_HEX_MIN_LENGTH;
    private final List<MaskRule> rules = new ArrayList<>();

    private Builder() {}

    /** Mask exactly these kinds. */
    public Builder kinds(Set<VariableKind> kinds) {
      this.kinds = kinds.isEmpty() ? EnumSet.noneOf(VariableKind.class) : EnumSet.copyOf(kinds);
      return this;
    }

    /** Stop masking a kind (its text then reaches the miner as written). */
    public Builder disable(VariableKind kind) {
      kinds.remove(kind);
      return this;
    }

    /** Shortest bare hex run masked as {@code <HEX>}; at least 2. */
    public Builder hexMinLength(int hexMinLength) {
      if (hexMinLength < 2) throw new IllegalArgumentException("hexMinLength must be at least 2: " + hexMinLength);
      this.hexMinLength = hexMinLength;
      return this;
    }

    /** Adds a regex rule, run before the scan and after the rules added earlier. */
    public Builder rule(MaskRule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    public Masker build() {
      return new Masker(this);
    }
  }
}
