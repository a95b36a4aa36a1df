package io.bundlescope.http;

import io.bundlescope.protocol.IngestPolicy;
import io.bundlescope.protocol.api.AnalyzeResponse;
import java.util.concurrent.CompletionStage;

/**
 * What the HTTP layer needs from the node to start work; the node implements it with the
 * sharded bundle entities. A bad submission completes exceptionally with {@link ApiException}.
 */
public interface BundleGateway {

  /** Submits a bundle under the node's default ingest policy. */
  default CompletionStage<AnalyzeResponse> analyze(String bundlePath, boolean reanalyze) {
    return analyze(bundlePath, reanalyze, IngestPolicy.Request.DEFAULTS);
  }

  /**
   * Submits a bundle; {@code policy}'s parts override the node's default ingest policy. A path
   * submitted before keeps its id and the policy it was submitted with (unless reanalyzed).
   */
  CompletionStage<AnalyzeResponse> analyze(String bundlePath, boolean reanalyze, IngestPolicy.Request policy);

  /**
   * Indexes an analyzed bundle again from its files, under the same id, on the node its entity
   * runs on; completes with the bundle's status then ({@code inprogress} when it started).
   */
  CompletionStage<AnalyzeResponse> reindex(String bundleId);
}
