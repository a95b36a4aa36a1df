package io.bundlescope.index;

import java.util.Locale;

/** Fields records can be grouped by; {@link #param()} is the API's spelling. */
public enum GroupField {
  SERVICE, CVM_IP, LOG_LEVEL, FILENAME_WITHOUT_EXT, FILENAME, PID, TEMPLATE_ID;

  public String param() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the API spelling; throws IllegalArgumentException naming the allowed values. */
  public static GroupField fromParam(String value) {
    for (GroupField f : values()) {
      if (f.param().equals(value)) return f;
    }
    throw new IllegalArgumentException(
        "group_by must be one of service, cvm_ip, log_level, filename_without_ext, filename, pid");
  }
}
