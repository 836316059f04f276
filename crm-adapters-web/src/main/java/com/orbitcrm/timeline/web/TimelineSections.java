package com.orbitcrm.timeline.web;

import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.platform.Records;
import com.orbitcrm.platform.web.EntitySection;
import com.orbitcrm.tenancy.TenantContext;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.ui.Model;

/**
 * The Notes and Timeline sections, on the page of every record type some module answers for (the client
 * page and the deal modal today). Notes come first (pinned ones are what you want to see), then the
 * timeline.
 */
@Configuration(proxyBeanMethods = false)
class TimelineSections {

  /** Tasks first: what is left to do on the record. */
  @Bean
  EntitySection tasksSection(TaskModels tasks, Records records) {
    return new Section(records, 15, "tasks", "timeline/tasks", "record-tasks", (record, model) -> model.addAttribute("tasks",
        tasks.ofRecord(record, Map.of(), Map.of(), TenantContext.require().user())));
  }

  @Bean
  EntitySection notesSection(TimelineModels models, Records records) {
    return new Section(records, 20, "notes", "timeline/sections", "notes",
        (record, model) -> model.addAttribute("notesSection", models.notes(record, Map.of(), Map.of(), null, false)));
  }

  @Bean
  EntitySection timelineSection(TimelineModels models, Records records) {
    return new Section(records, 30, "timeline", "timeline/sections", "timeline", (record, model) -> model.addAttribute("timeline",
        models.feed(record, "", null, "note", Map.of(), Map.of(), null)));
  }

  /** One section of {@code timeline/sections.html}, for any record type. */
  record Section(Records records, int order, String name, String template, String fragment,
                 BiConsumer<RecordRef, Model> fill) implements EntitySection {

    @Override
    public boolean appliesTo(RecordType type) {
      return records.types().contains(type);
    }


    @Override
    public void populate(RecordRef record, Model model) {
      fill.accept(record, model);
    }
  }
}
