package com.orbitcrm.platform.web;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #assets} in every template, on every page (error pages included): {@code @{${#assets.url('/css/orbit.css')}}}
 * gives the asset's content-hashed URL ({@link Assets}). An expression object rather than a bean reference, which
 * Thymeleaf refuses inside link expressions.
 */
@Component
class AssetsDialect extends AbstractDialect implements IExpressionObjectDialect {

  private final Assets assets;

  AssetsDialect(Assets assets) {
    super("orbit-assets");
    this.assets = assets;
  }

  @Override
  public IExpressionObjectFactory getExpressionObjectFactory() {
    return new IExpressionObjectFactory() {
      @Override
      public Set<String> getAllExpressionObjectNames() {
        return Set.of("assets");
      }

      @Override
      public Object buildObject(IExpressionContext context, String name) {
        return assets;
      }

      @Override
      public boolean isCacheable(String name) {
        return true;
      }
    };
  }
}
