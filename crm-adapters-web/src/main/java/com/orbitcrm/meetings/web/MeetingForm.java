package com.orbitcrm.meetings.web;

import static com.orbitcrm.platform.web.Requests.blank;

import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingAttendee;
import com.orbitcrm.meetings.MeetingDraft;
import com.orbitcrm.meetings.MeetingDraft.AttendeeDraft;
import com.orbitcrm.meetings.app.MeetingLinks;
import com.orbitcrm.platform.TimeZones;
import com.orbitcrm.tenancy.Member;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The schedule / edit form as typed: a day, a start time and a duration (in the meeting's zone), where,
 * who (team members ticked, anyone else typed as e-mail addresses), what it is about ({@code client:<id>} or
 * {@code deal:<id>}) and the reminder. Turned into the {@link MeetingDraft} and {@link MeetingLinks} the use
 * case checks; its field errors are mapped back onto these fields.
 *
 * @param members the e-mail addresses of the members ticked.
 * @param guests other people, separated by commas, semicolons or new lines: {@code ada@x.example} or
 *               {@code Ada Lovelace <ada@x.example>}.
 * @param dealId the deal a meeting about a client serves (kept as it was when editing).
 */
record MeetingForm(@Nullable String title, @Nullable String date, @Nullable String time, @Nullable String duration,
                   @Nullable String timezone, @Nullable String locationType, @Nullable String location,
                   @Nullable String meetingUrl, @Nullable List<String> members, @Nullable String guests,
                   @Nullable String about, @Nullable String dealId, @Nullable String reminderMinutes,
                   @Nullable String description, @Nullable String version) {

  /** The durations offered, in minutes. */
  static final List<Integer> DURATIONS = List.of(15, 30, 45, 60, 90, 120, 180, 240, 480);
  /** The reminders offered, in minutes before the start. */
  static final List<Integer> REMINDERS = List.of(5, 10, 15, 30, 60, 1440);
  static final int DEFAULT_DURATION = 30;

  private static final Pattern NAMED = Pattern.compile("^\\s*\"?([^\"<]*?)\"?\\s*<([^>]+)>\\s*$");

  MeetingForm {
    members = members == null ? List.of() : List.copyOf(members);
  }

  /** A new meeting's form: {@code start} in {@code zone}, 30 minutes, the default reminder. */
  static MeetingForm fresh(LocalDate day, LocalTime at, ZoneId zone, @Nullable String about, @Nullable String guests) {
    return new MeetingForm("", day.toString(), at.toString(), String.valueOf(DEFAULT_DURATION), zone.getId(),
        "virtual", "", "", List.of(), guests == null ? "" : guests, about == null ? "" : about, "",
        MeetingDraft.DEFAULT_REMINDER, "", null);
  }

  /** The form of a stored meeting: its times in its own zone; members ticked, everyone else typed. */
  static MeetingForm of(Meeting m, List<Member> team) {
    var d = m.details();
    var local = d.start().atZone(d.zone());
    Set<String> teamEmails = new HashSet<>();
    team.forEach(x -> teamEmails.add(x.email().value()));
    var ticked = new ArrayList<String>();
    var others = new ArrayList<String>();
    for (MeetingAttendee a : d.attendees()) {
      if (teamEmails.contains(a.email().value())) {
        ticked.add(a.email().value());
      } else {
        others.add(guest(a.name(), a.email().value()));
      }
    }
    String about = m.entity() == null ? m.dealId() == null ? "" : "deal:" + m.dealId()
        : m.entity().type().key() + ":" + m.entity().id();
    String deal = m.entity() != null && !m.entity().type().equals(MeetingViews.DEAL) && m.dealId() != null
        ? m.dealId().toString() : "";
    return new MeetingForm(d.title(), local.toLocalDate().toString(), MeetingViews.TIME.format(local),
        String.valueOf(d.duration().toMinutes()), d.zone().getId(), d.locationType().key(),
        Objects.requireNonNullElse(d.location(), ""), Objects.requireNonNullElse(d.meetingUrl(), ""), ticked,
        String.join(", ", others), about, deal,
        d.reminderMinutes() == null ? "" : d.reminderMinutes().toString(),
        Objects.requireNonNullElse(d.description(), ""), String.valueOf(m.version()));
  }

  /** A person as the guests field holds them: {@code Greta Marsh <greta@x.example>}, quoted when the name has a comma. */
  static String guest(@Nullable String name, String email) {
    String n = name == null ? "" : name.replaceAll("[\"<>]", " ").strip();
    if (n.isEmpty()) {
      return email;
    }
    return (n.contains(",") || n.contains(";") ? "\"" + n + "\"" : n) + " <" + email + ">";
  }

  /** The attendees in the order the use case sees them: members ticked, then the people typed. */
  List<AttendeeDraft> attendees(List<Member> team) {
    var list = new ArrayList<AttendeeDraft>();
    for (String email : members) {
      String name = team.stream().filter(x -> x.email().value().equalsIgnoreCase(email.strip())).map(Member::name)
          .findFirst().orElse(null);
      list.add(new AttendeeDraft(email.strip(), name, null));
    }
    for (String typed : typedGuests()) {
      Matcher named = NAMED.matcher(typed);
      if (named.matches()) {
        list.add(new AttendeeDraft(named.group(2).strip(), blank(named.group(1)), null));
      } else {
        list.add(new AttendeeDraft(typed.strip(), null, null));
      }
    }
    return list;
  }

  /** The people typed, split at commas, semicolons and new lines outside quotes and angle brackets. */
  private List<String> typedGuests() {
    if (guests == null || guests.isBlank()) {
      return List.of();
    }
    var parts = new ArrayList<String>();
    var current = new StringBuilder();
    boolean quoted = false;
    boolean angled = false;
    for (char c : guests.toCharArray()) {
      if (c == '"' && !angled) {
        quoted = !quoted;
      } else if (c == '<' && !quoted) {
        angled = true;
      } else if (c == '>' && !quoted) {
        angled = false;
      }
      if (!quoted && !angled && (c == ',' || c == ';' || c == '\n' || c == '\r')) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * The draft: the start is the day and time read in the chosen zone (the viewer's when the zone is not one),
   * the end that plus the duration. Missing or malformed parts go on as blanks or as typed, so that the use
   * case names them.
   */
  MeetingDraft draft(MeetingDraft base, List<Member> team, ZoneId fallbackZone) {
    ZoneId zone = TimeZones.parse(timezone).orElse(fallbackZone);
    String start = null;
    String end = null;
    Instant startAt = startInstant(zone);
    if (startAt != null) {
      start = startAt.toString();
      Integer minutes = durationMinutes();
      end = minutes == null ? null : startAt.plusSeconds(60L * minutes).toString();
    } else if (blank(date) != null && blank(time) != null) {
      start = date.strip() + "T" + time.strip(); // as typed: the use case says what is wrong with it
    }
    return base.withTitle(title).withDescription(description).withTimes(start, end).withTimezone(timezone)
        .withPlace(locationType, location, meetingUrl).withAttendees(attendees(team))
        .withReminderMinutes(blank(reminderMinutes));
  }

  @Nullable Instant startInstant(ZoneId zone) {
    try {
      if (blank(date) == null || blank(time) == null) {
        return null;
      }
      return LocalDate.parse(date.strip()).atTime(LocalTime.parse(time.strip())).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  @Nullable Integer durationMinutes() {
    return minutes(duration);
  }

  /** A positive number of minutes as typed; anything else is {@literal null}. */
  static @Nullable Integer minutes(@Nullable String raw) {
    try {
      int minutes = Integer.parseInt(Objects.requireNonNullElse(blank(raw), ""));
      return minutes > 0 ? minutes : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** What the meeting is about, for the use case. */
  MeetingLinks links() {
    String a = blank(about);
    String type = null;
    String id = null;
    if (a != null) {
      int colon = a.indexOf(':');
      type = colon < 0 ? a : a.substring(0, colon);
      id = colon < 0 ? "" : a.substring(colon + 1);
    }
    boolean aboutDeal = "deal".equals(type);
    return new MeetingLinks(null, type, id, aboutDeal ? null : blank(dealId));
  }

  /**
   * The use case's field errors on this form's fields: the start on the day and time, the end on the
   * duration, an attendee on the members or the people typed, the record on "about".
   */
  Map<String, String> errors(Map<String, String> fromUseCase) {
    var errors = new LinkedHashMap<String, String>();
    int ticked = members.size();
    fromUseCase.forEach((field, message) -> {
      String target = switch (field) {
        case "startTime" -> "start";
        case "endTime" -> "duration";
        case "entityType", "entityId", "dealId" -> "about";
        case "attendees" -> "guests";
        default -> {
          if (field.startsWith("attendees[")) {
            int i = Integer.parseInt(field.substring("attendees[".length(), field.indexOf(']')));
            yield i < ticked ? "members" : "guests";
          }
          yield field;
        }
      };
      errors.putIfAbsent(target, message);
    });
    if (errors.containsKey("duration") && durationMinutes() == null && startInstant(ZoneId.of("UTC")) != null) {
      errors.put("duration", "Choose how long it lasts.");
    }
    return errors;
  }

  /** The form as typed, for showing it again. */
  Map<String, Object> values() {
    var map = new LinkedHashMap<String, Object>();
    map.put("title", Objects.requireNonNullElse(title, ""));
    map.put("date", Objects.requireNonNullElse(date, ""));
    map.put("time", Objects.requireNonNullElse(time, ""));
    map.put("duration", Objects.requireNonNullElse(duration, ""));
    map.put("timezone", Objects.requireNonNullElse(timezone, ""));
    map.put("locationType", Objects.requireNonNullElse(locationType, "virtual"));
    map.put("location", Objects.requireNonNullElse(location, ""));
    map.put("meetingUrl", Objects.requireNonNullElse(meetingUrl, ""));
    map.put("members", members);
    map.put("guests", Objects.requireNonNullElse(guests, ""));
    map.put("about", Objects.requireNonNullElse(about, ""));
    map.put("dealId", Objects.requireNonNullElse(dealId, ""));
    map.put("reminderMinutes", Objects.requireNonNullElse(reminderMinutes, ""));
    map.put("description", Objects.requireNonNullElse(description, ""));
    map.put("version", Objects.requireNonNullElse(version, ""));
    return map;
  }

  /** The durations to offer: the usual ones, and this meeting's own if it is another. */
  List<Option> durationOptions() {
    return durationOptions(durationMinutes());
  }

  static List<Option> durationOptions(@Nullable Integer current) {
    var options = new ArrayList<Option>();
    var minutes = new java.util.TreeSet<>(DURATIONS);
    if (current != null) {
      minutes.add(current);
    }
    minutes.forEach(m -> options.add(new Option(String.valueOf(m), durationLabel(m))));
    return options;
  }

  /** The reminders to offer: none, the usual ones, and this meeting's own if it is another. */
  List<Option> reminderOptions() {
    var options = new ArrayList<Option>();
    options.add(new Option("", "No reminder"));
    var minutes = new java.util.TreeSet<>(REMINDERS);
    try {
      if (blank(reminderMinutes) != null) {
        minutes.add(Integer.parseInt(reminderMinutes.strip()));
      }
    } catch (NumberFormatException e) {
      // Shown again as typed would not fit a select: the usual options only.
    }
    minutes.forEach(m -> options.add(new Option(String.valueOf(m), reminderLabel(m))));
    return options;
  }

  record Option(String value, String label) {}

  /** "30 min", "1 h", "1 h 30 min", "8 h", "2 days". */
  static String durationLabel(int minutes) {
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes % 1440 == 0) {
      return minutes / 1440 + (minutes == 1440 ? " day" : " days");
    }
    return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
  }

  /** "5 min before", "1 hour before", "1 day before", "When it starts". */
  static String reminderLabel(int minutes) {
    if (minutes == 0) {
      return "When it starts";
    }
    if (minutes % 1440 == 0) {
      return minutes / 1440 + (minutes == 1440 ? " day" : " days") + " before";
    }
    if (minutes % 60 == 0) {
      return minutes / 60 + (minutes == 60 ? " hour" : " hours") + " before";
    }
    return minutes + " min before";
  }
}
