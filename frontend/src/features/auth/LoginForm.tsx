import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SignInError, signIn, takeSessionExpired } from '../../lib/auth/session';
import { LanguageButtons } from '../../lib/i18n/LanguageButtons';
import { describeError } from '../../lib/errors';

type Field = 'username' | 'password';

/**
 * The sign-in form, in plain HTML and global.css: the first page a phone opens must not wait for antd
 * (about 150 KB gzip of script and its runtime styles) to download and run (issue 16, Lighthouse). The
 * app's code is fetched once the user is signed in.
 */
export function LoginForm({ onSignedIn, onSubmitting }: { onSignedIn: () => void; onSubmitting?: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<ReadonlySet<Field>>(new Set());
  const [submitting, setSubmitting] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  const [expired] = useState(takeSessionExpired);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const empty = new Set<Field>();
    if (!username) empty.add('username');
    if (!password) empty.add('password');
    setMissing(empty);
    if (empty.size > 0) {
      document.getElementById(empty.has('username') ? 'username' : 'password')?.focus();
      return;
    }
    setSubmitting(true);
    setError(null);
    onSubmitting?.();
    try {
      await signIn(username, password);
      onSignedIn();
    } catch (cause) {
      setError(explain(cause, t));
      setSubmitting(false);
    }
  };

  const fieldError = (field: Field) =>
    missing.has(field) ? (
      <p id={`${id}-${field}-error`} className="gx-login-field-error">
        {t('common.required')}
      </p>
    ) : null;

  return (
    <main className="gx-login">
      <section className="gx-login-box">
        <div className="gx-login-head">
          <h1 className="gx-page-title">{t('app.name')}</h1>
          <LanguageButtons className="gx-login-languages" />
        </div>
        <p className="gx-login-muted">{t('app.tagline')}</p>
        {expired && !error && (
          <p role="status" className="gx-login-notice">
            {t('login.expired')}
          </p>
        )}
        {error && (
          <p role="alert" className="gx-login-notice gx-login-error" data-testid="login-error">
            {error}
          </p>
        )}
        <form onSubmit={handleSubmit} noValidate>
          <label htmlFor="username">{t('login.username')}</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            aria-invalid={missing.has('username')}
            aria-describedby={missing.has('username') ? `${id}-username-error` : undefined}
          />
          {fieldError('username')}
          <label htmlFor="password">{t('login.password')}</label>
          <div className="gx-login-password">
            <input
              id="password"
              name="password"
              type={showPassword ? 'text' : 'password'}
              autoComplete="current-password"
              aria-invalid={missing.has('password')}
              aria-describedby={missing.has('password') ? `${id}-password-error` : undefined}
            />
            <button type="button" aria-pressed={showPassword} onClick={() => setShowPassword((shown) => !shown)}>
              {t('login.showPassword')}
            </button>
          </div>
          {fieldError('password')}
          <button type="submit" className="gx-login-submit" disabled={submitting} aria-busy={submitting}>
            {t('login.submit')}
          </button>
        </form>
        <p className="gx-login-muted gx-login-hint">{t('login.demoHint')}</p>
      </section>
    </main>
  );
}

function explain(cause: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (!(cause instanceof SignInError)) return describeError(cause, t);
  if (cause.status === 401) return t('login.invalid');
  if (cause.status === 429) {
    const problem = cause.problem;
    const seconds = Number(
      (typeof problem === 'object' && problem !== null && 'retryAfterSeconds' in problem
        ? problem.retryAfterSeconds
        : undefined) ?? 60,
    );
    return t('login.throttled', { seconds });
  }
  if (cause.status === 503 && isProblemOfType(cause.problem, 'urn:guanxi:problem:service-unavailable')) {
    return t('errors.unavailable');
  }
  return t('errors.server', { status: cause.status });
}

function isProblemOfType(problem: unknown, type: string): boolean {
  return typeof problem === 'object' && problem !== null && 'type' in problem && problem.type === type;
}
