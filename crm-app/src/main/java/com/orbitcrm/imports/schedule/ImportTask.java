package com.orbitcrm.imports.schedule;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler.MaxRetriesFailureHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler.OnFailureRetryLater;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler.ReviveDeadExecution;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.orbitcrm.imports.app.ImportService;
import com.orbitcrm.tenancy.TenantId;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The {@code import} task: one execution per import (instance id {@code <tenantId>:<importId>}). Running it runs
 * the import to its end ({@link ImportService#run}, which records a failure itself and never throws); an
 * execution whose instance died mid-way is revived, and the import resumes after its last committed batch.
 */
final class ImportTask extends OneTimeTask<Void> {

  static final String NAME = "import";

  private final ObjectProvider<ImportService> imports;

  ImportTask(ObjectProvider<ImportService> imports) {
    super(NAME, Void.class, new MaxRetriesFailureHandler<>(3, new OnFailureRetryLater<>(Duration.ofSeconds(10))),
        new ReviveDeadExecution<>());
    this.imports = imports;
  }

  TaskInstance<Void> instance(TenantId tenant, UUID importId) {
    return instance(tenant.value() + ":" + importId);
  }

  @Override
  public void executeOnce(TaskInstance<Void> instance, ExecutionContext context) {
    String[] parts = instance.getId().split(":", 2);
    imports.getObject().run(new TenantId(UUID.fromString(parts[0])), UUID.fromString(parts[1]));
  }
}
