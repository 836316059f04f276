package com.orbitcrm.timeline.web;

import com.orbitcrm.platform.RecordRef;

import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.web.FormErrors;
import com.orbitcrm.platform.web.HxTrigger;
import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.timeline.ActivityType;
import com.orbitcrm.timeline.Note;
import com.orbitcrm.timeline.app.NoteService;
import com.orbitcrm.timeline.app.TimelineService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxReswap;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Timeline and Notes sections of the client page and the deal modal: the feed with type chips and
 * "load older", the quick log form whose fields follow the chosen type, and notes added, pinned,
 * coloured, edited in place and deleted with undo. Each answers the section it changed.
 */
@Controller
class TimelinePagesController {

  private final TimelineService timeline;
  private final NoteService notes;
  private final TimelineModels models;

  TimelinePagesController(TimelineService timeline, NoteService notes, TimelineModels models) {
    this.timeline = timeline;
    this.notes = notes;
    this.models = models;
  }

  // ---- Timeline -----------------------------------------------------------------------------------

  @GetMapping("/timeline/{entityType}/{entityId}")
  String timeline(@PathVariable String entityType, @PathVariable String entityId,
                  @RequestParam(defaultValue = "") String type, @RequestParam(required = false) @Nullable String cursor,
                  Model model) {
    RecordRef entity = models.entity(entityType, entityId);
    if (cursor != null && !cursor.isBlank()) {
      CreatedCursor after = CreatedCursor.decode(cursor).orElseThrow(() ->
          InvalidInputException.of("cursor", "is not a place in this timeline"));
      model.addAttribute("timeline", models.feed(entity, type, after, "note", Map.of(), Map.of(), null));
      return "timeline/sections :: older";
    }
    model.addAttribute("timeline", models.feed(entity, type, null, "note", Map.of(), Map.of(), null));
    return "timeline/sections :: timeline";
  }

  /** The quick log form's type-specific fields. */
  @GetMapping("/timeline/{entityType}/{entityId}/fields")
  String fields(@PathVariable String entityType, @PathVariable String entityId,
                @RequestParam(defaultValue = "note") String activityType, Model model) {
    RecordRef entity = models.entity(entityType, entityId);
    model.addAttribute("timeline", new TimelineModels.Feed(entity, TimelineModels.key(entity), "", List.of(), null,
        loggable(activityType), Map.of(), Map.of(), null));
    return "timeline/sections :: log-fields";
  }

  @PostMapping("/timeline/{entityType}/{entityId}")
  String log(@PathVariable String entityType, @PathVariable String entityId, @ModelAttribute LogForm form,
             Model model, HtmxResponse htmx, HttpServletResponse response) {
    RecordRef entity = models.entity(entityType, entityId);
    String type = loggable(form.activityType());
    try {
      var activity = type.equals("email") ? timeline.log(entity, form.draft(type), form.tracksOpens(), form.links())
          : timeline.log(entity, form.draft(type), false, List.of());
      HxTrigger.toast(htmx, activity.type().label() + " logged.");
      model.addAttribute("timeline", models.feed(entity, "", null, type, Map.of(), Map.of(), activity.id().toString()));
    } catch (InvalidInputException e) {
      response.setStatus(422);
      Map<String, String> errors = new HashMap<>(FormErrors.of(e));
      if (errors.containsKey("callDuration")) {
        errors.put("callMinutes", errors.remove("callDuration"));
      }
      model.addAttribute("timeline", models.feed(entity, "", null, type, form.values(), errors, null));
    }
    return "timeline/sections :: timeline";
  }

  // ---- Notes --------------------------------------------------------------------------------------

  @GetMapping("/notes/{entityType}/{entityId}")
  String notes(@PathVariable String entityType, @PathVariable String entityId, Model model) {
    model.addAttribute("notesSection", models.notes(models.entity(entityType, entityId), Map.of(), Map.of(), null,
        false));
    return "timeline/sections :: notes";
  }

