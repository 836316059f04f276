package archfixtures.persistence;

/** Planted for ArchitectureTests: a persistence adapter. */
public class SomeAdapter {}
