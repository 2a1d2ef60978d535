import '@xyflow/react/dist/style.css';
import './process-designer.css';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { ReactFlowProvider } from '@xyflow/react';
import { App, Button, Card, Popconfirm, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ProcessDefinitionInput } from '../../../../src/workflow-model/definition.ts';
import { validateProcess } from '../../../../src/workflow-model/validate.ts';
import { ApiError } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { useRegistry } from '../forms/designer/forms-api.ts';
import { labelIn } from '../forms/designer/registry-field.ts';
import { useTypeForm } from '../forms/queries.ts';
import { useTeams, useUsers } from '../tickets/queries.ts';
import { DesignerCanvas } from './DesignerCanvas.tsx';
import { labelText } from './diagram.ts';
import { issueMessage, messagesByElement, placeIssues } from './issue-targets.ts';
import { IssuesList } from './IssuesList.tsx';
import { MigrationDialog } from './MigrationDialog.tsx';
import { fetchProcessExport, useProcess, useProcessActions, type ProcessDetail } from './process-api.ts';
import { processFieldsOf, processLookupOf } from './process-fields.ts';
import { PropertiesPanel } from './PropertiesPanel.tsx';
import { SimulationPane } from './SimulationPane.tsx';
import type { PathHighlight } from './simulation-path.ts';

export default function ProcessDesignerPage() {
  return (
    <AdminGate permission="processes.manage">
      <ProcessDesignerLoader />
    </AdminGate>
  );
}

function ProcessDesignerLoader() {
  const { id = '' } = useParams();
  const process = useProcess(id);
  const registry = useRegistry('ticket');
  if (process.isPending || registry.isPending) return <Loading />;
  if (process.isError) return <ErrorState error={process.error} onRetry={() => process.refetch()} />;
  if (registry.isError) return <ErrorState error={registry.error} onRetry={() => registry.refetch()} />;
  return <ProcessDesigner process={process.data} registry={registry.data} />;
}

const emptyHighlight: PathHighlight = { path: new Set(), current: new Set() };

/** 流程设计器 (/settings/processes/:id): the diagram, the selected element's properties or the simulation beside it, the problems below. */
function ProcessDesigner({ process, registry }: { process: ProcessDetail; registry: Parameters<typeof processFieldsOf>[0] }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const actions = useProcessActions();
  const typeForm = useTypeForm(process.ticketType);
  const teams = useTeams();
  const users = useUsers();
  const [definition, setDefinition] = useState<ProcessDefinitionInput>(process.definition);
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<PathHighlight | null>(null);
  const [busy, setBusy] = useState(false);
  const [migrating, setMigrating] = useState(false);
  // A newer draft from the server (after a save, or someone else's) replaces the drawing.
  useEffect(() => {
    setDefinition(process.definition);
    setDirty(false);
  }, [process.version, process.definition]);

  const fields = useMemo(() => processFieldsOf(registry), [registry]);
  const lookup = useMemo(() => processLookupOf(fields), [fields]);
  const validation = useMemo(() => validateProcess(definition, lookup), [definition, lookup]);
  const placed = useMemo(() => placeIssues(definition, validation.ok ? [] : validation.issues), [definition, validation]);
  const nameOf = useCallback((key: string) => {
    const field = fields.find((f) => f.key === key);
    if (field) return labelIn(field.label, i18n.language) || key;
    const node = definition.nodes.find((n) => n.id === key);
    if (node) return ('name' in node && labelText(node.name, i18n.language)) || key;
    return labelText(definition.transitions.find((tr) => tr.id === key)?.label, i18n.language) || key;
  }, [fields, definition, i18n.language]);
  const messageOf = useCallback((issue: Parameters<typeof issueMessage>[0]) => issueMessage(issue, i18n.language, nameOf), [i18n.language, nameOf]);
  const decorations = useMemo(() => ({ errors: messagesByElement(placed, messageOf), ...(highlight ?? emptyHighlight), selected }), [placed, messageOf, highlight, selected]);

  const change = useCallback((next: ProcessDefinitionInput) => {
    setDefinition(next);
    setDirty(true);
    setHighlight(null); // a path simulated on the old drawing would mislead
  }, []);

  const sections = (typeForm.data?.form.sections ?? []).map((section) => ({ value: section.key, label: labelIn(section.label, i18n.language) || section.key }));
  const teamOptions = (teams.data ?? []).map((team) => ({ value: team.id, label: team.name }));
  const userOptions = (users.data ?? []).map((user) => ({ value: user.id, label: user.name }));

  async function save(): Promise<ProcessDetail | null> {
    setBusy(true);
    try {
      const saved = await actions.save(process, { definition });
      message.success(t('workflow.designer.saved'));
      return saved;
    } catch (error) {
      message.error(error instanceof ApiError && error.status === 412 ? t('workflow.designer.conflict') : describeError(error, t).message);
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function publish() {
    const current = dirty ? await save() : process;
    if (!current) return;
    setBusy(true);
    try {
      const version = await actions.publish(current);
      message.success(t('workflow.designer.published', { version: version.version }));
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setBusy(false);
    }
  }

  async function exportJson() {
    try {
      const file = await fetchProcessExport(process.id);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
      link.download = `process-${file.key}.json`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  const blocked = placed.length > 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/settings/processes')}>{t('workflow.designer.back')}</Button>
      <Card
        size="small"
        title={
          <Space wrap>
            <span>{labelText(process.name, i18n.language)}</span>
            <Tag>{process.currentVersion ? `v${process.currentVersion}` : t('workflow.list.notPublished')}</Tag>
            {dirty && <Tag color="orange">{t('workflow.designer.unsaved')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            <Button onClick={() => setMigrating(true)} data-testid="migration-open">{t('workflow.migration.open')}</Button>
            <Button onClick={exportJson}>{t('workflow.designer.export')}</Button>
            <Button onClick={save} loading={busy} disabled={!dirty} data-testid="process-save">{t('workflow.designer.save')}</Button>
            <Tooltip title={blocked ? t('workflow.designer.publishBlocked', { count: placed.length }) : undefined}>
              <Popconfirm title={t('workflow.designer.publishConfirm')} onConfirm={publish} disabled={blocked}>
                <Button type="primary" disabled={blocked} loading={busy} data-testid="process-publish">{t('workflow.designer.publish')}</Button>
              </Popconfirm>
            </Tooltip>
          </Space>
        }
      >
        <div className="process-designer">
          <div className="process-designer-main">
            <ReactFlowProvider>
              <DesignerCanvas definition={definition} decorations={decorations} onChange={change} onSelect={setSelected} />
            </ReactFlowProvider>
            <Typography.Title level={5} style={{ marginTop: 12 }}>{t('workflow.designer.issuesTitle', { count: placed.length })}</Typography.Title>
            <IssuesList issues={placed} message={messageOf} elementName={nameOf} onSelect={setSelected} />
          </div>
          <div className="process-designer-side">
            <Tabs
              size="small"
              items={[
                { key: 'properties', label: t('workflow.designer.properties'), children: <PropertiesPanel definition={definition} selected={selected} onChange={change} onSelect={setSelected} fields={fields} sections={sections} teams={teamOptions} users={userOptions} /> },
                { key: 'simulate', label: t('workflow.simulate.title'), children: <SimulationPane definition={validation.ok ? validation.definition : null} fields={fields} lookup={lookup} onHighlight={setHighlight} /> },
              ]}
            />
          </div>
        </div>
      </Card>
      {migrating && <MigrationDialog process={process} onClose={() => setMigrating(false)} />}
    </Space>
  );
}
