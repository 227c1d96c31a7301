import type { StackConfig } from '../stack.config.ts';
import { defineMuteTiming } from '../src/index.ts';

/** The weekly maintenance window: warning and info routes are muted; critical pages still go out. */
export default defineMuteTiming((cfg: StackConfig) => ({
  name: 'stack-maintenance-window',
  timeIntervals: [
    {
      weekdays: [...cfg.maintenance.weekdays],
      times: [{ start_time: cfg.maintenance.startTime, end_time: cfg.maintenance.endTime }],
      location: 'UTC',
    },
  ],
}));
