// What other features may use from leads (the ESLint boundaries rule allows only this file).
export { WaitingLeads } from './WaitingLeads';
export { ScoreExplanation } from './ScoreExplanation';
