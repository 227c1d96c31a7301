/**
 * Keeping the state across restarts: a JSON file loaded at start and rewritten (atomically, through a temporary
 * file) after every successful write and on close. It holds secrets in clear, so both files are mode 0600.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isJsonObject } from '../core/json.ts';
import type { StateData } from './state.ts';

function isStateData(value: unknown): value is StateData {
  if (!isJsonObject(value) || value['formatVersion'] !== 1) return false;
  const arrays = [
    'folders',
    'dashboards',
    'datasources',
    'rules',
    'integrations',
    'muteTimings',
    'templates',
  ];
  return (
    arrays.every((key) => Array.isArray(value[key])) &&
    isJsonObject(value['policy']) &&
    isJsonObject(value['nextId']) &&
    typeof value['amRevision'] === 'number' &&
    typeof value['resourceVersion'] === 'number'
  );
}

/** The saved state, or undefined when the file does not exist yet. */
export function loadState(file: string): StateData | undefined {
  if (!existsSync(file)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isStateData(parsed))
    throw new Error(
      `${file}: not a simulator state file (formatVersion 1). Delete it or point --state elsewhere.`,
    );
  return parsed;
}

/** Owner read/write only: the state holds secrets in clear (data-source secrets, contact-point settings). */
export const STATE_FILE_MODE = 0o600;

export function saveState(file: string, state: StateData): void {
  const tmp = `${file}.${process.pid}.tmp`;
  // A leftover temporary file could have wider permissions; create it afresh so the mode applies.
  rmSync(tmp, { force: true });
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: STATE_FILE_MODE, flag: 'wx' });
  renameSync(tmp, file); // the file takes the temporary file's mode, replacing whatever was there
}
