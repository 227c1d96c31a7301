// Folders and dashboards. A content file not reachable from here is reported by validation.
import folders from './folders.ts';
import serviceRed from './service-red.ts';

export default [folders, serviceRed];
