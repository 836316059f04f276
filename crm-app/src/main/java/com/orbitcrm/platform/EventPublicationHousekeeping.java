package com.orbitcrm.platform;

import java.time.Duration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the event publication registry small: completed publications are kept a week (to look into
 * what was delivered when), then deleted. Incomplete ones are never touched — they are redelivered.
 */
@Component
@EnableScheduling
class EventPublicationHousekeeping {

  static final Duration KEEP = Duration.ofDays(7);

  private final CompletedEventPublications completed;

  EventPublicationHousekeeping(CompletedEventPublications completed) {
    this.completed = completed;
  }

  @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT6H")
  void purgeCompleted() {
    completed.deletePublicationsOlderThan(KEEP);
  }
}
