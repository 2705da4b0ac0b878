// What other pages may use from the surveys feature: the 360 view's survey history card.
export { SurveyHistoryCard } from './SurveyHistoryCard';
