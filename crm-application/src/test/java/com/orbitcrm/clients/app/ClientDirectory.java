package com.orbitcrm.clients.app;

import com.orbitcrm.clients.port.Clients;
import com.orbitcrm.platform.RecordDirectory;

/** The real {@link ClientRecords} over a test's {@link Clients}, for the {@code Records} seam of other modules' tests. */
public final class ClientDirectory {

  private ClientDirectory() {}

  public static RecordDirectory over(Clients clients) {
    return new ClientRecords(clients);
  }
}
