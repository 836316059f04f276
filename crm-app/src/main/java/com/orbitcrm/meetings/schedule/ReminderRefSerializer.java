package com.orbitcrm.meetings.schedule;

import com.github.kagkarlsson.scheduler.exceptions.SerializationException;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Task data as plain UTF-8 text ({@code <tenantId>:<meetingId>}), readable in {@code psql} and free of Java
 * serialization (db-scheduler's default, which would tie the rows to class versions and deserialize bytes).
 */
final class ReminderRefSerializer implements Serializer {

  @Override
  public byte @Nullable [] serialize(@Nullable Object data) {
    if (data == null) {
      return null;
    }
    if (!(data instanceof ReminderRef ref)) {
      throw new SerializationException("only reminder references are stored, not " + data.getClass().getName(), null);
    }
    return ref.id().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public <T> @Nullable T deserialize(Class<T> type, byte @Nullable [] serialized) {
    if (serialized == null) {
      return null;
    }
    if (!type.isAssignableFrom(ReminderRef.class)) {
      throw new SerializationException("stored task data is a reminder reference, not " + type.getName(), null);
    }
    try {
      return type.cast(ReminderRef.parse(new String(serialized, StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      throw new SerializationException("unreadable reminder reference", e);
    }
  }
}
