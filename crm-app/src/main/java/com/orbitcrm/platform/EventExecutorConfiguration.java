package com.orbitcrm.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Where module events are handled: {@code @ApplicationModuleListener}s run asynchronously after their publisher's
 * commit, here on a few threads with a queue for the rest. Spring Boot's default with virtual threads starts one
 * thread per event without limit, and a burst of events (the demo data, a bulk change) then asked for more database
 * connections than the pool holds: 168 listeners waited on a pool of 20, and requests timed out after 30 s
 * waiting for a connection. With {@code orbit.events.threads} (4) a burst only queues; a publisher never waits; an
 * event not handled before a crash is redelivered from {@code event_publication} by housekeeping.
 */
@Configuration(proxyBeanMethods = false)
class EventExecutorConfiguration {

  @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
  ThreadPoolTaskExecutor applicationTaskExecutor(@Value("${orbit.events.threads:4}") int threads) {
    var executor = new ThreadPoolTaskExecutor();
    executor.setThreadNamePrefix("event-");
    executor.setCorePoolSize(threads);
    executor.setMaxPoolSize(threads);
    executor.setQueueCapacity(Integer.MAX_VALUE);
    // A stop lets the events in hand finish (graceful shutdown is 20 s); the queued rest is redelivered later.
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(15);
    return executor;
  }
}
