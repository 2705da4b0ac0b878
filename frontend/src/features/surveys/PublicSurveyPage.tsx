import { useQuery } from '@tanstack/react-query';
import { Button, Input, Result, Segmented, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../lib/api/client';
import { changeLanguage, i18n, type Language } from '../../lib/i18n';
import { type PublicSurvey, surveyQueries, surveyProblemKey, useAnswer } from './api';
import './survey.css';

const STORAGE_KEY = 'guanxi.language';

// A customer has no saved preference: the page follows the browser's language until they switch.
if (typeof window !== 'undefined' && localStorage.getItem(STORAGE_KEY) === null) {
  const browser = (navigator.languages?.[0] ?? navigator.language ?? '').toLowerCase();
  const language: Language = browser.startsWith('zh') || browser === '' ? 'zh-CN' : 'en';
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

type Outcome = 'thanks' | 'closed' | undefined;

/** The survey a customer opens from their personal link (/s/:token): no sign-in, phone first, zh/en. */
export function PublicSurveyPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const survey = useQuery(surveyQueries.publicSurvey(token));
  const [outcome, setOutcome] = useState<Outcome>();

  const status = survey.error instanceof ApiError ? survey.error.status : undefined;
  let body;
  if (survey.isPending) {
    body = <Spin size="large" aria-label={t('common.loading')} />;
  } else if (outcome === 'thanks') {
    body = <Result status="success" title={<h1 className="gx-survey-h1">{t('surveys.public.thanks')}</h1>} />;
  } else if (outcome === 'closed' || status === 410) {
    body = (
      <Result
        status="info"
        title={<h1 className="gx-survey-h1">{t('surveys.public.closed')}</h1>}
        subTitle={t('surveys.public.closedHint')}
      />
    );
  } else if (survey.isError) {
    const key =
      status === 404 ? 'surveys.public.unknown' : status === 429 ? 'surveys.public.tooMany' : 'errors.network';
    body = <Result status="warning" title={<h1 className="gx-survey-h1">{t(key)}</h1>} />;
  } else {
    body = <SurveyForm token={token} survey={survey.data} onDone={setOutcome} />;
  }
  return (
    <div className="gx-survey">
      <header className="gx-survey-header">
        <span className="gx-survey-company">{survey.data?.companyName ?? ''}</span>
        <Segmented
          size="small"
          aria-label={t('nav.language')}
          value={i18n.language}
          options={[
            { label: '中文', value: 'zh-CN' },
            { label: 'EN', value: 'en' },
          ]}
          onChange={(value) => changeLanguage(value as Language)}
        />
      </header>
      <main className="gx-survey-main">{body}</main>
    </div>
  );
}

function SurveyForm({
  token,
  survey,
  onDone,
}: {
  token: string;
  survey: PublicSurvey;
  onDone: (outcome: Outcome) => void;
}) {
  const { t } = useTranslation();
  const [score, setScore] = useState<number>();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string>();
  const submit = useAnswer({
    onSuccess: () => onDone('thanks'),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) onDone('closed');
      else setProblem(error instanceof ApiError ? surveyProblemKey(error.problem.type) : undefined);
    },
  });
  const scores = Array.from({ length: survey.scaleMax - survey.scaleMin + 1 }, (_, i) => survey.scaleMin + i);
  const company = survey.companyName;
  return (
    <form
      className="gx-survey-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (score !== undefined) submit.mutate({ token, score, comment: comment.trim() });
      }}
    >
      <Typography.Paragraph className="gx-survey-greeting">
        {survey.firstName
          ? t('surveys.public.greeting', { name: survey.firstName })
          : t('surveys.public.greetingAnonymous')}
      </Typography.Paragraph>
      <h1 className="gx-survey-h1" id="gx-survey-question">
        {t(`surveys.public.question.${survey.template}`, { company })}
      </h1>
      <div
        role="radiogroup"
        aria-labelledby="gx-survey-question"
        className={`gx-survey-scale gx-survey-scale-${survey.template}`}
        data-testid="survey-scale"
      >
        {scores.map((value) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={score === value}
            className={score === value ? 'gx-survey-score gx-survey-score-on' : 'gx-survey-score'}
            onClick={() => setScore(value)}
          >
            {value}
          </button>
        ))}
      </div>
      <div className="gx-survey-ends" aria-hidden="true">
        <span>{t(`surveys.public.low.${survey.template}`)}</span>
        <span>{t(`surveys.public.high.${survey.template}`)}</span>
      </div>
      <label className="gx-survey-label" htmlFor="gx-survey-comment">
        {t('surveys.public.comment')}
      </label>
      <Input.TextArea
        id="gx-survey-comment"
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        maxLength={survey.commentMaxLength}
        autoSize={{ minRows: 3, maxRows: 8 }}
      />
      {problem && (
        <Typography.Paragraph type="danger" role="alert">
          {t(problem)}
        </Typography.Paragraph>
      )}
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        disabled={score === undefined}
        loading={submit.isPending}
        data-testid="survey-submit"
      >
        {t('surveys.public.submit')}
      </Button>
    </form>
  );
}
