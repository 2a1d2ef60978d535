import { Button, Card, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { DryRunStep } from './DryRunStep.tsx';
import { MappingStep } from './MappingStep.tsx';
import { useImportJob } from './queries.ts';
import { ResultStep } from './ResultStep.tsx';
import { RulesStep } from './RulesStep.tsx';

export default function ImportWizardPage() {
  return (
    <AdminGate permission="imports.manage">
      <Wizard />
    </AdminGate>
  );
}

type SetupStep = 0 | 1 | 2;

/**
 * One import, step by step: columns → value maps and dedup → dry run, while it has not run; then
 * its progress and result (with rollback). Where it is comes from the job's state, so a reload or
 * another admin's tab lands on the same step.
 */
function Wizard() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const job = useImportJob(id);
  const [step, setStep] = useState<SetupStep>(0);

  if (job.isError) return <ErrorState error={job.error} onRetry={() => job.refetch()} />;
  if (!job.data) return <Loading />;
  const data = job.data;
  const current = data.state === 'uploaded' ? step : data.state === 'running' ? 3 : 4;

  return (
    <Card
      title={<Space><Link to="/settings/imports">{t('imports.back')}</Link><span>/</span><span>{data.fileName}</span></Space>}
    >
      <Typography.Paragraph type="secondary" data-testid="import-file-info">
        {t('imports.fileInfo', { file: data.fileName, kind: data.fileKind.toUpperCase(), encoding: data.encoding.toUpperCase(), row: data.headerRow })}
      </Typography.Paragraph>
      <Steps
        size="small"
        current={current}
        style={{ marginBottom: 24 }}
        items={(['mapping', 'rules', 'dryRun', 'run', 'result'] as const).map((key, index) => ({
          title: data.state === 'uploaded' && index < 3 ? <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setStep(index as SetupStep)}>{t(`imports.steps.${key}`)}</Button> : t(`imports.steps.${key}`),
        }))}
      />
      {current === 0 && <MappingStep job={data} onDone={() => setStep(1)} />}
      {current === 1 && <RulesStep job={data} onDone={() => setStep(2)} />}
      {current === 2 && <DryRunStep job={data} />}
      {current >= 3 && <ResultStep job={data} />}
    </Card>
  );
}
