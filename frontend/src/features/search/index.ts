// What other parts of the app may use from search (the ESLint boundaries rule allows only this file).
export { GlobalSearch } from './GlobalSearch';
