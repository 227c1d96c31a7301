// Folders and dashboards. A content file not reachable from here is reported by validation.
import alertingHealth from './alerting-health.ts';
import alloyPipeline from './alloy-pipeline.ts';
import dataLayer from './data-layer.ts';
import edge from './edge.ts';
import folders from './folders.ts';
import frontend from './frontend.ts';
import infrastructure from './infrastructure.ts';
import overview from './overview.ts';
import serviceRed from './service-red.ts';
import storageBackends from './storage-backends.ts';

export default [
  folders,
  overview,
  serviceRed,
  frontend,
  alloyPipeline,
  storageBackends,
  infrastructure,
  dataLayer,
  edge,
  alertingHealth,
];
