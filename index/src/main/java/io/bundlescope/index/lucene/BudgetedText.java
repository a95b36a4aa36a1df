package io.bundlescope.index.lucene;

import io.bundlescope.index.InvalidQueryException;

/**
 * A message as a CharSequence that fails once a deadline has passed. {@link java.util.regex}
 * reads its input only through {@link #charAt}, so a catastrophically backtracking pattern
 * stops within a few thousand steps of the deadline instead of running for hours.
 */
final class BudgetedText implements CharSequence {
  private static final int CHECK_EVERY = 4096;

  private final CharSequence text;
  private final Deadline deadline;

  BudgetedText(CharSequence text, Deadline deadline) {
    this.text = text;
    this.deadline = deadline;
  }

  @Override
  public char charAt(int index) {
    deadline.tick();
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new BudgetedText(text.subSequence(start, end), deadline);
  }

  @Override
  public String toString() {
    return text.toString();
  }

  /** One query's time budget for its regex, shared by every message it tests. */
  static final class Deadline {
    private final long budgetNanos;
    private final long endNanos;
    private int steps;

    Deadline(long budgetNanos) {
      this.budgetNanos = budgetNanos;
      this.endNanos = System.nanoTime() + budgetNanos;
    }

    /** Counts a step; every {@value #CHECK_EVERY} steps compares the clock. */
    void tick() {
      if (++steps % CHECK_EVERY == 0) check();
    }

    /**
     * @throws InvalidQueryException (param {@code regex}) once the budget is spent
     */
    void check() {
      if (System.nanoTime() - endNanos > 0) {
        throw new InvalidQueryException("regex", "the regex ran out of its time budget ("
            + budgetNanos / 1_000_000 + " ms): narrow the search with other filters or simplify the regex");
      }
    }
  }
}
