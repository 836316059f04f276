package com.orbitcrm.demo;

/** The demo logins, as written in the README. */
public final class DemoAccounts {
  private DemoAccounts() {}

  public static final String WORKSPACE = "Northwind Traders";
  public static final String SECOND_WORKSPACE = "Globex Labs";
  /** Northwind's calendar: the dashboard's "this month" is New York's. */
  public static final String TIME_ZONE = "America/New_York";

  public static final String OWNER_EMAIL = "demo@orbitcrm.dev";
  public static final String OWNER_PASSWORD = "orbit-demo-2026";
  public static final String OWNER_NAME = "Dana Demo";

  public static final String MEMBER_EMAIL = "sam@orbitcrm.dev";
  public static final String MEMBER_PASSWORD = "orbit-sam-2026";
  public static final String MEMBER_NAME = "Sam Rivera";

  public static final String VIEWER_EMAIL = "viewer@orbitcrm.dev";
  public static final String VIEWER_PASSWORD = "orbit-viewer-2026";
  public static final String VIEWER_NAME = "Vic Viewer";

  static final String GLOBEX_EMAIL = "hank@globex.example";
  static final String GLOBEX_PASSWORD = "orbit-globex-2026";
  static final String GLOBEX_NAME = "Hank Scorpio";
}
