// What other parts of the app may use from notifications (the ESLint boundaries rule allows only this file).
export { NotificationBell } from './NotificationBell';
