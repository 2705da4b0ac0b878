// What other features may use from consent (the ESLint boundaries rule allows only this file).
export { ConsentCard } from './ConsentCard';
export { consentQueries } from './api';
