package com.orbitcrm.platform;

import java.util.List;

/** Builds the {@link Records} seam from the directories a test gives it (its constructor is package-private). */
public final class TestRecords {

  private TestRecords() {}

  public static Records of(RecordDirectory... directories) {
    return new Records(List.of(directories));
  }
}
