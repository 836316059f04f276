package com.orbitcrm.deals.jooq;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a read-only transaction has already read, kept for the rest of it: a page's use cases each ask for
 * the workspace's pipelines (the switcher, the member's choice, the board), and within one read-only
 * transaction the answer cannot change. Outside one — or in a transaction that may write — every call reads.
 * Kept as one of the transaction's synchronizations, so a transaction opened inside it (suspending it) starts
 * with none and the outer one finds its own again afterwards.
 */
final class ReadMemo implements TransactionSynchronization {

  private final Map<Object, Object> values = new HashMap<>();

  private ReadMemo() {}

  /** Whether reads are kept now: inside a read-only transaction. */
  static boolean active() {
    return TransactionSynchronizationManager.isSynchronizationActive()
        && TransactionSynchronizationManager.isCurrentTransactionReadOnly();
  }

  @SuppressWarnings("unchecked")
  static <T> T get(Object key, Supplier<T> read) {
    if (!active()) {
      return read.get();
    }
    ReadMemo memo = null;
    for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
      if (s instanceof ReadMemo found) {
        memo = found;
        break;
      }
    }
    if (memo == null) {
      memo = new ReadMemo();
      TransactionSynchronizationManager.registerSynchronization(memo);
    }
    Object value = memo.values.get(key);
    if (value == null) {
      value = read.get();
      memo.values.put(key, value);
    }
    return (T) value;
  }
}
