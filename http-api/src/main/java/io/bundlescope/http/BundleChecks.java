package io.bundlescope.http;

import java.util.concurrent.CompletionStage;

/** What the HTTP layer needs from the node to check rules on a bundle it hosts, now. */
public interface BundleChecks {

  /** Checks the enabled rules on the bundle and stores what fired; completes when stored. */
  CompletionStage<Void> checkNow(String bundleId);
}
