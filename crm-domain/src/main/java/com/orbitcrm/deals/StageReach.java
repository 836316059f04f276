package com.orbitcrm.deals;

/**
 * How many deals, of those that entered a stage within some time, got as far as {@code stage} (their
 * furthest stage, by position, not counting lost stages).
 */
public record StageReach(String stage, long deals) {}
