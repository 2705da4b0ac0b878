// What other features may use from tiers (the ESLint boundaries rule allows only this file).
export { CustomerValueCard } from './CustomerValueCard';
