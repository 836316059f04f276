package archfixtures.domain;

import java.util.List;

/** Planted for ArchitectureTests: a domain class as it should be (the rules must not flag it). */
public record PureValue(List<String> parts) {}
