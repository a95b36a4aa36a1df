// Records over time as bars (errors and fatals drawn over them in red), with a brush: dragging
// across the chart selects a time range, which the page puts into the URL as
// start_time/end_time, so the chart zooms into it and the table, the facets and the link follow.

import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface TimeBins {
  /** start of each bin, seconds since the epoch (uPlot's time unit) */
  start: number[];
  count: number[];
  /** ERROR and FATAL records of each bin */
  errors: number[];
}

interface Props {
  bins: TimeBins;
  /** the dragged range in microseconds */
  onSelect: (startMicros: number, endMicros: number) => void;
  height?: number;
}

export function TimeHistogram({ bins, onSelect, height = 110 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const el = box.current!;
    const bars = uPlot.paths.bars!({ size: [0.9, 64] });
    const opts: uPlot.Options = {
      width: el.clientWidth || 600,
      height,
      legend: { show: false },
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
      scales: { x: { time: true } },
      axes: [{}, { size: 60 }],
      series: [
        {},
        { label: 'records', fill: 'rgba(60, 120, 200, 0.55)', stroke: 'rgb(60, 120, 200)', paths: bars, points: { show: false } },
        { label: 'errors', fill: 'rgba(200, 40, 40, 0.75)', stroke: 'rgb(200, 40, 40)', paths: bars, points: { show: false } },
      ],
      hooks: {
        setSelect: [
          u => {
            if (u.select.width < 2) return;
            const from = u.posToVal(u.select.left, 'x');
            const to = u.posToVal(u.select.left + u.select.width, 'x');
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            select.current(Math.floor(from * 1e6), Math.ceil(to * 1e6));
          },
        ],
      },
    };
    const u = new uPlot(opts, [bins.start, bins.count, bins.errors], el);
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
    plot.current?.setData([bins.start, bins.count, bins.errors]);
  }, [bins]);

  return <div class="time-histogram-plot" ref={box} />;
}
