package io.bundlescope.testbundles;

import static io.bundlescope.parsers.LogLevel.ERROR;
import static io.bundlescope.parsers.LogLevel.FATAL;
import static io.bundlescope.parsers.LogLevel.INFO;
import static io.bundlescope.parsers.LogLevel.WARN;

import io.bundlescope.parsers.LogLevel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic message templates per log kind and level, written in the {@link Template}
 * syntax. A body is everything after the format's own fields (time, level, thread); a head
 * is the part some formats put before the time (Cassandra's {@code [Thread:N]}).
 */
final class MessageCatalog {
  /** One kind of message; {@code head} is null except for Cassandra. */
  record Entry(Template head, Template body) {}

  private final Entry[][] byLevel = new Entry[LogLevel.values().length][];

  private MessageCatalog(Map<LogLevel, List<Entry>> entries) {
    entries.forEach((level, list) -> byLevel[level.ordinal()] = list.toArray(Entry[]::new));
  }

  Entry pick(Rng rng, LogLevel level) {
    Entry[] entries = byLevel[level.ordinal()];
    if (entries == null) throw new IllegalStateException("no " + level + " messages");
    return entries[rng.nextInt(entries.length)];
  }

  private static final class Builder {
    private final Map<LogLevel, List<Entry>> entries = new EnumMap<>(LogLevel.class);

    Builder add(LogLevel level, String body) {
      return add(level, null, body);
    }

    Builder add(LogLevel level, String head, String body) {
      entries.computeIfAbsent(level, l -> new ArrayList<>())
          .add(new Entry(head == null ? null : Template.of(head), Template.of(body)));
      return this;
    }

    MessageCatalog build() {
      return new MessageCatalog(entries);
    }
  }

  /** glog bodies ({@code file.cc:line] message}) of the storage service. */
  static final MessageCatalog STARGATE_GLOG = new Builder()
      .add(INFO, "qos_weighted_fair_queue.h:465] Admctl wfq (total={small}): Dropped {small}"
          + " elements - queue: 1 current_cost: -{small} (Write Ops Queue) initial_cost_quota:"
          + " {small} soft_max_cost: {small} hard_max_cost: {small}")
      .add(INFO, "vdisk_controller.cc:{line}] vdisk_id={id} Hosting vdisk with name NFS:{id}"
          + " in container {small}")
      .add(INFO, "extent_store.cc:{line}] Disk {disk} egroup {id} write completed in {us} usecs")
      .add(INFO, "stargate.cc:{line}] Health check to {cvm}:2009 completed in {ms} ms")
      .add(INFO, "nfs_adapter.cc:{line}] NFS {READ|WRITE|GETATTR|LOOKUP|COMMIT} on inode"
          + " {id}:{n} from client {ip}:{port} completed in {us} usecs")
      .add(INFO, "admctl.cc:{line}] Admission control: {small} outstanding ops, queue depth"
          + " {small}, cpu {pct}%")
      .add(INFO, "oplog_store.cc:{line}] Oplog episode {n} of vdisk {id} closed: {bytes} bytes"
          + " in {small} records")
      .add(INFO, "content_cache.cc:{line}] Content cache hit ratio {pct}% ({n} hits of {n}"
          + " lookups), usage {bytes} bytes")
      .add(INFO, "zeus.cc:{line}] Zeus config logical timestamp updated to {n}")
      .add(INFO, "medusa_cassandra.cc:{line}] Looked up {small} vdisk block map entries in"
          + " {us} usecs")
      .add(INFO, "curator_client.cc:{line}] Received {small} background tasks from Curator"
          + " master {cvm}:2010")
      .add(WARN, "vdisk_distributed_oplog.cc:4017] vdisk_id={id} inherited_episode_sequence=-1"
          + " ep_seq_base={n} Expired {small} inorder stretch oplog waiters - next expected"
          + " timestamp {n}")
      .add(WARN, "rpc_client.cc:{line}] RPC to {cvm}:2009 method"
          + " {FetchEgroup|WriteExtentGroup|ReplicateExtentGroup} timed out after {ms} ms")
      .add(WARN, "extent_store.cc:{line}] Disk {disk} latency {ms} ms is above the threshold,"
          + " marking it slow")
      .add(WARN, "admctl.cc:{line}] Dropping {small} ops from queue {small}: over the hard limit")
      .add(WARN, "zeus.cc:{line}] Zookeeper session to {cvm}:9876 lost, reconnecting")
      .add(WARN, "memory_tracker.cc:{line}] Resident memory {bytes} bytes is at {pct}% of the"
          + " limit")
      .add(ERROR, "extent_group_writer.cc:{line}] Write to egroup {id} on disk {disk} failed"
          + " with error kDiskSpaceUnavailable")
      .add(ERROR, "rpc_client.cc:{line}] RPC to {cvm}:2009 failed with kTransportError,"
          + " retrying in {ms} ms")
      .add(ERROR, "vdisk_controller.cc:{line}] vdisk_id={id} Checksum mismatch on extent"
          + " {id}:{n}, reading the replica on {cvm}")
      .add(ERROR, "medusa_cassandra.cc:{line}] Cassandra operation on {cvm} returned kTimeout"
          + " after {ms} ms")
      .add(FATAL, "memory_tracker.cc:{line}] Exceeded resident memory limit: Aborting")
      .add(FATAL, "vdisk_distributed_oplog.cc:{line}] Check failed: episode_sequence >= 0"
          + " (-1 vs. 0) vdisk_id={id}")
      .add(FATAL, "stargate.cc:{line}] QFATAL Timed out waiting for the Zookeeper session")
      .build();

  /** Python bodies ({@code module.py:line message}) of the cluster manager. */
  static final MessageCatalog GENESIS = new Builder()
      .add(INFO, "genesis_utils.py:89 ZK session establishment complete, sessionId=0x{hex},"
          + " negotiated timeout=20000")
      .add(INFO, "node_manager.py:{line} Service"
          + " {stargate|cerebro|curator|prism|zookeeper|cassandra|acropolis} is running with"
          + " pids [{n}, {n}, {n}]")
      .add(INFO, "cluster_manager.py:{line} Zeus config logical timestamp {n}, {3|4|6|8} nodes up")
      .add(INFO, "service_utils.py:{line} Checked the health of {small} services in {ms} ms")
      .add(INFO, "hades_utils.py:{line} Disk {disk} mounted at"
          + " /home/nutanix/data/stargate-storage/disks/{disk}")
      .add(INFO, "ipv4config.py:{line} Configured ip {cvm} on eth0 netmask 255.255.255.0")
      .add(INFO, "node_manager.py:{line} Starting {ntpd|scavenger|ergon|hera} with cgroup"
          + " memory limit {bytes}")
      .add(INFO, "rpc.py:{line} Handled rpc {get_node_info|is_service_running|configure_node}"
          + " from {cvm} in {ms} ms")
      .add(WARN, "genesis_utils.py:{line} Unable to reach {cvm}:9876, will retry in {small}"
          + " seconds")
      .add(WARN, "ntp_utils.py:{line} Time offset to NTP server {ip} is {ms} ms")
      .add(WARN, "node_manager.py:{line} Service {curator|cerebro|pithos} took {ms} ms to"
          + " answer the health check")
      .add(WARN, "disk_manager.py:{line} Disk {disk} usage at {pct}%")
      .add(ERROR, "node_manager.py:{line} Service {curator|cerebro|pithos} crashed, restarting"
          + " (attempt {small})")
      .add(ERROR, "genesis_utils.py:{line} Failed to connect to the zookeeper ensemble"
          + " {cvm}:9876: ConnectionLoss")
      .add(ERROR, "rpc.py:{line} Rpc {configure_node|shutdown_token} to {cvm} failed: timed out"
          + " after {ms} ms")
      .build();

  /** Python bodies of the service wrapper that writes into {@code stargate.out}. */
  static final MessageCatalog STARGATE_WRAPPER = new Builder()
      .add(INFO, "serviceutil.py:{line} Starting stargate with pid {n}")
      .add(INFO, "service_monitor.py:{line} Child {n} of stargate is running")
      .add(INFO, "cgroup.py:{line} Added pid {n} to cgroup stargate")
      .add(WARN, "service_monitor.py:{line} stargate restarted {small} times in the last hour")
      .add(ERROR, "service_monitor.py:{line} Child {n} of stargate exited with status 1")
      .add(ERROR, "serviceutil.py:{line} stargate did not come up within {small} seconds")
      .build();

  /** log4j bodies ({@code thread logger.method:line message}) of the management gateway. */
  static final MessageCatalog PRISM_GATEWAY = new Builder()
      .add(INFO, "http-nio-127.0.0.1-9081-exec-{small} prism.aop.RequestInterceptor.invoke:{line}"
          + " Request GET /PrismGateway/services/rest/v2.0/"
          + "{vms|hosts|clusters|storage_containers|alerts} from {ip} took {ms} ms")
      .add(INFO, "ZeusConfigCacheService [] adapter.service.ZeusConfigCacheService.startUp:96"
          + " Starting service, ZeusConfigCacheService")
      .add(INFO, "pool-{small}-thread-1 prism.service.impl.ClusterStatsServiceImpl.refresh:{line}"
          + " Refreshed stats for {small} entities in {ms} ms")
      .add(INFO, "http-nio-127.0.0.1-9081-exec-{small}"
          + " prism.auth.AuthenticationProvider.authenticate:{line} User"
          + " {admin|nutanix|svc_backup} authenticated from {ip}")
      .add(INFO, "pool-{small}-thread-2 prism.websocket.EventPublisher.publish:{line} Published"
          + " {small} events to {small} sessions")
      .add(INFO, "ArithmosCacheService [] prism.cache.ArithmosCacheService.sync:{line} Synced {n}"
          + " entities from Arithmos in {ms} ms")
      .add(WARN, "http-nio-127.0.0.1-9081-exec-{small} prism.aop.RequestInterceptor.invoke:{line}"
          + " Slow request POST /PrismGateway/services/rest/v2.0/vms/{uuid}/set_power_state"
          + " took {ms} ms")
      .add(WARN, "pool-{small}-thread-1 prism.service.impl.AlertServiceImpl.fetch:{line} Alert"
          + " manager on {cvm} not reachable, using cached alerts")
      .add(WARN, "http-nio-127.0.0.1-9081-exec-{small}"
          + " prism.auth.AuthenticationProvider.authenticate:{line} Session of user"
          + " {admin|nutanix} expired")
      .add(ERROR, "http-nio-127.0.0.1-9081-exec-{small} prism.aop.RequestInterceptor.invoke:140"
          + " Throwing exception from ClusterAdministration.getClusterInfo")
      .add(ERROR, "http-nio-127.0.0.1-9081-exec-{small} prism.rest.ExceptionMapper.toResponse:"
          + "{line} Request GET /PrismGateway/services/rest/v2.0/vms/{uuid} returned 500")
      .add(ERROR, "pool-{small}-thread-1 prism.service.impl.ZeusServiceImpl.connect:{line} Could"
          + " not connect to Zookeeper at {cvm}:9876")
      .build();

  /** Cassandra heads ({@code [Thread:N]}) and bodies ({@code File.java (line N) message}). */
  static final MessageCatalog CASSANDRA = new Builder()
      .add(INFO, "[FlushWriter:{small}]", "Memtable.java (line 337) Completed flushing"
          + " /home/nutanix/data/stargate-storage/disks/{disk}/metadata/cassandra/data/medusa/"
          + "medusa_vdiskblockmap-h-{n}-Data.db ({bytes} bytes) for commitlog position"
          + " ReplayPosition(segmentId={n}, position={n})")
      .add(INFO, "[FlushWriter:{small}]", "Memtable.java (line 301) Writing"
          + " Memtable-medusa_extentgroupidmap@{n}({bytes}/{bytes} serialized/live bytes, {n} ops)")
      .add(INFO, "[CompactionExecutor:{small}]", "CompactionTask.java (line 275) Compacted to"
          + " [medusa_vdiskblockmap-h-{n}-Data.db]. {bytes} to {bytes} (~{pct}% of original)"
          + " bytes for {n} keys. Time: {ms}ms.")
      .add(INFO, "[GossipStage:1]", "Gossiper.java (line 844) Node /{cvm} state jump to normal")
      .add(INFO, "[OptionalTasks:1]", "MeteredFlusher.java (line 62) flushing high-traffic column"
          + " family CFS(Keyspace='medusa', ColumnFamily="
          + "'{vdiskblockmap|extentgroupidmap|extentgroupaccessdatamap}') (estimated {bytes}"
          + " bytes)")
      .add(INFO, "[ScheduledTasks:1]", "GCInspector.java (line 122) GC for ParNew: {ms} ms for 1"
          + " collections, {bytes} used; max is 8422162432")
      .add(WARN, "[ScheduledTasks:1]", "GCInspector.java (line 145) Heap is 0.{small} full. You"
          + " may need to reduce memtable and/or cache sizes.")
      .add(WARN, "[ReadStage:{small}]", "SliceQueryFilter.java (line 231) Read {n} live and {n}"
          + " tombstoned cells in medusa.medusa_vdiskblockmap")
      .add(WARN, "[CompactionExecutor:{small}]", "CompactionManager.java (line 511) Too many"
          + " SSTables ({small}) for keyspace medusa")
      .add(ERROR, "[ReadStage:{small}]", "CassandraDaemon.java (line 191) Exception in thread"
          + " Thread[ReadStage:{small},5,main]")
      .add(ERROR, "[MutationStage:{small}]", "StorageProxy.java (line 890) Write to /{cvm} timed"
          + " out after {ms} ms")
      .add(ERROR, "[GossipTasks:1]", "Gossiper.java (line 612) Node /{cvm} has been down for {n}"
          + " ms")
      .build();

  /** ZooKeeper bodies ({@code [thread:Class@line] - message}). */
  static final MessageCatalog ZOOKEEPER = new Builder()
      .add(INFO, "[NIOServerCxn.Factory:0.0.0.0/0.0.0.0:9876:NIOServerCnxnFactory@197] -"
          + " Accepted socket connection from /{cvm}:{port}")
      .add(INFO, "[Thread-{small}:NIOServerCnxn@1027] - Closed socket connection for client"
          + " /{cvm}:{port} which had sessionid 0x{hex}")
      .add(INFO, "[CommitProcessor:1:ZooKeeperServer@617] - Established session 0x{hex} with"
          + " negotiated timeout 20000 for client /{cvm}:{port}")
      .add(INFO, "[ProcessThread(sid:1 cport:-1)::PrepRequestProcessor@476] - Processed session"
          + " termination for sessionid: 0x{hex}")
      .add(INFO, "[SyncThread:1:FileTxnLog@199] - Creating new log file: log.{hex8}")
      .add(WARN, "[NIOServerCxn.Factory:0.0.0.0/0.0.0.0:9876:NIOServerCnxn@354] - Exception"
          + " causing close of session 0x{hex} due to java.io.IOException: Connection reset by"
          + " peer")
      .add(WARN, "[SessionTracker:ZooKeeperServer@347] - Expiring session 0x{hex}, timeout of"
          + " 20000ms exceeded")
      .add(WARN, "[SyncThread:1:FileTxnLog@{line}] - fsync-ing the write ahead log in"
          + " SyncThread:1 took {ms}ms which will adversely effect operation latency.")
      .add(ERROR, "[LearnerHandler-/{cvm}:{port}:LearnerHandler@{line}] - Unexpected exception"
          + " causing shutdown while sock still open")
      .add(ERROR, "[QuorumPeer[myid=1]/0.0.0.0:9876:QuorumCnxManager@{line}] - Cannot open"
          + " channel to 2 at election address /{cvm}:3888")
      .build();

  /**
   * syslog bodies ({@code program[pid]: message}); all neutral (no word a keyword-based level
   * guess would pick up), so every line is INFO.
   */
  static final MessageCatalog SYSLOG = new Builder()
      .add(INFO, "systemd[1]: Started Session {n} of user nutanix.")
      .add(INFO, "systemd[1]: Created slice User Slice of nutanix.")
      .add(INFO, "systemd[1]: Removed slice User Slice of nutanix.")
      .add(INFO, "systemd-logind[{line}]: New session {n} of user nutanix.")
      .add(INFO, "systemd-logind[{line}]: Removed session {n}.")
      .add(INFO, "sshd[{n}]: Accepted publickey for nutanix from {cvm} port {port} ssh2: RSA"
          + " SHA256:{hex}{hex}")
      .add(INFO, "sshd[{n}]: pam_unix(sshd:session): session opened for user nutanix by (uid=0)")
      .add(INFO, "CROND[{n}]: (nutanix) CMD (/home/nutanix/serviceability/bin/"
          + "{sysstats_collector|log_collector_cron|health_cron})")
      .add(INFO, "sudo: nutanix : TTY=unknown ; PWD=/home/nutanix ; USER=root ; COMMAND="
          + "{/usr/sbin/ipmitool sel list|/usr/sbin/smartctl -a /dev/sdb|/usr/sbin/ip addr show}")
      .add(INFO, "chronyd[{line}]: Selected source {ip}")
      .add(INFO, "kernel: [{n}.{frac}] EXT4-fs (sd{b|c|d}1): mounted filesystem with ordered"
          + " data mode. Opts: (null)")
      .build();
}
