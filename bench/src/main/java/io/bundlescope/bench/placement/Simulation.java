package io.bundlescope.bench.placement;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays a workload against a design in fixed time steps and measures what users feel: time from
 * submission to analyzed, bundles handed to a dead node, and node-seconds a live node sat idle
 * while some bundle waited (queued behind another, on a dead node, or held by the dispatcher).
 */
final class Simulation {
  static final double STEP_SECONDS = 0.1;
  private static final double GIVE_UP_SECONDS = 7 * 24 * 3600;

  record Result(String design, List<SimJob> jobs, int sentToDeadNode, double idleNodeSecondsWhileWaiting) {
    boolean allDone() {
      return jobs.stream().allMatch(SimJob::done);
    }
  }

  private Simulation() {}

  static Result run(Design design, List<NodeSpec> specs, Workload workload) {
    List<SimNode> nodes = specs.stream().map(s -> new SimNode(s, design.sharesRate())).toList();
    World w = new World(nodes);
    List<SimJob> jobs = new ArrayList<>();
    int next = 0;
    int done = 0;
    double idle = 0;
    for (long step = 0; done < workload.arrivals().size() && w.t < GIVE_UP_SECONDS; step++) {
      w.t = step * STEP_SECONDS;
      while (next < workload.arrivals().size() && workload.arrivals().get(next).at() <= w.t) {
        Workload.Arrival a = workload.arrivals().get(next++);
        SimJob job = new SimJob(a.id(), a.at(), a.bytes());
        jobs.add(job);
        design.submit(job, w);
      }
      design.beforeStep(w);
      int waiting = design.held();
      int idleLive = 0;
      for (SimNode n : nodes) {
        int progressing = n.progressing(w.t);
        waiting += n.jobs.size() - progressing;
        if (n.alive(w.t) && progressing == 0) idleLive++;
      }
      if (waiting > 0) idle += idleLive * STEP_SECONDS;
      for (SimNode n : nodes) done += n.advance(w.t, STEP_SECONDS).size();
    }
    return new Result(design.name(), jobs, w.sentToDeadNode, idle);
  }
}
