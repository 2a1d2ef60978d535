import { Cascader } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStageOptions } from './stage-work-api.ts';
import { stageCascade, stageParam, stagePath } from './stage-names.ts';

/**
 * The ticket list's 环节 filter: a process, then one of its current stages (`stage=<processId>:<stageId>`).
 * Not shown while no process is published.
 */
export function StageFilter({ value, onChange, width }: { value?: string; onChange: (stage: string | undefined) => void; width: number }) {
  const { t, i18n } = useTranslation();
  const options = useStageOptions();
  if (!options.data?.length) return null;
  return (
    <Cascader
      allowClear
      style={{ width }}
      placeholder={t('workflow.work.stageFilter')}
      title={t('workflow.work.stageFilterHint')}
      value={stagePath(value)}
      options={stageCascade(options.data, i18n.language)}
      onChange={(path) => onChange(stageParam((path ?? []).map(String)))}
      data-testid="filter-stage"
    />
  );
}
