import { useLocation, useNavigate } from 'react-router';
import { LoginForm } from './LoginForm';

/** The login route inside the app (after signing out, or sent here by a page that needs a session). */
export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  return <LoginForm onSignedIn={() => navigate(from && from !== '/login' ? from : '/today', { replace: true })} />;
}
