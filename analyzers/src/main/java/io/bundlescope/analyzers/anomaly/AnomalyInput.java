package io.bundlescope.analyzers.anomaly;

import io.bundlescope.index.TemplateNodeCounts;
import java.util.List;
import java.util.Set;

/**
 * A bundle's statistics, the scorer's whole input.
 *
 * @param pairs per (template, node): count, levels, counts per slot (all pairs on the same slots)
 * @param newTemplates the templates first mined in this bundle on this node's library
 * @param originMicros start of slot 0
 * @param slotMicros width of a slot
 */
public record AnomalyInput(List<TemplateNodeCounts> pairs, Set<Long> newTemplates, long originMicros,
    long slotMicros) {}
