// Records over time as bars, with a brush: dragging across the chart selects a time range.
//
// Not mounted yet: the histogram aggregate it draws is the next API slice. To wire it, fetch
// the buckets with the log browser's filters (all but the time range), render this above the
// record table, and pass the page's onTimeRange as onSelect: the range lands in the URL as
// start_time/end_time like the query bar's, so the table, the facets and the link follow.

import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface TimeBins {
  /** start of each bin, seconds since the epoch (uPlot's time unit) */
  start: number[];
  count: number[];
}

interface Props {
  bins: TimeBins;
  /** the selected range in microseconds, drawn as the brush */
  selection: [number, number] | null;
  onSelect: (startMicros: number, endMicros: number) => void;
  height?: number;
}

export function TimeHistogram({ bins, selection, onSelect, height = 120 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const el = box.current!;
    const opts: uPlot.Options = {
      width: el.clientWidth || 600,
      height,
      legend: { show: false },
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
      scales: { x: { time: true } },
      axes: [{}, { size: 60 }],
      series: [
        {},
        { label: 'records', fill: 'rgba(60, 120, 200, 0.55)', stroke: 'rgb(60, 120, 200)', paths: uPlot.paths.bars!({ size: [0.9, 64] }) },
      ],
      hooks: {
        setSelect: [
          u => {
            if (u.select.width < 2) return;
            const from = u.posToVal(u.select.left, 'x');
            const to = u.posToVal(u.select.left + u.select.width, 'x');
            select.current(Math.floor(from * 1e6), Math.ceil(to * 1e6));
          },
        ],
      },
    };
    const u = new uPlot(opts, [bins.start, bins.count], el);
    plot.current = u;
    const observer = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [height]);

  useEffect(() => {
    plot.current?.setData([bins.start, bins.count]);
  }, [bins]);

  useEffect(() => {
    const u = plot.current;
    if (!u) return;
    if (!selection) {
      u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
      return;
    }
    const left = u.valToPos(selection[0] / 1e6, 'x');
    const right = u.valToPos(selection[1] / 1e6, 'x');
    u.setSelect({ left, top: 0, width: Math.max(0, right - left), height: u.bbox.height / devicePixelRatio }, false);
  }, [selection?.[0], selection?.[1], bins]);

  return <div class="time-histogram" ref={box} data-testid="time-histogram" />;
}
