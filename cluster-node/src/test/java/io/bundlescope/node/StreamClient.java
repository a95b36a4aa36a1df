package io.bundlescope.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * A {@code /logs/stream} client over java.net.http's WebSocket, keeping every JSON frame. A
 * reading client asks for the next frame as soon as one arrives; a stalled one asks for none
 * until {@link #resume()}, so the server sees a client that never reads.
 */
final class StreamClient implements WebSocket.Listener, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<JsonNode> frames = new ArrayList<>();
  private final StringBuilder partial = new StringBuilder();
  /** How the socket ended: "close CODE REASON" or "error EXCEPTION". */
  final CompletableFuture<String> ended = new CompletableFuture<>();
  private volatile boolean reading;
  private WebSocket socket;

  private StreamClient(boolean reading) {
    this.reading = reading;
  }

  static StreamClient open(URI uri, boolean reading) {
    StreamClient client = new StreamClient(reading);
    client.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
        .buildAsync(uri, client).join();
    return client;
  }

  @Override
  public void onOpen(WebSocket ws) {
    if (reading) ws.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        JsonNode frame = JSON.readTree(partial.toString());
        synchronized (frames) {
          frames.add(frame);
          frames.notifyAll();
        }
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      }
      partial.setLength(0);
    }
    if (reading) ws.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
    ended.complete("close " + code + " " + reason);
    return null;
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    ended.complete("error " + error);
  }

  /** Starts reading a stalled client, everything the server still sends. */
  void resume() {
    reading = true;
    socket.request(Long.MAX_VALUE);
  }

  List<JsonNode> frames() {
    synchronized (frames) {
      return List.copyOf(frames);
    }
  }

  List<JsonNode> frames(String type) {
    return frames().stream().filter(f -> f.path("type").asText().equals(type)).toList();
  }

  /** The first frame matching, waiting for it up to {@code timeout}. */
  JsonNode await(Predicate<JsonNode> match, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    synchronized (frames) {
      while (true) {
        for (JsonNode f : frames) {
          if (match.test(f)) return f;
        }
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0 || ended.isDone() && frames.stream().noneMatch(match)) {
          throw new AssertionError("no matching frame within " + timeout + " (socket " + ended.getNow("open")
              + "); " + frames.size() + " frames, the last: " + (frames.isEmpty() ? null : frames.get(frames.size() - 1)));
        }
        frames.wait(Math.min(left, 200));
      }
    }
  }

  static Predicate<JsonNode> type(String type) {
    return f -> f.path("type").asText().equals(type);
  }

  @Override
  public void close() {
    socket.abort();
  }
}
