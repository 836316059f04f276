package com.orbitcrm.deals.app;

import com.orbitcrm.deals.BoardFilter;
import com.orbitcrm.deals.ClosedTotal;
import com.orbitcrm.deals.ColumnTotal;
import com.orbitcrm.deals.ForecastTotal;
import com.orbitcrm.deals.MonthlyClosed;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.platform.InvalidInputException;
import java.util.UUID;
import com.orbitcrm.deals.StageReach;
import com.orbitcrm.deals.port.Deals;
import com.orbitcrm.deals.port.Pipelines;
import com.orbitcrm.tenancy.TenantContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sums over the current workspace's live deals that the dashboard and the forecast are made from
 * (the insights module turns them into metrics). Anyone who may read the workspace may read them; each
 * call joins the caller's transaction, so a dashboard reads one consistent picture.
 */
@Service
public class DealFigures {

  private final Deals deals;
  private final Pipelines pipelines;

  DealFigures(Deals deals, Pipelines pipelines) {
    this.deals = deals;
    this.pipelines = pipelines;
  }

  @Transactional(readOnly = true)
  public Pipeline pipeline() {
    var tenant = TenantContext.requireTenant();
    return pipelines.findDefault(tenant).orElseThrow(() ->
        new IllegalStateException("workspace " + tenant + " has no pipeline"));
  }

  /**
   * The pipeline a dashboard filter names ({@code pipelineId}); blank for the default one. One of another
   * workspace, archived or malformed is a 400 on the parameter.
   */
  @Transactional(readOnly = true)
  public Pipeline pipeline(@Nullable String pipelineId) {
    if (pipelineId == null || pipelineId.isBlank()) {
      return pipeline();
    }
    var tenant = TenantContext.requireTenant();
    try {
      return pipelines.find(tenant, new PipelineId(UUID.fromString(pipelineId.strip())))
          .orElseThrow(() -> InvalidInputException.of("pipelineId", "is not a pipeline of this workspace"));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("pipelineId", "is not a pipeline of this workspace");
    }
  }

  /** The workspace's live pipelines in order, for a filter. */
  @Transactional(readOnly = true)
  public List<Pipeline> pipelines() {
    return pipelines.all(TenantContext.requireTenant()).stream().map(Pipelines.Stored::pipeline).toList();
  }

  /** Count, value and weighted value per stage and currency. */
  @Transactional(readOnly = true)
  public List<ColumnTotal> totals(Pipeline pipeline, BoardFilter filter) {
    return deals.totals(TenantContext.requireTenant(), pipeline, filter, null);
  }

  @Transactional(readOnly = true)
  public List<ClosedTotal> closed(Pipeline pipeline, BoardFilter filter, @Nullable LocalDate from,
                                  @Nullable LocalDate to, ZoneId zone) {
    return deals.closed(TenantContext.requireTenant(), pipeline, filter, from, to, zone);
  }

  @Transactional(readOnly = true)
  public List<MonthlyClosed> closedByMonth(Pipeline pipeline, BoardFilter filter, LocalDate from, LocalDate to) {
    return deals.closedByMonth(TenantContext.requireTenant(), pipeline, filter, from, to);
  }

  @Transactional(readOnly = true)
  public List<ForecastTotal> forecast(Pipeline pipeline, BoardFilter filter, LocalDate until) {
    return deals.forecast(TenantContext.requireTenant(), pipeline, filter, until);
  }

  @Transactional(readOnly = true)
  public long openWithoutCloseDate(Pipeline pipeline, BoardFilter filter) {
    return deals.openWithoutCloseDate(TenantContext.requireTenant(), pipeline, filter);
  }

  @Transactional(readOnly = true)
  public List<StageReach> reached(Pipeline pipeline, BoardFilter filter, @Nullable LocalDate from,
                                  @Nullable LocalDate to) {
    return deals.reached(TenantContext.requireTenant(), pipeline, filter, from, to);
  }
}