  @PostMapping("/notes/{entityType}/{entityId}")
  String addNote(@PathVariable String entityType, @PathVariable String entityId, @ModelAttribute NoteForm form,
                 Model model, HtmxResponse htmx, HttpServletResponse response) {
    RecordRef entity = models.entity(entityType, entityId);
    try {
      notes.create(entity, form.content(), form.pin(), form.color());
      HxTrigger.toast(htmx, "Note added.");
      model.addAttribute("notesSection", models.notes(entity, Map.of(), Map.of(), null, false));
    } catch (InvalidInputException e) {
      response.setStatus(422);
      model.addAttribute("notesSection", models.notes(entity, form.values(), FormErrors.of(e), null, false));
    }
    return "timeline/sections :: notes";
  }

  @GetMapping("/note/{id}/edit")
  String editNote(@PathVariable String id, Model model) {
    Note note = notes.get(TimelineApiController.noteId(id));
    model.addAttribute("n", models.note(note));
    model.addAttribute("errors", Map.of());
    model.addAttribute("content", note.content());
    return "timeline/sections :: note-edit";
  }

  @GetMapping("/note/{id}")
  String note(@PathVariable String id, Model model) {
    Note note = notes.get(TimelineApiController.noteId(id));
    model.addAttribute("n", models.note(note));
    model.addAttribute("notesSection", models.notes(note.entity(), Map.of(), Map.of(), null, false));
    return "timeline/sections :: note";
  }

  @PostMapping("/note/{id}")
  String saveNote(@PathVariable String id, @ModelAttribute NoteForm form, Model model, HtmxResponse htmx,
                  HttpServletResponse response) {
    UUID noteId = TimelineApiController.noteId(id);
    try {
      Note note = notes.update(noteId, form.content() == null ? "" : form.content(), null, null, form.versionValue());
      return section(model, note, null, false);
    } catch (InvalidInputException | ConflictException e) {
      // The note's edit form stays where it was, with the reason under it.
      response.setStatus(e instanceof ConflictException ? 409 : 422);
      htmx.setRetarget("#note-" + noteId);
      htmx.setReswap(HtmxReswap.outerHtml());
      model.addAttribute("n", models.note(notes.get(noteId)));
      model.addAttribute("errors", e instanceof InvalidInputException invalid ? FormErrors.of(invalid)
          : Map.of("content", e.getMessage()));
      model.addAttribute("content", form.content());
      return "timeline/sections :: note-edit";
    }
  }

  @PostMapping("/note/{id}/pin")
  String pin(@PathVariable String id, Model model) {
    Note current = notes.get(TimelineApiController.noteId(id));
    return section(model, notes.update(current.id(), null, !current.pinned(), null, null), null, false);
  }

  @PostMapping("/note/{id}/color")
  String color(@PathVariable String id, @RequestParam String color, Model model) {
    return section(model, notes.update(TimelineApiController.noteId(id), null, null, color, null), null, false);
  }

  @PostMapping("/note/{id}/delete")
  String deleteNote(@PathVariable String id, Model model) {
    Note deleted = notes.delete(TimelineApiController.noteId(id));
    return section(model, deleted, deleted.id().toString(), false);
  }

  @PostMapping("/note/{id}/restore")
  String restoreNote(@PathVariable String id, Model model) {
    return section(model, notes.restore(TimelineApiController.noteId(id)), null, true);
  }

  private String section(Model model, Note note, @Nullable String undo, boolean restored) {
    model.addAttribute("notesSection", models.notes(note.entity(), Map.of(), Map.of(), undo, restored));
    return "timeline/sections :: notes";
  }

  // ---- Helpers ------------------------------------------------------------------------------------

  private static String loggable(@Nullable String raw) {
    String key = raw == null ? "note" : raw.strip().toLowerCase(Locale.ROOT);
    return ActivityType.of(key).filter(ActivityType::userMayLog).map(ActivityType::key).orElse("note");
  }
}
