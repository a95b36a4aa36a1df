package io.bundlescope.node;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;

/** Waiting on a condition in the cluster tests (no fixed sleeps: poll until it holds). */
final class Await {
  /** A condition that may throw while the cluster settles. */
  interface Check {
    boolean holds() throws Exception;
  }

  private Await() {}

  static void until(Check check, Duration timeout, String what) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.holds()) {
      if (System.nanoTime() > deadline) fail("never true within " + timeout + ": " + what);
      Thread.sleep(250);
    }
  }
}
