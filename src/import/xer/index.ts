export { readXer } from './readXer.js';
