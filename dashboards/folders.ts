import type { StackConfig } from '../stack.config.ts';
import { defineFolder, fromConfig } from '../src/index.ts';

/** One folder per domain of the stack; dashboards and rule groups live in them, and publish owns them. */
export default fromConfig((cfg: StackConfig) =>
  Object.values(cfg.folders).map((folder) => defineFolder(folder)),
);
