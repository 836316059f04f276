package com.orbitcrm.timeline.web;

import com.orbitcrm.platform.web.EntitySection;
import com.orbitcrm.timeline.EntityRef;
import com.orbitcrm.timeline.EntityType;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.ui.Model;

/** The Timeline and Notes sections, on the client page and in the deal modal. */
@Configuration(proxyBeanMethods = false)
class TimelineSections {

  @Bean
  EntitySection clientTimeline(TimelineModels models) {
    return new Timeline(EntityType.CLIENT, models);
  }

  @Bean
  EntitySection dealTimeline(TimelineModels models) {
    return new Timeline(EntityType.DEAL, models);
  }

  @Bean
  EntitySection clientNotes(TimelineModels models) {
    return new Notes(EntityType.CLIENT, models);
  }

  @Bean
  EntitySection dealNotes(TimelineModels models) {
    return new Notes(EntityType.DEAL, models);
  }

  /** Notes come first (pinned ones are what you want to see), then the timeline. */
  record Notes(EntityType type, TimelineModels models) implements EntitySection {
    @Override
    public String entityType() {
      return type.key();
    }

    @Override
    public int order() {
      return 20;
    }

    @Override
    public String template() {
      return "timeline/sections";
    }

    @Override
    public String fragment() {
      return "notes";
    }

    @Override
    public void populate(UUID entityId, Model model) {
      model.addAttribute("notesSection", models.notes(new EntityRef(type, entityId), Map.of(), Map.of(), null, false));
    }
  }

  record Timeline(EntityType type, TimelineModels models) implements EntitySection {
    @Override
    public String entityType() {
      return type.key();
    }

    @Override
    public int order() {
      return 30;
    }

    @Override
    public String template() {
      return "timeline/sections";
    }

    @Override
    public String fragment() {
      return "timeline";
    }

    @Override
    public void populate(UUID entityId, Model model) {
      model.addAttribute("timeline", models.feed(new EntityRef(type, entityId), "", null, "note", Map.of(), Map.of(),
          null));
    }
  }
}
