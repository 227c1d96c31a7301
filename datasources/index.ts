// Every data source the stack's content queries. A file not listed here is never rendered (a test checks).
import alertmanager from './alertmanager.ts';
import loki from './loki.ts';
import prometheus from './prometheus.ts';
import tempo from './tempo.ts';

export default [prometheus, loki, tempo, alertmanager];
