package com.orbitcrm.timeline.web;

import com.orbitcrm.platform.web.EntitySection;
import com.orbitcrm.timeline.EntityRef;
import com.orbitcrm.timeline.EntityType;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.ui.Model;

/**
 * The Notes and Timeline sections, on the client page and in the deal modal. Notes come first (pinned
 * ones are what you want to see), then the timeline.
 */
@Configuration(proxyBeanMethods = false)
class TimelineSections {

  @Bean
  EntitySection clientNotes(TimelineModels models) {
    return new Section(EntityType.CLIENT, 20, "notes", notes(models));
  }

  @Bean
  EntitySection dealNotes(TimelineModels models) {
    return new Section(EntityType.DEAL, 20, "notes", notes(models));
  }

  @Bean
  EntitySection clientTimeline(TimelineModels models) {
    return new Section(EntityType.CLIENT, 30, "timeline", feed(models));
  }

  @Bean
  EntitySection dealTimeline(TimelineModels models) {
    return new Section(EntityType.DEAL, 30, "timeline", feed(models));
  }

  private static BiConsumer<EntityRef, Model> notes(TimelineModels models) {
    return (entity, model) -> model.addAttribute("notesSection", models.notes(entity, Map.of(), Map.of(), null, false));
  }

  private static BiConsumer<EntityRef, Model> feed(TimelineModels models) {
    return (entity, model) -> model.addAttribute("timeline",
        models.feed(entity, "", null, "note", Map.of(), Map.of(), null));
  }

  /** One section of {@code timeline/sections.html} for one entity type. */
  record Section(EntityType type, int order, String fragment, BiConsumer<EntityRef, Model> fill)
      implements EntitySection {

    @Override
    public String entityType() {
      return type.key();
    }

    @Override
    public String template() {
      return "timeline/sections";
    }

    @Override
    public void populate(UUID entityId, Model model) {
      fill.accept(new EntityRef(type, entityId), model);
    }
  }
}
