package com.orbitcrm.integrations.schedule;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler.ReviveDeadExecution;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler.MaxRetriesFailureHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler.OnFailureRetryLater;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.orbitcrm.integrations.app.WebhookSender;
import com.orbitcrm.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The {@code webhook-attempt} task: one execution per due attempt of a delivery (instance id
 * {@code <tenantId>:<deliveryId>:<when>}, {@code m} in front of the time for a redelivery by hand). The attempt
 * records its own outcome and queues the next one; an execution that fails (the database away) is tried again.
 */
final class WebhookTask extends OneTimeTask<Void> {

  static final String NAME = "webhook-attempt";

  private final ObjectProvider<WebhookSender> sender;

  WebhookTask(ObjectProvider<WebhookSender> sender) {
    super(NAME, Void.class, new MaxRetriesFailureHandler<>(5, new OnFailureRetryLater<>(Duration.ofSeconds(30))),
        new ReviveDeadExecution<>());
    this.sender = sender;
  }

  TaskInstance<Void> instance(TenantId tenant, UUID deliveryId, Instant at, boolean manual) {
    return instance(tenant.value() + ":" + deliveryId + ":" + (manual ? "m" : "") + at.toEpochMilli()
        + (manual ? "-" + UUID.randomUUID() : ""));
  }

  @Override
  public void executeOnce(TaskInstance<Void> instance, ExecutionContext context) {
    String[] parts = instance.getId().split(":", 3);
    sender.getObject().attempt(new TenantId(UUID.fromString(parts[0])), UUID.fromString(parts[1]),
        parts[2].startsWith("m"));
  }
}
