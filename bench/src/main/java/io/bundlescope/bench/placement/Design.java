package io.bundlescope.bench.placement;

/** How bundles are handed to nodes: Bundlescope's placement or the old dispatcher. */
interface Design {
  String name();

  /** True when a node ingests all its bundles at once (fair slots), false for one at a time. */
  boolean sharesRate();

  /** A bundle arrives at {@code w.t}. */
  void submit(SimJob job, World w);

  /** Runs before the nodes advance each step: load reports, failure handling, queue pulls. */
  default void beforeStep(World w) {}

  /** Bundles held by the dispatcher itself (a shared queue), not by any node. */
  default int held() {
    return 0;
  }
}
