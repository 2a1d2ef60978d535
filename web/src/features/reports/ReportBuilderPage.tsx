import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError } from '../../shared/ui/describe-error.ts';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { draftOfCondition } from '../automation/condition-draft.ts';
import { BuilderControls, type FilterDraft } from './BuilderControls.tsx';
import { savedExportUrl, useDeleteReport, usePreview, useReportDimensions, useSaveReport, useSavedReport, type SavedReport, type SavedReportInput } from './builder-api.ts';
import { canDrill, drillOfRow, filterOf, newDefinition, type Definition, type ReportResult, type ResultRow } from './builder-draft.ts';
import { DrillDrawer, ExportButtons } from './DrillDrawer.tsx';
import type { DrillTarget } from './report-api.ts';
import { ReportChart } from './ReportChart.tsx';
import { ScheduleDialog, scheduleText } from './ScheduleDialog.tsx';

/** 报表 › 自定义报表 › a report: the builder (new, or a saved one). */
export default function ReportBuilderPage() {
  const { id } = useParams();
  const saved = useSavedReport(id === 'new' ? undefined : id);
  if (id !== 'new' && saved.isError) return <ErrorState error={saved.error} onRetry={() => saved.refetch()} />;
  if (id !== 'new' && !saved.data) return <Loading />;
  return <Builder key={saved.data?.id ?? 'new'} report={saved.data ?? null} />;
}

/** The definition a saved report holds, as the builder edits it. */
function definitionOf(report: SavedReport): Definition {
  const { filter, ...rest } = report.definition;
  return filter === undefined || filter === null ? rest : { ...rest, filter };
}

function Builder({ report }: { report: SavedReport | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const dimensions = useReportDimensions();
  const [name, setName] = useState(report?.name ?? '');
  const [base, setBase] = useState<Definition>(() => (report ? definitionOf(report) : newDefinition()));
  // A saved filter the rows cannot show (nested groups, written through the API) is kept as it is, not edited.
  const stored = report?.definition.filter ?? undefined;
  const [filter, setFilter] = useState<FilterDraft | null>(() => (stored === undefined ? { match: 'all', conditions: [] } : draftOfCondition(stored)));
  const [sharing, setSharing] = useState<Pick<SavedReportInput, 'sharedRoles' | 'pinned'>>({ sharedRoles: report?.sharedRoles ?? [], pinned: report?.pinned ?? false });
  const definition = useMemo<Definition>(() => {
    const { filter: _old, ...rest } = base;
    const tree = filter ? filterOf(filter) : stored;
    return tree ? { ...rest, filter: tree } : rest;
  }, [base, filter, stored]);
  // The preview follows the controls without asking again on every keystroke of a filter value.
  const preview = usePreview(useDeferredValue(definition));
  const save = useSaveReport();
  const remove = useDeleteReport();
  const [scheduling, setScheduling] = useState(false);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const editable = report === null || report.abilities.edit;
  const changed = report !== null && JSON.stringify({ name, definition, sharing }) !== JSON.stringify({ name: report.name, definition: definitionOf(report), sharing: { sharedRoles: report.sharedRoles, pinned: report.pinned } });
  useEffect(() => setDrill(null), [definition]);
  const result: ReportResult | undefined = preview.data;
  const onRow = useCallback((row: ResultRow) => {
    const target = result && drillOfRow(definition, result, row);
    if (target) setDrill(target);
  }, [definition, result]);
  const drills = canDrill(definition);

  const onSave = async () => {
    const input: SavedReportInput = { name: name.trim() || t('reports.builder.untitled'), definition, ...sharing };
    const done = report ? await save.mutateAsync({ id: report.id, input }) : await save.mutateAsync({ create: input });
    void message.success(t('reports.builder.savedOk'));
    if (!report) void navigate(`/reports/custom/${done.id}`, { replace: true });
  };
  const onDelete = async () => {
    await remove.mutateAsync(report!.id);
    void navigate('/reports?tab=custom');
  };
  return (
    <div style={{ padding: 16 }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Link to="/reports?tab=custom"><ArrowLeftOutlined /> {t('reports.builder.back')}</Link>
        <Typography.Title level={3} style={{ margin: 0 }}>{report ? report.name : t('reports.builder.newTitle')}</Typography.Title>
        {report?.schedule && <Tag color="blue" data-testid="schedule-tag">{scheduleText(t, report.schedule)}</Tag>}
        {report?.pinned && <Tag color="gold">{t('reports.builder.pinned')}</Tag>}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card size="small">
            {dimensions.isError ? <ErrorState error={dimensions.error} onRetry={() => dimensions.refetch()} /> : !dimensions.data ? <Loading /> : (
              <BuilderControls name={name} onName={setName} definition={base} onDefinition={setBase} filter={filter} onFilter={setFilter}
                sharing={sharing} onSharing={setSharing} dimensions={dimensions.data} disabled={!editable} />
            )}
            {!editable && <Alert type="info" showIcon title={t('reports.builder.readOnly', { owner: report?.owner.name })} />}
            <Space wrap style={{ marginTop: 8 }}>
              {editable && <Button type="primary" onClick={() => void onSave().catch(() => undefined)} loading={save.isPending} data-testid="builder-save">{t('reports.builder.save')}</Button>}
              {report && editable && <Button onClick={() => setScheduling(true)} data-testid="builder-schedule">{t('reports.builder.schedule.open')}</Button>}
              {report && editable && (
                <Popconfirm title={t('reports.builder.deleteConfirm', { name: report.name })} onConfirm={() => void onDelete().catch(() => undefined)}>
                  <Button danger>{t('reports.builder.delete')}</Button>
                </Popconfirm>
              )}
            </Space>
            {save.isError && <Alert style={{ marginTop: 8 }} type="error" showIcon title={describeError(save.error, t).message} />}
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card size="small" title={t('reports.builder.preview')} data-testid="builder-preview"
            extra={report && <Space wrap>{changed && <Typography.Text type="secondary">{t('reports.builder.exportSaved')}</Typography.Text>}<ExportButtons href={(format) => savedExportUrl(report.id, format)} testId="saved-export" /></Space>}>
            {preview.isError ? (
              // The server's 400 names the field (a filter on what is not a dimension, too many time buckets …).
              <Alert type="error" showIcon data-testid="preview-error" title={t('reports.builder.previewFailed')} description={describeError(preview.error, t).message} />
            ) : !result ? <Loading /> : (
              <>
                <Typography.Paragraph type="secondary">
                  {t('reports.builder.period', { from: new Date(result.from).toLocaleDateString(), to: new Date(new Date(result.to).getTime() - 1).toLocaleDateString() })}
                  {drills ? ` · ${t('reports.builder.drillHint')}` : ''}
                </Typography.Paragraph>
                <ReportChart result={result} chart={definition.chart} measureName={t(`reports.builder.measures.${definition.measure}`)} onRow={drills ? onRow : undefined} />
              </>
            )}
          </Card>
        </Col>
      </Row>
      {report && scheduling && <ScheduleDialog report={report} open onClose={() => setScheduling(false)} />}
      {result && <DrillDrawer range={{ from: result.from, to: result.to }} target={drill} onClose={() => setDrill(null)} />}
    </div>
  );
}
