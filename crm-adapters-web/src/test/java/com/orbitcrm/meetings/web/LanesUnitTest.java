package com.orbitcrm.meetings.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanesUnitTest {

  /** A meeting of a day column: wall-clock minutes. */
  record M(String name, long start, long end) {}

  private static List<String> layout(M... meetings) {
    return Lanes.layout(List.of(meetings), M::start, M::end).stream()
        .map(p -> p.item().name() + " " + p.lane() + "/" + p.lanes()).toList();
  }

  @Test
  void aMeetingThatOverlapsNothingTakesTheWholeWidth() {
    assertThat(layout(new M("a", 540, 600))).containsExactly("a 0/1");
    assertThat(layout()).isEmpty();
  }

  @Test
  void meetingsThatTouchDoNotOverlap() {
    assertThat(layout(new M("b", 600, 660), new M("a", 540, 600))).containsExactly("a 0/1", "b 0/1");
  }

  @Test
  void overlappingMeetingsGoSideBySideInStartOrderLongerFirst() {
    assertThat(layout(new M("short", 540, 570), new M("long", 540, 660), new M("later", 555, 600)))
        .containsExactly("long 0/3", "short 1/3", "later 2/3");
  }

  @Test
  void aFreedLaneIsReusedAndTheWholeClusterSharesItsWidth() {
    // a overlaps b and c; b ends before c starts, so c takes b's lane: two lanes for all three.
    assertThat(layout(new M("a", 540, 720), new M("b", 560, 600), new M("c", 600, 650)))
        .containsExactly("a 0/2", "b 1/2", "c 1/2");
  }

  @Test
  void aChainOfOverlapsIsOneClusterAndTheNextMeetingStartsAFreshOne() {
    // a–b overlap, b–c overlap (a and c do not): one cluster of two lanes; d is alone.
    assertThat(layout(new M("a", 540, 600), new M("b", 570, 660), new M("c", 630, 700), new M("d", 800, 830)))
        .containsExactly("a 0/2", "b 1/2", "c 0/2", "d 0/1");
  }

  @Test
  void identicalMeetingsAllGetALane() {
    assertThat(layout(new M("x", 600, 660), new M("y", 600, 660), new M("z", 600, 660)))
        .extracting(s -> s.substring(2)).containsExactlyInAnyOrder("0/3", "1/3", "2/3");
  }
}
