export { readMspdi } from './readMspdi.js';
