import { Alert, App, AutoComplete, Button, Card, Col, Form, Input, Row, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useCan, useMe } from '../../app/session.ts';
import { api, ApiError, unwrap } from '../../shared/api/client.ts';
import { formatPhone } from '../../shared/format-phone.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { parseDuration } from './call-duration.ts';
import { categoryTree } from './category-tree.ts';
import { ticketKeys } from './keys.ts';
import { useCategories, usePriorities, useTeams, useUsers, type Category } from './queries.ts';
import type { paths } from '../../shared/api/schema';
import type { PreparedForm } from '../../../../src/forms/prepare-form.ts';
import { fieldErrorsFrom } from '../forms/form-issues.ts';
import { filledValues, precheck } from '../forms/precheck.ts';
import { builtinDescriptors } from '../forms/prepared-form.ts';
import { useTicketFields, useTicketTypes, useTypeForm, type TypeForm } from '../forms/queries.ts';
import { TicketTypeFields } from '../forms/TicketTypeFields.tsx';

type Contact = paths['/api/v1/contacts']['get']['responses'][200]['content']['application/json']['items'][number];
type Values = { name?: string; phone?: string; email?: string; subject: string; description?: string; priority?: string; categoryId?: string; teamId?: string; assigneeId?: string; tags?: string[]; callDirection: 'inbound' | 'outbound'; callDuration?: string; callRecordingUrl?: string; type?: string; fields?: Record<string, unknown> };

