package com.orbitcrm.integrations;

import com.orbitcrm.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The events an endpoint can subscribe to, by their wire names ({@code client.created}, …). A subscription may
 * name a whole family with {@code *} ({@code meeting.*}, {@code deal.*}); it is stored expanded.
 */
public enum EventType {
  CLIENT_CREATED("client.created"),
  CLIENT_UPDATED("client.updated"),
  CLIENT_DELETED("client.deleted"),
  DEAL_CREATED("deal.created"),
  DEAL_UPDATED("deal.updated"),
  DEAL_STAGE_CHANGED("deal.stage_changed"),
  DEAL_DELETED("deal.deleted"),
  ACTIVITY_CREATED("activity.created"),
  NOTE_CREATED("note.created"),
  MEETING_SCHEDULED("meeting.scheduled"),
  MEETING_RESCHEDULED("meeting.rescheduled"),
  MEETING_UPDATED("meeting.updated"),
  MEETING_COMPLETED("meeting.completed"),
  MEETING_CANCELLED("meeting.cancelled"),
  MEETING_DELETED("meeting.deleted");

  private final String key;

  EventType(String key) {
    this.key = key;
  }

  /** The wire name, as in the payload's {@code type} and in subscriptions. */
  public String key() {
    return key;
  }

  public String family() {
    return key.substring(0, key.indexOf('.'));
  }

  public static EventType of(String key) {
    return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not an event type: " + key));
  }

  /**
   * A subscription as sent: names or families ({@code meeting.*}); at least one; each unknown one named.
   *
   * @throws InvalidInputException on {@code eventTypes}.
   */
  public static Set<EventType> parse(List<String> raw) {
    var out = new LinkedHashSet<EventType>();
    var unknown = new ArrayList<String>();
    for (String r : raw) {
      String s = r == null ? "" : r.strip().toLowerCase(Locale.ROOT);
      if (s.equals("*")) {
        out.addAll(Arrays.asList(values()));
      } else if (s.endsWith(".*")) {
        String family = s.substring(0, s.length() - 2);
        var matching = Arrays.stream(values()).filter(t -> t.family().equals(family)).toList();
        if (matching.isEmpty()) {
          unknown.add(r);
        }
        out.addAll(matching);
      } else {
        Arrays.stream(values()).filter(t -> t.key.equals(s)).findFirst().ifPresentOrElse(out::add, () -> unknown.add(r));
      }
    }
    if (!unknown.isEmpty()) {
      throw InvalidInputException.of("eventTypes", "unknown event type(s): " + String.join(", ", unknown)
          + "; use " + String.join(", ", Arrays.stream(values()).map(EventType::key).toList())
          + " or a family such as meeting.*");
    }
    if (out.isEmpty()) {
      throw InvalidInputException.of("eventTypes", "choose at least one event type");
    }
    return Set.copyOf(out);
  }
}
