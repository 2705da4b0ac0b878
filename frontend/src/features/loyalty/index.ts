// What other features may use from loyalty (the ESLint boundaries rule allows only this file).
export { PointsCard } from './PointsCard';
export { loyaltyQueries } from './api';
