// Alert rule groups and everything that routes their notifications. Unlisted files are reported by validation.
import components from './components.ts';
import contactPoints from './contact-points.ts';
import dataLayer from './data-layer.ts';
import edge from './edge.ts';
import frontend from './frontend.ts';
import infrastructure from './infrastructure.ts';
import muteTimings from './mute-timings.ts';
import pipeline from './pipeline.ts';
import routing from './routing.ts';
import services from './services.ts';
import templates from './templates.ts';
import watchdog from './watchdog.ts';

export default [
  templates,
  muteTimings,
  contactPoints,
  routing,
  watchdog,
  services,
  pipeline,
  components,
  infrastructure,
  frontend,
  dataLayer,
  edge,
];
