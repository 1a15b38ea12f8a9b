/** Writing output sets: checked destinations, temporary folders, atomic replacement (re-exports only). */
export { checkDestination, OUTPUT_FILE_NAMES, type OutputDestination } from './checkDestination.js';
export { OutputSet, type OutputStream } from './OutputSet.js';
export { withOutputSet } from './withOutputSet.js';
export { installInterruptCleanup } from './interrupts.js';
