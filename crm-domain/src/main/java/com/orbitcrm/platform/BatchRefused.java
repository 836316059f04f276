package com.orbitcrm.platform;

import java.util.List;

/**
 * An atomic batch with at least one refused item: nothing of it was written (the transaction rolls back on this
 * exception). Answered with 400 and every item's result, so the caller sees all the problems at once.
 */
public class BatchRefused extends RuntimeException {

  private final List<BatchItemResult> results;

  public BatchRefused(List<BatchItemResult> results) {
    super(results.stream().filter(r -> !r.ok()).count() + " of " + results.size()
        + " items were refused, so none was written (atomic batch)");
    this.results = List.copyOf(results);
  }

  public List<BatchItemResult> results() {
    return results;
  }
}