/** Phone intake (电话报修): find the caller while they talk, or take their details, and log the ticket. */
export default function NewTicketPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const can = useCan();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  // 工单类型: its form renders under the built-in fields; its defaults prefill team and priority.
  const types = useTicketTypes();
  const typeKey = Form.useWatch('type', form);
  const typeForm = useTypeForm(typeKey);
  const prepared = useRef<PreparedForm | null>(null);
  const audience = useMemo(() => ({ kind: 'staff' as const, role: me.role }), [me.role]);
  const onTypeReady = useCallback(
    (ready: PreparedForm | null, answer: TypeForm | undefined) => {
      prepared.current = ready;
      const type = answer && types.data?.find((candidate) => candidate.key === answer.type.key);
      if (!type) return;
      const defaults: Partial<Values> = {};
      if (type.defaultPriority && !form.isFieldTouched('priority')) defaults.priority = type.defaultPriority;
      if (type.defaultTeamId && !form.isFieldTouched('teamId')) defaults.teamId = type.defaultTeamId;
      form.setFieldsValue(defaults);
    },
    [form, types.data],
  );
  const registry = useTicketFields();
  const builtins = useMemo(() => (registry.data ? builtinDescriptors(registry.data) : registry.isError ? [] : undefined), [registry.data, registry.isError]);
  const [search, setSearch] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const priorities = usePriorities();
  const categories = useCategories();
  const teams = useTeams(can('directory.read'));
  const users = useUsers(can('directory.read'));
  const zh = i18n.language === 'zh-CN';
  const tree = useMemo(() => categoryTree((categories.data ?? []) as Category[], zh), [categories.data, zh]);
  // Looked up as the agent types, but not on every keystroke.
  const term = useDebounced(search.trim(), 250);
  const matches = useQuery({
    queryKey: ['contacts', 'lookup', term],
    enabled: term.length >= 2,
    queryFn: () => unwrap(api.GET('/api/v1/contacts', { params: { query: { q: term, limit: 8 } } })).then((r) => r.items),
    staleTime: 10_000,
  });

  // The caller's unresolved tickets, so the agent adds to one instead of opening a duplicate.
  const [caller, setCaller] = useState<Contact | null>(null);
  const openTickets = useQuery({
    queryKey: ['tickets', 'caller-open', caller?.id],
    enabled: !!caller,
    queryFn: () => unwrap(api.GET('/api/v1/tickets', { params: { query: { requesterId: caller!.id, status: 'new,open,pending', limit: 10 } } })).then((r) => r.items),
  });

  function pick(contact: Contact) {
    setCaller(contact);
    form.setFieldsValue({ name: contact.name, phone: contact.phone ? formatPhone(contact.phone) : undefined, email: contact.email ?? undefined });
    setSearch('');
  }

  async function onFinish(values: Values) {
    if (!values.phone?.trim() && !values.email?.trim()) {
      form.setFields([{ name: 'phone', errors: [t('newTicket.phoneOrEmail')] }]);
      return;
    }
    const durationSeconds = parseDuration(values.callDuration);
    if (durationSeconds === null) {
      form.setFields([{ name: 'callDuration', errors: [t('call.durationInvalid')] }]);
      return;
    }
    // The type's rules (勘察时间 required when 是否需要现场勘察 is ticked) are checked here with the
    // server's code before sending; the server checks again.
    const custom = filledValues(form.getFieldValue('fields') as Record<string, unknown> | undefined);
    if (values.type && prepared.current) {
      const issues = precheck(prepared.current, custom, { audience, language: i18n.language });
      if (issues.length) {
        form.setFields(issues);
        return;
      }
    }
    setSubmitting(true);
    try {
      const requester = { ...(values.name?.trim() ? { name: values.name.trim() } : {}), ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}), ...(values.email?.trim() ? { email: values.email.trim() } : {}) };
      const fields = {
        subject: values.subject,
        description: values.description ?? '',
        requester,
        ...(values.priority ? { priority: values.priority } : {}),
        ...(values.categoryId ? { categoryId: values.categoryId } : {}),
        ...(values.teamId ? { teamId: values.teamId } : {}),
        ...(values.assigneeId ? { assigneeId: values.assigneeId } : {}),
        ...(values.tags?.length ? { tags: values.tags } : {}),
        ...(values.type ? { type: values.type, fields: custom } : {}),
      };
      // With a number, the intake endpoint stores the description once, as the caller's report
      // ("电话报修，客服代录"), with the call (direction, duration, recording) on it; before, the
      // call was logged as a public agent message repeating the description in the portal.
      const call = durationSeconds !== undefined ? { direction: values.callDirection, durationSeconds, ...(values.callRecordingUrl?.trim() ? { recordingUrl: values.callRecordingUrl.trim() } : {}) } : undefined;
      const ticket = values.phone?.trim()
        ? await unwrap(api.POST('/api/v1/channels/phone/intake', { body: { ...fields, ...(call && { call }) } }))
        : await unwrap(api.POST('/api/v1/tickets', { body: { ...fields, channel: 'phone' } }));
      message.success(t('newTicket.created', { number: ticket.number }));
      void queryClient.invalidateQueries({ queryKey: ticketKeys.all });
      navigate(`/tickets/${ticket.id}`);
    } catch (error) {
      // Field errors from the server land on the field they name.
      if (error instanceof ApiError && error.problem.errors?.length) {
        const { fields: customErrors, rest } = fieldErrorsFrom(error.problem.errors, ['fields']);
        form.setFields([...customErrors, ...rest.map((e) => ({ name: fieldName(e.path) as keyof Values, errors: [e.message] }))]);
      }
      message.error(describeError(error, t).message);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Card title={t('newTicket.title')} style={{ maxWidth: 960, margin: '0 auto' }}>
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ priority: priorities.data?.find((p) => p.isDefault)?.key, callDirection: 'inbound' }}>
        <TicketTypeFields types={types.data} typesLoading={types.isPending} typeForm={typeForm} typeKey={typeKey} audience={audience} builtins={builtins} onReady={onTypeReady} />
        <Typography.Title level={5}>{t('newTicket.requester')}</Typography.Title>
        <Form.Item label={t('newTicket.lookup')}>
          <AutoComplete
            value={search}
            onChange={setSearch}
            onSelect={(id: string) => {
              const contact = matches.data?.find((c) => c.id === id);
              if (contact) pick(contact);
            }}
            options={(matches.data ?? []).map((c) => ({
              value: c.id,
              label: (
                <Space direction="vertical" size={0}>
                  <span>{c.name}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[c.phone && formatPhone(c.phone), c.email].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </Space>
              ),
            }))}
            notFoundContent={term.length >= 2 && matches.isSuccess ? t('newTicket.noMatch') : null}
            data-testid="requester-lookup"
          >
            <Input.Search placeholder="138 0013 8000 / 张三 / name@example.com" loading={matches.isFetching} />
          </AutoComplete>
        </Form.Item>
        {openTickets.data && openTickets.data.length > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="caller-open-tickets"
            style={{ marginBottom: 16 }}
            message={t('newTicket.openTickets', { count: openTickets.data.length })}
            description={
              <Space direction="vertical" size={2}>
                <Typography.Text type="secondary">{t('newTicket.openTicketsHint')}</Typography.Text>
                {openTickets.data.map((ticket) => (
                  <Space key={ticket.id} size={6} wrap data-testid="caller-open-ticket">
                    <Link to={`/tickets/${ticket.id}`}>
                      {ticket.number} {ticket.subject}
                    </Link>
                    <Tag>{t(`status.${ticket.status}`, { defaultValue: ticket.status })}</Tag>
                    <Tag>{((p) => (p ? (zh ? p.nameZh : p.nameEn) : ticket.priority))(priorities.data?.find((p) => p.key === ticket.priority))}</Tag>
                  </Space>
                ))}
              </Space>
            }
          />
        )}
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item label={t('newTicket.name')} name="name" rules={[{ max: 100 }]}>
              <Input data-testid="requester-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label={t('newTicket.phone')} name="phone" rules={[{ max: 40 }]}>
              <Input inputMode="tel" data-testid="requester-phone" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label={t('newTicket.email')} name="email" rules={[{ type: 'email' }]}>
              <Input inputMode="email" data-testid="requester-email" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('call.section')}</Typography.Title>
        <Row gutter={12}>
          <Col xs={24} sm={6}>
            <Form.Item label={t('call.direction')} name="callDirection">
              <Select options={[{ value: 'inbound', label: t('call.inbound') }, { value: 'outbound', label: t('call.outbound') }]} data-testid="call-direction" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <Form.Item label={t('call.durationLabel')} name="callDuration">
              <Input placeholder={t('call.durationPlaceholder')} data-testid="call-duration" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('call.recordingUrl')} name="callRecordingUrl" rules={[{ type: 'url', pattern: /^https:\/\//, message: t('call.recordingUrl') }]}>
              <Input inputMode="url" placeholder="https://" data-testid="call-recording" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('ticket.subject')} name="subject" rules={[{ required: true, whitespace: true, max: 300 }]}>
          <Input placeholder={t('newTicket.subjectPlaceholder')} data-testid="ticket-subject-input" />
        </Form.Item>
        <Form.Item label={t('ticket.description')} name="description">
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} placeholder={t('newTicket.descriptionPlaceholder')} data-testid="ticket-description-input" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item label={t('ticket.priority')} name="priority">
              <Select options={(priorities.data ?? []).filter((p) => p.active).map((p) => ({ value: p.key, label: zh ? p.nameZh : p.nameEn }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label={t('ticket.category')} name="categoryId">
              <TreeSelect allowClear treeData={tree} treeDefaultExpandAll placeholder={t('ticket.noCategory')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label={t('ticket.tags')} name="tags">
              <Select mode="tags" tokenSeparators={[',', '，']} />
            </Form.Item>
          </Col>
          {can('directory.read') ? (
            <>
              <Col xs={24} sm={12}>
                <Form.Item label={t('ticket.team')} name="teamId">
                  <Select allowClear options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} placeholder={t('ticket.noTeam')} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item label={t('ticket.assignee')} name="assigneeId">
                  <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))} placeholder={t('ticket.unassigned')} data-testid="new-ticket-assignee" />
                </Form.Item>
              </Col>
            </>
          ) : null}
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="create-ticket">
            {t('newTicket.submit')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('app.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

/** `requester.phone` → the form field `phone`; `subject` stays `subject`. */
function fieldName(path: string): string {
  return path.replace(/^\//, '').replace(/^requester[./]/, '');
}

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}
