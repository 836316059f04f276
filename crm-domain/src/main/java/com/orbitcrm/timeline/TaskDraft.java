package com.orbitcrm.timeline;

import org.jspecify.annotations.Nullable;

/** A task's own fields as typed (a form, a JSON body), unchecked; {@link Task#from} checks them. */
public record TaskDraft(@Nullable String dueAt, @Nullable String assigneeId, @Nullable String priority) {

  public static final TaskDraft NONE = new TaskDraft(null, null, null);
}
