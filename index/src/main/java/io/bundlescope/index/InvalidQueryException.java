package io.bundlescope.index;

/** A query the store refuses, naming the API parameter at fault. */
public class InvalidQueryException extends IllegalArgumentException {
  private final String param;

  public InvalidQueryException(String param, String message) {
    super(message);
    this.param = param;
  }

  public String param() {
    return param;
  }
}
