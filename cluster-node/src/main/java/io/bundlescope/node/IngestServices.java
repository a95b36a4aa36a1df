package io.bundlescope.node;

import io.bundlescope.analyzers.templates.TemplateLibrary;
import io.bundlescope.index.LogStore;
import io.bundlescope.node.live.LivePublisher;
import io.bundlescope.node.placement.NodeLoad;
import io.bundlescope.parsers.bundle.StagingLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What a bundle entity needs from its node: the local index, the metadata projection, the
 * node's parse slots and where to stage bundles.
 *
 * @param hostIp this node's address, recorded as the bundle's hosting_worker_vm_ip
 * @param blocking executor for file and index I/O (never the actors' dispatcher)
 * @param defaultZone zone for log lines without an offset whose node zone is unknown
 * @param commitInterval how often parsed chunks are committed and journaled while ingesting
 * @param load where the entity reports the bytes it still has to ingest (the node's load)
 * @param listener told when chunks are journaled and when the bundle is complete
 * @param templates the node's message templates, which give each record its template id
 * @param live where the entity's parsers tap records for the live stream, and its progress and end go
 */
public record IngestServices(
    LogStore logs,
    BundleProjection projection,
    ActorRef<IngestSlots.Command> slots,
    Path stagingRoot,
    StagingLimits stagingLimits,
    Executor blocking,
    ZoneId defaultZone,
    String hostIp,
    Duration commitInterval,
    ActorRef<NodeLoad.Command> load,
    IngestListener listener,
    TemplateLibrary templates,
    LivePublisher live) {}
