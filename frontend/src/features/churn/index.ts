// What other pages may use from the churn feature.
export { ChurnCard } from './ChurnCard';
export { ChurnReviewPage } from './ChurnReviewPage';
export { churnQueries } from './api';
