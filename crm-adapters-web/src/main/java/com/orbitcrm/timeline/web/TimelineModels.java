package com.orbitcrm.timeline.web;

import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.web.PublicUrl;

import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.app.MemberService;
import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.timeline.ActivityPage;
import com.orbitcrm.timeline.ActivityType;
import com.orbitcrm.timeline.CallOutcome;
import com.orbitcrm.timeline.Note;
import com.orbitcrm.timeline.NoteColor;
import com.orbitcrm.timeline.app.EmailTrackingService;
import com.orbitcrm.timeline.app.NoteService;
import com.orbitcrm.timeline.app.TimelineService;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Builds what the Timeline and Notes sections render, under one model attribute each
 * ({@code timeline}, {@code notesSection}), so they sit next to any other section on a page without
 * their names clashing.
 */
@Component
class TimelineModels {

  static final int PAGE = 15;

  private final TimelineService timeline;
  private final NoteService notes;
  private final MemberService members;
  private final EmailTrackingService tracking;
  private final PublicUrl publicUrl;
  private final Clock clock;

  TimelineModels(TimelineService timeline, NoteService notes, MemberService members, EmailTrackingService tracking,
                 PublicUrl publicUrl, Clock clock) {
    this.timeline = timeline;
    this.notes = notes;
    this.members = members;
    this.tracking = tracking;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  /** A record named in a section's path; malformed or unknown is a 404. */
  RecordRef entity(String type, String id) {
    return timeline.entityInPath(type, id);
  }

  /** The feed (a page of it) and the quick log form. */
  record Feed(RecordRef entity, String key, String filter, List<ActivityView> items, @Nullable String olderUrl,
              String logType, Map<String, String> form, Map<String, String> errors, @Nullable String justLogged) {

    public List<ActivityType> types() {
      return List.of(ActivityType.values());
    }

    public List<ActivityType> loggable() {
      return ActivityType.loggable();
    }

    public List<CallOutcome> outcomes() {
      return List.of(CallOutcome.values());
    }

    public String logLabel() {
      return ActivityType.of(logType).map(ActivityType::label).orElse("Note");
    }

    public String base() {
      return "/timeline/" + entity.type().key() + "/" + entity.id();
    }
  }

  record NotesModel(RecordRef entity, String key, List<NoteView> notes, Map<String, String> form,
                    Map<String, String> errors, @Nullable String undoNote, boolean restored) {

    public List<NoteColor> colors() {
      return List.of(NoteColor.values());
    }

    public String base() {
      return "/notes/" + entity.type().key() + "/" + entity.id();
    }
  }

  Feed feed(RecordRef entity, String type, @Nullable CreatedCursor after, String logType, Map<String, String> form,
            Map<String, String> errors, @Nullable String justLogged) {
    String filter = type.isBlank() ? null : type.strip().toLowerCase(Locale.ROOT);
    ActivityPage page = timeline.page(entity, filter, after, PAGE);
    Map<UserId, String> names = names();
    var now = clock.instant();
    String key = key(entity);
    String base = publicUrl.base();
    String older = page.next() == null ? null : "/timeline/" + entity.type().key() + "/" + entity.id()
        + "?cursor=" + page.next().encode() + (filter == null ? "" : "&type=" + filter);
    return new Feed(entity, key, filter == null ? "" : filter, page.items().stream()
        .map(a -> ActivityView.of(a, a.createdBy() == null ? null : names.get(a.createdBy()), now, tracking, base))
        .toList(),
        older, logType, form, errors, justLogged);
  }

  NotesModel notes(RecordRef entity, Map<String, String> form, Map<String, String> errors, @Nullable String undoNote,
                   boolean restored) {
    Map<UserId, String> names = names();
    var now = clock.instant();
    return new NotesModel(entity, key(entity), notes.of(entity).stream()
        .map(n -> NoteView.of(n, n.createdBy() == null ? null : names.get(n.createdBy()), notes.mayChange(n), now))
        .toList(), form, errors, undoNote, restored);
  }

  NoteView note(Note note) {
    return NoteView.of(note, note.createdBy() == null ? null : names().get(note.createdBy()), notes.mayChange(note),
        clock.instant());
  }

  /** "deal-…": unique per entity, so a deal's sections in a modal never collide with its client's. */
  static String key(RecordRef entity) {
    return entity.type().key() + "-" + entity.id();
  }

  private Map<UserId, String> names() {
    Map<UserId, String> names = new HashMap<>();
    for (Member m : members.members()) {
      names.put(m.user(), m.name());
    }
    return names;
  }
}
