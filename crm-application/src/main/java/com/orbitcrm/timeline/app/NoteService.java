package com.orbitcrm.timeline.app;

import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.Records;
import com.orbitcrm.platform.RestoreWindow;

import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.ForbiddenException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.timeline.Note;
import com.orbitcrm.timeline.NoteColor;
import com.orbitcrm.timeline.port.Notes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes on the workspace's records (clients, deals, …). Everyone reads; members write; a note is changed or
 * deleted by its author or an admin; a deleted note can be restored (undo) for a day.
 */
@Service
public class NoteService {

  public static final int MAX_NOTES = 200;

  private final Notes notes;
  private final Records records;
  private final Clock clock;
  private final org.springframework.context.ApplicationEventPublisher events;

  NoteService(Notes notes, Records records, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
    this.notes = notes;
    this.records = records;
    this.clock = clock;
    this.events = events;
  }

  @Transactional(readOnly = true)
  public List<Note> of(RecordRef entity) {
    var tenant = TenantContext.requireTenant();
    records.require(entity);
    return notes.of(tenant, entity, MAX_NOTES);
  }

  @Transactional(readOnly = true)
  public Note get(UUID id) {
    return notes.find(TenantContext.requireTenant(), id).filter(n -> n.deletedAt() == null)
        .orElseThrow(() -> new NotFoundException("Note"));
  }

  @Transactional
  public Note create(RecordRef entity, @Nullable String content, boolean pinned, @Nullable String color) {
    return create(entity, content, pinned, color, null);
  }

  /** As {@link #create(RecordRef, String, boolean, String)}, written at {@code at} (history; null: now). */
  @Transactional
  public Note create(RecordRef entity, @Nullable String content, boolean pinned, @Nullable String color,
                     @Nullable Instant at) {
    var scope = TenantContext.requireWriter();
    String text = Note.content(content, null);
    NoteColor colour = Note.color(color, NoteColor.DEFAULT);
    records.requireReferenced(entity);
    var now = at == null ? clock.instant() : at;
    var note = new Note(UUID.randomUUID(), scope.tenant(), entity, text, pinned, colour, scope.user(), now, now, null, 0);
    notes.insert(note);
    events.publishEvent(new com.orbitcrm.timeline.NoteAdded(scope.tenant(), note.id(), entity, scope.user(), now));
    return note;
  }

  /** Changes what is given ({@literal null} keeps it). @param expectedVersion {@literal null} skips the check. */
  @Transactional
  public Note update(UUID id, @Nullable String content, @Nullable Boolean pinned, @Nullable String color,
                     @Nullable Integer expectedVersion) {
    var scope = TenantContext.requireWriter();
    Note current = get(id);
    requireAuthor(current);
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw new ConflictException("This note was changed by someone else: reload it and try again");
    }
    Note next = current.edit(Note.content(content, current.content()), pinned == null ? current.pinned() : pinned,
        Note.color(color, current.color()), clock.instant());
    if (!notes.update(next)) {
      throw new ConflictException("This note was changed by someone else: reload it and try again");
    }
    return get(id);
  }

  @Transactional
  public Note delete(UUID id) {
    var scope = TenantContext.requireWriter();
    Note current = get(id);
    requireAuthor(current);
    notes.trash(scope.tenant(), id, clock.instant());
    return current;
  }

  @Transactional
  public Note restore(UUID id) {
    var scope = TenantContext.requireWriter();
    Note note = notes.find(scope.tenant(), id).orElseThrow(() -> new NotFoundException("Note"));
    requireAuthor(note);
    if (note.deletedAt() != null) {
      if (!RestoreWindow.UNDO.open(note.deletedAt(), clock.instant()) || !notes.restore(scope.tenant(), id)) {
        throw new NotFoundException("Note");
      }
    }
    return get(id);
  }

  /** Whether the current user may change {@code note} (its author, or an admin). */
  public boolean mayChange(Note note) {
    var scope = TenantContext.require();
    return scope.role().canWrite() && note.editableBy(scope.user(), scope.role().canAdminister());
  }

  private void requireAuthor(Note note) {
    if (!mayChange(note)) {
      throw new ForbiddenException("Only the note's author or an admin may change it");
    }
  }
}
