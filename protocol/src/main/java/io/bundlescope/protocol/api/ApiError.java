package io.bundlescope.protocol.api;

/** Body of every 4xx/5xx answer: what went wrong and, when a parameter caused it, which. */
public record ApiError(String errorMsg, String param) {

  public static ApiError of(String errorMsg) {
    return new ApiError(errorMsg, null);
  }
}
