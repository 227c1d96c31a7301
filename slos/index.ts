// Service level objectives. Each SLO will generate its recording rules, burn-rate alerts and error-budget
// dashboard; the SLO kind of definition arrives with the SLO capability, so the list is empty for now.
import type { Definition } from '../src/index.ts';

const slos: readonly Definition[] = [];

export default slos;
