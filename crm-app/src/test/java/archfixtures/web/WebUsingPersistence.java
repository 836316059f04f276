package archfixtures.web;

import archfixtures.persistence.SomeAdapter;

/** Planted for ArchitectureTests: a controller that uses a persistence adapter directly. */
public class WebUsingPersistence {
  SomeAdapter adapter;
}
