package io.bundlescope.http;

import io.bundlescope.protocol.api.ApiError;

/** A request the API refuses, with the HTTP status and the JSON error to answer. */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String param;

  public ApiException(int status, String param, String message) {
    super(message);
    this.status = status;
    this.param = param;
  }

  public static ApiException badParam(String param, String message) {
    return new ApiException(400, param, message);
  }

  public static ApiException notFound(String param, String message) {
    return new ApiException(404, param, message);
  }

  public int status() {
    return status;
  }

  public ApiError toError() {
    return new ApiError(getMessage(), param);
  }
}
