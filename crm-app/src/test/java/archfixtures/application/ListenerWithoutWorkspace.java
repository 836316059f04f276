package archfixtures.application;

import org.springframework.transaction.event.TransactionalEventListener;

/** Planted for ArchitectureTests: a transactional listener whose event does not say which workspace. */
public class ListenerWithoutWorkspace {

  @TransactionalEventListener
  void on(String somethingHappened) {
    // nothing
  }
}
