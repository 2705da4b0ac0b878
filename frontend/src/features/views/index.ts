// What other parts of the app may use from views (the ESLint boundaries rule allows only this file):
// list pages place `<SavedViews list="contacts" />` in their toolbar (see SavedViews.tsx).
export { SavedViews } from './SavedViews';
