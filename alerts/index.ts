// Alert rule groups and everything that routes their notifications. Unlisted files are never rendered.
import alloy from './alloy.ts';
import contactPoints from './contact-points.ts';
import muteTimings from './mute-timings.ts';
import routing from './routing.ts';
import templates from './templates.ts';

export default [templates, muteTimings, contactPoints, routing, alloy];
