package io.bundlescope.http;

import io.bundlescope.protocol.api.AnalyzeResponse;
import java.util.concurrent.CompletionStage;

/**
 * What the HTTP layer needs from the node to start work; the node implements it with the
 * sharded bundle entities. A bad submission completes exceptionally with {@link ApiException}.
 */
public interface BundleGateway {

  CompletionStage<AnalyzeResponse> analyze(String bundlePath, boolean reanalyze);
}
