package com.orbitcrm.deals;

import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import java.util.List;

/**
 * A deal may not enter {@code stage} yet: it lacks the fields named by the violations (the stage's
 * {@link EntryRequirements}, or a lost reason). A 400 naming them on the API; the board asks for just those.
 */
public class EntryRefused extends InvalidInputException {

  private final Stage stage;

  public EntryRefused(Stage stage, List<FieldViolation> missing) {
    super(missing);
    this.stage = stage;
  }

  public Stage stage() {
    return stage;
  }

  /** The fields asked for, in the stage's order. */
  public List<String> fields() {
    return violations().stream().map(FieldViolation::field).toList();
  }
}
