package com.orbitcrm.timeline.web;

import com.orbitcrm.timeline.Note;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A note as the Notes section shows it: its text as safe HTML, its author, whether you may change it. */
record NoteView(Note note, String id, String html, String author, String when, boolean editable) {

  static NoteView of(Note note, @Nullable String authorName, boolean editable, Instant now) {
    return new NoteView(note, note.id().toString(), SafeMarkdown.toHtml(note.content()),
        authorName != null ? authorName : "A former member", ActivityView.relative(note.createdAt(), now), editable);
  }
}
