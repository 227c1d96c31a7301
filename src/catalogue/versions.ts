/**
 * The versions the dashboards' and alerts' metric names are written for. Beyla renamed metrics and labels
 * several times, so queries over Beyla (and Alloy) metrics are pinned to one embedded version: Grafana Alloy
 * v1.18 embeds Beyla 3.28, which emits `rpc_server_call_duration_seconds` with `rpc_response_status_code` and
 * `rpc_system_name` (renamed in Beyla 3.23), `messaging_client_operation_duration_seconds` (renamed in 3.9) and
 * `db_system_name` (renamed in 2.0). Upgrading Alloy can rename metrics again: check the embedded Beyla first.
 */
export const PINNED_VERSIONS = {
  alloy: 'v1.18',
  beyla: '3.28',
} as const;

/** One line for dashboard descriptions and notes. */
export const BEYLA_PIN = `Metric names of Beyla ${PINNED_VERSIONS.beyla} as embedded in Grafana Alloy ${PINNED_VERSIONS.alloy}.`;
