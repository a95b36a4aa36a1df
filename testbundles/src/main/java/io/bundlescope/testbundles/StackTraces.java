package io.bundlescope.testbundles;

/**
 * Continuation lines that follow a record's first line: Java stack traces and Python
 * tracebacks. No line here can look like the start of a record in any supported format.
 */
final class StackTraces {
  private StackTraces() {}

  private static final Template[] JAVA_EXCEPTIONS = templates(
      "java.net.SocketTimeoutException: Read timed out",
      "java.io.IOException: Connection reset by peer",
      "com.nutanix.prism.exception.ZeusConnectionException: Could not connect to {cvm}:9876",
      "java.lang.IllegalStateException: Cluster configuration not yet loaded",
      "org.apache.zookeeper.KeeperException$ConnectionLossException: KeeperErrorCode ="
          + " ConnectionLoss for /appliance/logical/leaders",
      "java.util.concurrent.TimeoutException: Timed out after {ms} ms");

  private static final Template[] PRISM_FRAMES = templates(
      "\tat com.nutanix.prism.service.impl.ZeusServiceImpl.connect(ZeusServiceImpl.java:{line})",
      "\tat com.nutanix.prism.service.impl.ClusterServiceImpl.getClusterInfo"
          + "(ClusterServiceImpl.java:{line})",
      "\tat com.nutanix.prism.aop.RequestInterceptor.invoke(RequestInterceptor.java:140)",
      "\tat org.springframework.aop.framework.ReflectiveMethodInvocation.proceed"
          + "(ReflectiveMethodInvocation.java:{line})",
      "\tat org.springframework.aop.framework.JdkDynamicAopProxy.invoke"
          + "(JdkDynamicAopProxy.java:{line})",
      "\tat com.nutanix.prism.rest.ClusterResource.getCluster(ClusterResource.java:{line})",
      "\tat org.apache.catalina.core.ApplicationFilterChain.doFilter"
          + "(ApplicationFilterChain.java:{line})",
      "\tat java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1149)",
      "\tat java.lang.Thread.run(Thread.java:750)");

  private static final Template[] CASSANDRA_FRAMES = templates(
      "\tat org.apache.cassandra.db.SliceQueryFilter.collectReducedColumns"
          + "(SliceQueryFilter.java:{line})",
      "\tat org.apache.cassandra.db.ColumnFamilyStore.getColumnFamily"
          + "(ColumnFamilyStore.java:{line})",
      "\tat org.apache.cassandra.db.Table.getRow(Table.java:{line})",
      "\tat org.apache.cassandra.service.StorageProxy$LocalReadRunnable.runMayThrow"
          + "(StorageProxy.java:{line})",
      "\tat org.apache.cassandra.utils.WrappedRunnable.run(WrappedRunnable.java:30)",
      "\tat java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1149)",
      "\tat java.lang.Thread.run(Thread.java:750)");

  private static final Template[] PYTHON_FRAMES = templates(
      "  File \"/home/nutanix/cluster/bin/genesis/cluster_manager.py\", line {line}, in"
          + " _handle_rpc\n    ret = self.rpc_handler(arg)",
      "  File \"/home/nutanix/cluster/lib/py/nutanix_genesis.egg/cluster/genesis/node_manager.py\","
          + " line {line}, in start_service\n    self._wait_for_service(name, timeout_secs)",
      "  File \"/home/nutanix/cluster/lib/py/util/zookeeper/zookeeper_session.py\", line {line},"
          + " in get\n    data = self._zk.get(path)",
      "  File \"/usr/lib64/python2.7/socket.py\", line {line}, in create_connection");

  private static final Template[] PYTHON_ERRORS = templates(
      "ZookeeperSessionError: session expired (zk_session_id=0x{hex})",
      "RpcError: Rpc to {cvm}:2100 timed out after {ms} ms",
      "OSError: [Errno 111] Connection refused",
      "KeyError: 'service_vm_external_ip'");

  private static final byte[] TRACEBACK = "Traceback (most recent call last):\n".getBytes();

  /** An exception line, 3-7 frames and, half the time, a cause with its frames. */
  static void java(AsciiOut out, Rng rng, boolean cassandra) {
    Template[] frames = cassandra ? CASSANDRA_FRAMES : PRISM_FRAMES;
    line(out, rng, JAVA_EXCEPTIONS[rng.nextInt(JAVA_EXCEPTIONS.length)]);
    frames(out, rng, frames, rng.between(3, 7));
    if (rng.nextInt(2) == 0) {
      out.text("Caused by: ");
      line(out, rng, JAVA_EXCEPTIONS[rng.nextInt(JAVA_EXCEPTIONS.length)]);
      frames(out, rng, frames, rng.between(1, 3));
      out.text("\t... ").num(rng.between(5, 40)).text(" more\n");
    }
  }

  /** A Python traceback of 3 to 6 lines: header, one or two frames, the exception. */
  static void python(AsciiOut out, Rng rng) {
    out.bytes(TRACEBACK);
    int frames = rng.between(1, 2);
    for (int i = 0; i < frames; i++) {
      line(out, rng, PYTHON_FRAMES[rng.nextInt(PYTHON_FRAMES.length)]);
    }
    line(out, rng, PYTHON_ERRORS[rng.nextInt(PYTHON_ERRORS.length)]);
  }

  private static void frames(AsciiOut out, Rng rng, Template[] frames, int count) {
    int from = rng.nextInt(frames.length - count + 1);
    for (int i = from; i < from + count; i++) line(out, rng, frames[i]);
  }

  private static void line(AsciiOut out, Rng rng, Template template) {
    template.render(out, rng);
    out.newline();
  }

  private static Template[] templates(String... texts) {
    Template[] result = new Template[texts.length];
    for (int i = 0; i < texts.length; i++) result[i] = Template.of(texts[i]);
    return result;
  }
}
