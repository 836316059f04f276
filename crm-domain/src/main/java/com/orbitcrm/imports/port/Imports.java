package com.orbitcrm.imports.port;

import com.orbitcrm.imports.ImportJob;
import com.orbitcrm.imports.Progress;
import com.orbitcrm.imports.RejectedRow;
import com.orbitcrm.imports.WrittenRecord;
import com.orbitcrm.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Secondary port: a workspace's imports, their files, what they wrote and what they refused. */
public interface Imports {

  void insert(ImportJob job, byte[] file);

  Optional<ImportJob> find(TenantId tenant, UUID id);

  /** The latest imports first. */
  List<ImportJob> latest(TenantId tenant, int limit);

  /** Saves the job's status, settings, figures and times. */
  void save(ImportJob job);

  /** The uploaded file (empty once it has been dropped). */
  Optional<byte[]> file(TenantId tenant, UUID id);

  /**
   * Records a committed batch with the job's figures after it: in the batch's transaction, so that a restart
   * resumes after the last batch that committed, and undo knows everything that did.
   */
  void recordBatch(TenantId tenant, UUID id, int total, Progress after, List<RejectedRow> rejects,
                   List<WrittenRecord> written);

  /** Forgets what a run refused and wrote (a dry run confirmed, a run restarted from scratch). */
  void clearRun(TenantId tenant, UUID id);

  /** The refused rows, in file order. */
  List<RejectedRow> rejects(TenantId tenant, UUID id, int limit);

  List<WrittenRecord> written(TenantId tenant, UUID id);
}
