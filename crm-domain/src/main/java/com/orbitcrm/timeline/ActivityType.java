package com.orbitcrm.timeline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of timeline entries, with their labels and icons. {@link #STATUS_CHANGE} and {@link #TASK_STATUS} are
 * written by the system only.
 */
public enum ActivityType {
  EMAIL("E-mail", "mail"),
  CALL("Call", "phone"),
  MEETING("Meeting", "calendar"),
  NOTE("Note", "file-text"),
  TASK("Task", "check-square"),
  SMS("SMS", "message-square"),
  STATUS_CHANGE("Stage change", "refresh-cw"),
  DOCUMENT("Document", "file"),
  /** A task done or reopened (the system writes it when someone ticks or unticks the task). */
  TASK_STATUS("Task update", "check-square");

  private final String label;
  private final String icon;

  ActivityType(String label, String icon) {
    this.label = label;
    this.icon = icon;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  /** The name of the icon drawn for it (Mail, Phone, Calendar, FileText, CheckSquare, MessageSquare, RefreshCw, File). */
  public String icon() {
    return icon;
  }

  public boolean userMayLog() {
    return this != STATUS_CHANGE && this != TASK_STATUS;
  }

  public static Optional<ActivityType> of(String key) {
    return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
  }

  /** The types a person may log, in menu order. */
  public static List<ActivityType> loggable() {
    return Arrays.stream(values()).filter(ActivityType::userMayLog).toList();
  }
}
