package io.bundlescope.index;

/** A matched part of a message: char offsets [start, end). */
public record TextSpan(int start, int end) {}
