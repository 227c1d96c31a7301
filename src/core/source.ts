import { dirname, isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of this package's `src/`: frames inside it are the SDK, not content. */
const SDK_DIR = dirname(dirname(fileURLToPath(import.meta.url)));

function toPath(fileName: string): string {
  return fileName.startsWith('file://') ? fileURLToPath(fileName) : fileName;
}

function isContentFrame(path: string): boolean {
  if (!isAbsolute(path)) return false;
  if (path.startsWith(SDK_DIR + sep)) return false;
  return !path.split(sep).includes('node_modules');
}

/**
 * The absolute path of the first file outside the SDK on the current call stack: the content file that called a
 * `define*()` helper, however many kit functions sit in between. Undefined when no such frame exists.
 */
export function callerFile(): string | undefined {
  const originalPrepare = Error.prepareStackTrace;
  const originalLimit = Error.stackTraceLimit;
  let sites: readonly NodeJS.CallSite[] = [];
  try {
    Error.stackTraceLimit = 64;
    Error.prepareStackTrace = (_error, callSites) => {
      sites = callSites;
      return '';
    };
    const holder: { stack?: string } = {};
    Error.captureStackTrace(holder, callerFile);
    void holder.stack;
  } finally {
    Error.prepareStackTrace = originalPrepare;
    Error.stackTraceLimit = originalLimit;
  }
  for (const site of sites) {
    const name = site.getFileName() ?? site.getScriptNameOrSourceURL();
    if (typeof name !== 'string' || name === '') continue;
    const path = toPath(name);
    if (isContentFrame(path)) return path;
  }
  return undefined;
}

/** A repository-relative path with forward slashes, the same on every machine. */
export function repoRelative(root: string, absolutePath: string): string {
  const rel = relative(root, absolutePath);
  return rel.split(sep).join('/');
}
