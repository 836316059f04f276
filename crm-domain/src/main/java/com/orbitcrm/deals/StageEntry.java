package com.orbitcrm.deals;

import java.time.Instant;

/** A deal entered a stage: at creation, or by a move. The history the funnel is counted from. */
public record StageEntry(DealId deal, PipelineId pipeline, String stage, Instant at) {}
