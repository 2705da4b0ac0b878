// What other pages may use from the care feature.
export { CarePage } from './CarePage';
