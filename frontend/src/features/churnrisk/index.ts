// What other features may use from churnrisk (the ESLint boundaries rule allows only this file).
export { ChurnRiskCard } from './ChurnRiskCard';
export { churnRiskQueries } from './api';
export { reasonText as churnReasonText } from './reasons';
