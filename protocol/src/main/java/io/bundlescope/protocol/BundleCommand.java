package io.bundlescope.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/** Commands a bundle entity accepts from outside (its internal messages stay private). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
@JsonSubTypes({
  @JsonSubTypes.Type(value = BundleCommand.AnalyzeBundle.class, name = "analyze"),
  @JsonSubTypes.Type(value = BundleCommand.GetProgress.class, name = "progress"),
  @JsonSubTypes.Type(value = BundleCommand.ReindexBundle.class, name = "reindex")
})
public interface BundleCommand extends CborSerializable {

  /**
   * Ingest the bundle at {@code path} under {@code policy} (null: index everything); idempotent
   * for an entity that already has it (its recorded policy stays).
   */
  record AnalyzeBundle(String path, IngestPolicy policy, ActorRef<Accepted> replyTo) implements BundleCommand {
    public AnalyzeBundle(String path, ActorRef<Accepted> replyTo) {
      this(path, null, replyTo);
    }
  }

  record Accepted(String bundleId, String status) implements CborSerializable {}

  /**
   * The node {@code lostHost} (HTTP {@code host:port}) left the cluster: an analyzed bundle whose
   * index was there is indexed again on the node this entity now runs on; with no
   * {@code lostHost}, an analyzed bundle is indexed again whatever holds its index (an operator's
   * reindex, e.g. after a restore: the index is not in a backup). Ignored otherwise;
   * answered in every case, so the sender can retry until the entity has it (a message sent
   * while the shard moves can be lost).
   */
  record ReindexBundle(String lostHost, ActorRef<Accepted> replyTo) implements BundleCommand {}

  /** Live progress, answered from the entity's state. */
  record GetProgress(ActorRef<Progress> replyTo) implements BundleCommand {}

  record Progress(
      String bundleId,
      String status,
      long filesTotal,
      long filesDone,
      long bytesTotal,
      long bytesDone,
      long records,
      List<String> warnings)
      implements CborSerializable {}
}
