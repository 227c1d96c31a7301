// Service level objectives: each generates its recording rules and burn-rate alerts (rendered/prometheus/slo-*.yml
// and the Grafana rule group), and dashboards.ts their error-budget dashboards. Unlisted files are reported by
// validation.
import availability from './availability.ts';
import dashboards from './dashboards.ts';
import dataQuality from './data-quality.ts';
import performance from './performance.ts';

export default [availability, performance, dataQuality, dashboards];
