// What other features may use from activities (the ESLint boundaries rule allows only this file).
export { ActivityItems, ActivityList } from './ActivityList';
export { PlanActivityButton } from './PlanActivityButton';
export { activityQueries } from './api';
export { WeekAgenda } from './WeekAgendaOnDemand';
