package com.orbitcrm.meetings.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Overlapping meetings of a day column side by side. Meetings that overlap, directly or through others (a
 * cluster), share the column's width: each gets the first lane that is free at its start, and every
 * meeting of the cluster is drawn {@code 1 / lanes} wide, where {@code lanes} is what the cluster needed.
 * Meetings that overlap nothing take the whole width. Pure: the week view calls it per day.
 */
final class Lanes {

  private Lanes() {}

  /**
   * Where an item goes.
   *
   * @param lane 0 is the leftmost.
   * @param lanes how many lanes its cluster needs (the item is {@code 1 / lanes} of the column wide).
   */
  record Placed<T>(T item, int lane, int lanes) {}

  /**
   * Places {@code items}, each the interval {@code [start, end)}; an item that ends where another starts
   * does not overlap it. Answers them in start order (longer first at the same start).
   */
  static <T> List<Placed<T>> layout(List<T> items, ToLongFunction<T> start, ToLongFunction<T> end) {
    List<T> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.<T>comparingLong(start).thenComparing(Comparator.<T>comparingLong(end).reversed()));
    var placed = new ArrayList<Placed<T>>(sorted.size());
    var clusterItems = new ArrayList<T>();
    var clusterLanes = new ArrayList<Integer>();
    var laneEnds = new ArrayList<Long>();
    long clusterEnd = Long.MIN_VALUE;
    for (T item : sorted) {
      long s = start.applyAsLong(item);
      long e = Math.max(end.applyAsLong(item), s);
      if (s >= clusterEnd && !clusterItems.isEmpty()) {
        flush(placed, clusterItems, clusterLanes, laneEnds.size());
        laneEnds.clear();
      }
      int lane = -1;
      for (int i = 0; i < laneEnds.size(); i++) {
        if (laneEnds.get(i) <= s) {
          lane = i;
          break;
        }
      }
      if (lane < 0) {
        lane = laneEnds.size();
        laneEnds.add(e);
      } else {
        laneEnds.set(lane, e);
      }
      clusterItems.add(item);
      clusterLanes.add(lane);
      clusterEnd = clusterItems.size() == 1 ? e : Math.max(clusterEnd, e);
    }
    if (!clusterItems.isEmpty()) {
      flush(placed, clusterItems, clusterLanes, laneEnds.size());
    }
    return placed;
  }

  private static <T> void flush(List<Placed<T>> placed, List<T> items, List<Integer> lanes, int count) {
    for (int i = 0; i < items.size(); i++) {
      placed.add(new Placed<>(items.get(i), lanes.get(i), count));
    }
    items.clear();
    lanes.clear();
  }
}
