package io.guanxi.crm.platform.jobs;

import java.util.UUID;

/**
 * A RUNNING job was failed because the process running it stopped answering (its heartbeat went stale). Fired
 * synchronously after that is committed, so a feature can free what the job held (an import left COMMITTING).
 */
public record JobInterrupted(UUID jobId, String kind) {
}
