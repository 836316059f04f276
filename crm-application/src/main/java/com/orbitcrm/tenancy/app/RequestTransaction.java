package com.orbitcrm.tenancy.app;

import com.orbitcrm.tenancy.TenantContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One read-only transaction around a whole request that may not change data (a GET), opened once its
 * workspace is known: the use cases it calls join it instead of each taking a connection, setting the
 * workspace and committing on its own (a board page ran twelve transactions). Read-only, so the database
 * itself refuses a write during a GET. Work that acts in another scope meanwhile (an RSVP link acting for
 * the invitation's workspace) gets its own transaction from the transaction manager.
 *
 * <p>A use case that fails inside it (a 404, a refused filter answered as a form error) marks it
 * rollback-only; the request still answers as it decided, and the transaction ends without an error —
 * it wrote nothing to lose.
 */
@Component
public class RequestTransaction {

  /** The request's work, which may throw what the servlet API throws. */
  @FunctionalInterface
  public interface Work<E extends Exception> {
    void run() throws E;
  }

  private final TransactionTemplate template;

  RequestTransaction(PlatformTransactionManager transactions) {
    this.template = new TransactionTemplate(transactions);
    template.setReadOnly(true);
    template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    template.setName("request");
  }

  /** Runs {@code work} in one read-only transaction in the current workspace. */
  public <E extends Exception> void readOnly(Work<E> work) throws E {
    TenantContext.require();
    try {
      template.executeWithoutResult(status -> {
        try {
          work.run();
        } catch (RuntimeException | Error e) {
          throw e;
        } catch (Exception e) {
          throw new Checked(e);
        }
        if (status.isRollbackOnly()) {
          status.setRollbackOnly();
        }
      });
    } catch (Checked e) {
      @SuppressWarnings("unchecked")
      E cause = (E) e.getCause();
      throw cause;
    }
  }

  /** Carries a checked exception out of the transaction callback (which rolls back on it). */
  private static final class Checked extends RuntimeException {
    Checked(Exception cause) {
      super(null, cause, false, false);
    }
  }
}
