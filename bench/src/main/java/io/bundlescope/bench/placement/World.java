package io.bundlescope.bench.placement;

import java.util.List;

/** What a design sees and changes: the clock, the nodes, and the count of bundles sent to a dead node. */
final class World {
  final List<SimNode> nodes;
  double t;
  int sentToDeadNode;

  World(List<SimNode> nodes) {
    this.nodes = nodes;
  }

  void assign(SimJob job, SimNode node) {
    if (!node.alive(t)) sentToDeadNode++;
    job.node = node;
    node.jobs.add(job);
    node.placed++;
  }
}
