// What other pages may use from the campaigns feature.
export { CampaignsPage } from './CampaignsPage';
