package com.orbitcrm.deals;

import java.math.BigDecimal;

/**
 * The deals of one column in one currency: how many, their value and their value weighted by
 * probability. Amounts of different currencies are never added up.
 */
public record ColumnTotal(String stage, String currency, long count, BigDecimal value, BigDecimal weighted) {}
