package com.orbitcrm.deals;

/**
 * How many deals first reached a step of the pipeline in some days ({@link Reached}): the funnel's count
 * for that step.
 */
public record StageReach(String stage, long deals) {}
