import { ArrowLeftOutlined, CloudUploadOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { FormDefinition } from '../../../../../src/forms/definition.ts';
import { describeError } from '../../../shared/ui/describe-error.ts';
import { ErrorState, Loading } from '../../../shared/ui/states.tsx';
import { AdminGate } from '../../admin/AdminGate.tsx';
import { designerReducer, emptyForm, placedKeys, sameForm } from './designer-state.ts';
import { checkDraft, describeIssue, ruleIndexOf } from './draft-check.ts';
import { readStoredDraft, writeStoredDraft } from './stored-draft.ts';
import { FormCanvas } from './FormCanvas.tsx';
import { FormPreview } from './FormPreview.tsx';
import { useRegistry, useTicketType, useTypeActions, useTypeVersion, type TicketType } from './forms-api.ts';
import { PortalEditor } from './PortalEditor.tsx';
import { labelIn, type RegistryField } from './registry-field.ts';
import { RuleBuilder } from './RuleBuilder.tsx';
import { usePublisherName, VersionsPanel } from './VersionsPanel.tsx';

/** 设置 › 工单类型与字段 › <type>: the form designer of one ticket type. */
export default function TypeDesignerPage() {
  return (
    <AdminGate permission="forms.manage">
      <TypeDesignerLoader />
    </AdminGate>
  );
}

/** The designer starts from the current published version (or an empty form) once type, registry and version are loaded. */
function TypeDesignerLoader() {
  const { key = '' } = useParams();
  const type = useTicketType(key);
  const registry = useRegistry('ticket');
  const current = useTypeVersion(key, type.data?.currentVersion);
  if (type.isError) return <ErrorState error={type.error} onRetry={() => type.refetch()} />;
  if (registry.isError) return <ErrorState error={registry.error} onRetry={() => registry.refetch()} />;
  if (current.isError) return <ErrorState error={current.error} onRetry={() => current.refetch()} />;
  if (!type.data || !registry.data || (type.data.currentVersion && !current.data)) return <Loading />;
  return <TypeDesigner key={type.data.key} type={type.data} registry={registry.data} published={current.data?.form ?? null} publishedAt={current.data?.publishedAt} publishedBy={current.data?.publishedBy ?? null} />;
}

type DesignerProps = { type: TicketType; registry: RegistryField[]; published: FormDefinition | null; publishedAt: string | undefined; publishedBy: string | null };

function TypeDesigner({ type, registry, published, publishedAt, publishedBy }: DesignerProps) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const actions = useTypeActions();
  const publisher = usePublisherName();
  const [base, setBase] = useState<FormDefinition>(() => published ?? emptyForm());
  const baseVersion = type.currentVersion ?? 0;
  // A draft left through the menu earlier (for this same published version) comes back.
  const [restored] = useState(() => readStoredDraft(localStorage, type.key, baseVersion));
  const [state, dispatch] = useReducer(designerReducer, { form: restored ?? base });
  const [tab, setTab] = useState('form');
  const [publishing, setPublishing] = useState(false);
  const dirty = !sameForm(state.form, base);
  const check = useMemo(() => checkDraft(state.form, registry), [state.form, registry]);
  const describe = (issue: Parameters<typeof describeIssue>[0]) => describeIssue(issue, i18n.language);
  const ruleIssues = check.issues.filter((issue) => ruleIndexOf(issue) !== undefined);
  const otherIssues = check.issues.filter((issue) => ruleIndexOf(issue) === undefined);

  useEffect(() => writeStoredDraft(localStorage, type.key, dirty ? { baseVersion, form: state.form } : null), [dirty, state.form, type.key, baseVersion]);

  // Closing the tab or reloading with unpublished changes asks first (the browser's own dialog).
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const leave = () => {
    if (!dirty) return navigate('/settings/ticket-types');
    modal.confirm({ title: t('formsDesigner.designer.unsaved'), content: t('formsDesigner.designer.leaveConfirm'), okText: t('formsDesigner.designer.leave'), okButtonProps: { danger: true }, cancelText: t('app.cancel'), onOk: () => navigate('/settings/ticket-types') });
    return undefined;
  };

  function publish() {
    if (!check.ok) {
      message.error(t('formsDesigner.designer.fixBeforePublish', { count: check.issues.length }));
      setTab(ruleIssues.length ? 'rules' : 'form');
      return;
    }
    const next = (type.currentVersion ?? 0) + 1;
    modal.confirm({
      title: t('formsDesigner.designer.publish'),
      content: t('formsDesigner.designer.publishConfirm', { version: next }),
      okText: t('formsDesigner.designer.publish'),
      cancelText: t('app.cancel'),
      onOk: async () => {
        setPublishing(true);
        try {
          const version = await actions.publish(type, state.form);
          setBase(version.form);
          dispatch({ type: 'load', form: version.form });
          message.success(t('formsDesigner.designer.published', { version: version.version }));
        } catch (error) {
          message.error(describeError(error, t).message);
        } finally {
          setPublishing(false);
        }
      },
    });
  }

  const formFields = placedKeys(state.form).flatMap((key) => registry.filter((field) => field.key === key));
  const conditionFields = [...formFields, ...registry.filter((field) => field.builtIn)];
  const status = type.currentVersion
    ? t('formsDesigner.designer.currentVersion', { version: type.currentVersion, by: publisher(publishedBy) || '—', at: publishedAt ? dayjs(publishedAt).format('YYYY-MM-DD HH:mm') : '' })
    : t('formsDesigner.designer.neverPublished');
  return (
    <Card
      title={
        <Space wrap>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('formsDesigner.designer.back')} title={t('formsDesigner.designer.back')} onClick={leave} />
          <span>{labelIn(type.label, i18n.language)}</span>
          <Typography.Text type="secondary" code>{type.key}</Typography.Text>
          {dirty && <Tag color="orange" data-testid="designer-dirty">{t('formsDesigner.designer.unsaved')}</Tag>}
        </Space>
      }
      extra={
        <Button type="primary" icon={<CloudUploadOutlined />} loading={publishing} disabled={!dirty && !!type.currentVersion} onClick={publish}>
          {t('formsDesigner.designer.publish')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" data-testid="designer-version">{status}</Typography.Paragraph>
      {restored && dirty && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('formsDesigner.designer.restored')}
          action={<Button size="small" onClick={() => dispatch({ type: 'load', form: base })}>{t('formsDesigner.designer.discard')}</Button>}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'form',
            label: t('formsDesigner.designer.tabs.form'),
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {otherIssues.length > 0 && <Alert type="error" showIcon title={otherIssues.map((issue) => <div key={issue.path + issue.code}>{describe(issue)}</div>)} />}
                <FormCanvas form={state.form} registry={registry} dispatch={dispatch} />
              </Space>
            ),
          },
          {
            key: 'rules',
            label: <Badge count={ruleIssues.length} size="small" offset={[8, 0]}>{t('formsDesigner.designer.tabs.rules')}</Badge>,
            children: <RuleBuilder rules={state.form.rules} onChange={(rules) => dispatch({ type: 'set_rules', rules })} conditionFields={conditionFields} formFields={formFields} issues={ruleIssues} describeIssue={describe} />,
          },
          { key: 'portal', label: t('formsDesigner.designer.tabs.portal'), children: <PortalEditor form={state.form} registry={registry} dispatch={dispatch} /> },
          { key: 'preview', label: t('formsDesigner.designer.tabs.preview'), children: <FormPreview prepared={check.ok ? check.prepared : null} issues={check.issues} describe={describe} /> },
          { key: 'versions', label: t('formsDesigner.designer.tabs.versions'), children: <VersionsPanel type={type} registry={registry} /> },
        ]}
      />
    </Card>
  );
}
