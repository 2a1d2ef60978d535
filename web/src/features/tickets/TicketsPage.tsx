import { ReloadOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Checkbox, Grid, Input, Menu, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useCan, useMe } from '../../app/session.ts';
import { api, unwrap } from '../../shared/api/client.ts';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { BulkBar } from './BulkBar.tsx';
import { ticketKeys } from './keys.ts';
import { prefetchTicket, useTicketList, useViewCounts, useViews, type ListQuery, type SearchSummary, type Ticket } from './queries.ts';
import { rememberTicketOrder } from './ticket-navigation.ts';
import { sortFromTable, type SortKey } from './list-sort.ts';
import { ticketColumns } from './list-columns.tsx';
import { listLayout } from './list-layout.ts';
import { useListPreferences } from './list-preferences.ts';
import { ExportButton } from './ExportButton.tsx';
import { ListSearchInput } from './ListSearchInput.tsx';
import { ListSettings } from './ListSettings.tsx';
import { useViewColumns, withCustomKeys } from './view-columns.ts';
import { useTicketFields } from '../forms/queries.ts';
import { useElementWidth } from './use-element-width.ts';
import { ListFilters } from './ListFilters.tsx';
import { FieldJobList } from './FieldJobList.tsx';
import { clearedCustomFilters, filtersFromParams, filtersToParams, filtersToQuery, hasSavableFilters, narrowFilters, type ListFilters as ListFilterValues } from './list-filters.ts';
import { isWorkViewKey, useWorkViews } from '../workflow/work-views.tsx';

type View = { id: string; kind: 'builtin' | 'saved'; key?: string; name: string; nameZh?: string; nameEn?: string };

export default function TicketsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [params, setParams] = useSearchParams();
  const view = params.get('view') ?? 'mine';
  const q = params.get('q') ?? '';
  const sortParam = params.get('sort') as SortKey | null;
  const [selected, setSelected] = useState<string[]>([]);
  const can = useCan();
  const queryClient = useQueryClient();
  const views = useViews();
  const counts = useViewCounts();
  const me = useMe();
  const [preferences, setPreferences] = useListPreferences(me.id);
  const savedView = (views.data?.items ?? []).find((v) => v.kind === 'saved' && v.id === view);
  const [customColumnKeys, setCustomColumnKeys] = useViewColumns(me.id, view, savedView?.kind === 'saved' ? savedView : undefined);
  const registry = useTicketFields();
  const customFields = useMemo(() => (registry.data ?? []).filter((field) => !field.builtIn && !field.archived), [registry.data]);
  const customColumns = useMemo(() => customColumnKeys.flatMap((key) => customFields.filter((field) => field.key === key)), [customColumnKeys, customFields]);
  // Field engineers get job cards instead of table rows, at every width (FieldJobList says why).
  const jobCards = me.role === 'field_engineer';
  const [tableBox, tableWidth] = useElementWidth();
  const layout = listLayout(tableWidth, narrow);
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const filterQuery = useMemo(() => filtersToQuery(filters), [filters]);
  // Each view has its own default order (e.g. 我的工单 by priority); a header click overrides it.
  const currentView = (views.data?.items ?? []).find((v) => v.id === view);
  const sort = (sortParam ?? currentView?.sort ?? '-updatedAt') as SortKey;
  // A search looks through every ticket the user may see unless 仅当前视图 is ticked (scope=view).
  const scope = params.get('scope') === 'view' ? 'view' : 'all';
  const query = useMemo(() => ({ view, ...filterQuery, ...(q ? { q, scope } : sortParam ? { sort: sortParam } : {}) }) as Omit<ListQuery, 'cursor' | 'limit'>, [view, filterQuery, q, scope, sortParam]);
  // 待我处理的环节 and 待我审批 sit among the views but list stage work, not tickets.
  const workViews = useWorkViews();
  const workView = workViews.find((w) => w.key === view);
  const list = useTicketList(query, !isWorkViewKey(view));
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  useEffect(() => rememberTicketOrder(rows.map((r) => r.id)), [rows]);
  useEffect(() => setSelected([]), [view, q, filterQuery]);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };

  const allViews: View[] = views.data?.items ?? [];
  // Built-in names come from the server in both languages; saved views have the agent's own name.
  const viewLabel = (v: View) => (v.kind === 'builtin' ? (i18n.language === 'zh-CN' ? v.nameZh : v.nameEn) ?? v.name : v.name);
  const countOf = (v: View) => counts.data?.counts[v.kind === 'builtin' && v.key ? v.key : v.id];

  const open = useCallback((id: string) => navigate(`/tickets/${id}`), [navigate]);
  const canReadDirectory = can('directory.read');
  const columns = useMemo(
    () => ticketColumns({ layout, hidden: preferences.hidden, sort, sortable: !q, canReadDirectory, t, open, custom: customColumns, language: i18n.language }),
    [layout, preferences.hidden, sort, q, canReadDirectory, t, open, customColumns, i18n.language],
  );
  // Cells only re-render when their row object changes (see list-columns.tsx), so whatever
  // else they show gets a fresh table: the layout, the hidden columns, the language.
  const tableKey = `${layout}:${preferences.hidden.join(',')}:${customColumnKeys.join(',')}:${i18n.language}`;
  const onRow = useCallback((row: Ticket) => ({ onDoubleClick: () => open(row.id), onMouseEnter: () => prefetchTicket(queryClient, row.id), 'data-testid': `ticket-row-${row.number}` }) as React.HTMLAttributes<HTMLElement>, [open, queryClient]);

  const emptyState = <EmptyState title={q ? (scope === 'view' ? t('search.emptyView', { q, view: currentView ? viewLabel(currentView) : '' }) : t('search.emptyAll', { q })) : t('list.empty')} hint={q ? undefined : t(jobCards ? 'fieldJob.emptyHint' : 'list.emptyHint')} />;

  const viewPicker = narrow ? (
    <Select
      style={{ width: '100%', marginBottom: 8 }}
      value={view}
      onChange={(value) => update({ view: value })}
      options={[...allViews.map((v) => ({ value: v.kind === 'builtin' && v.key ? v.key : v.id, label: `${viewLabel(v)} (${countOf(v) ?? '…'})` })), ...workViews.map((w) => ({ value: w.key, label: w.label }))]}
      aria-label={t('views.title')}
    />
  ) : (
    <Card size="small" title={t('views.title')} styles={{ body: { padding: 0 } }} style={{ width: 180, flexShrink: 0 }}>
      <Menu
        mode="inline"
        selectedKeys={[view]}
        style={{ borderInlineEnd: 0 }}
        onClick={({ key }) => update({ view: key, q: null, scope: null, ...filtersToParams({}), ...clearedCustomFilters(params) })}
        items={[
          ...allViews.map((v) => {
            const key = v.kind === 'builtin' && v.key ? v.key : v.id;
            return {
              key,
              label: (
                <span style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }} data-testid={`view-${key}`}>
                  <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{viewLabel(v)}</span>
                  <Badge count={countOf(v) ?? 0} showZero overflowCount={9999} color={key === view ? '#1677ff' : '#bfbfbf'} />
                </span>
              ),
            };
          }),
          ...workViews.map((w) => ({ key: w.key, label: <span data-testid={`view-${w.key}`}>{w.label}</span> })),
        ]}
      />
      {allViews.some((v) => v.kind === 'saved' && v.id === view) ? <DeleteViewButton view={allViews.find((v) => v.id === view)!} onDeleted={() => update({ view: 'mine' })} /> : null}
    </Card>
  );

  return (
    <div style={{ display: 'flex', gap: 16, flexDirection: narrow ? 'column' : 'row', alignItems: 'flex-start' }}>
      {viewPicker}
      {isWorkViewKey(view) ? (
        <div style={{ flex: 1, minWidth: 0, width: '100%' }}>{workView ? workView.render() : <Loading />}</div>
      ) : (
      <div style={{ flex: 1, minWidth: 0, width: '100%' }}>
        <Space style={{ marginBottom: 8, width: '100%', flexWrap: 'wrap' }}>
          <ListSearchInput q={q} placeholder={t('list.search')} width={narrow ? '100%' : 320} onSearch={(value) => update({ q: value || null })} />
          <Button icon={<ReloadOutlined />} onClick={() => list.refetch()} aria-label={t('app.retry')} />
          {narrow || jobCards ? null : <ExportButton query={query} customColumns={customColumnKeys} />}
          {narrow || jobCards ? null : <ListSettings value={preferences} onChange={setPreferences} customFields={customFields} customColumns={customColumnKeys} onCustomColumnsChange={setCustomColumnKeys} />}
           {q || hasSavableFilters(filters) ? <SaveViewButton view={view} q={q} filters={filters} sort={sort} customColumns={customColumnKeys} onSaved={(id) => update({ view: id, q: null, ...filtersToParams({}), ...clearedCustomFilters(params) })} /> : null}
        </Space>
        {q ? <SearchScopeLine summary={list.data?.pages[0]?.search ?? null} viewName={currentView ? viewLabel(currentView) ?? '' : ''} currentViewOnly={scope === 'view'} onChange={(only) => update({ scope: only ? 'view' : null })} /> : null}
        <ListFilters value={filters} narrow={narrow} onChange={(next) => update(filtersToParams(next))} />
        {selected.length ? <BulkBar ids={selected} onDone={() => setSelected([])} /> : null}
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => list.refetch()} />
        ) : jobCards ? (
          <FieldJobList rows={rows} loading={list.isPending || (list.isFetching && list.isPlaceholderData)} empty={emptyState} />
        ) : (
          <div ref={tableBox} data-testid="ticket-list" data-layout={layout} data-density={preferences.density}>
          <Table<Ticket>
            key={tableKey}
            rowKey="id"
            size={preferences.density === 'compact' ? 'small' : 'middle'}
            tableLayout="fixed"
            columns={columns}
            dataSource={rows}
            loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
            pagination={false}
            // No sideways scrolling: the layout picks columns that leave the subject ≥ 240 px.
            // Virtual rows: only the rows in the table's own scroll box are rendered, so the first
            // rows appear at once after the data arrives and "load more" does not slow the page.
            virtual={layout !== 'phone' && tableWidth > 0}
            scroll={layout !== 'phone' && tableWidth > 0 ? { x: tableWidth, y: Math.max(360, window.innerHeight - 240) } : undefined}
            rowSelection={can('tickets.update') || can('tickets.change_status') ? { columnWidth: 32, selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
            onChange={(_pagination, _filters, sorter) => {
              update({ sort: sortFromTable(Array.isArray(sorter) ? sorter[0] : sorter) });
            }}
            onRow={onRow}
            locale={{ emptyText: emptyState }}
          />
          </div>
        )}
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          {list.hasNextPage ? (
            <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('app.loadMore')}
            </Button>
          ) : rows.length > 50 ? (
            <Typography.Text type="secondary">{t('app.allLoaded')}</Typography.Text>
          ) : null}
        </div>
      </div>
      )}
    </div>
  );
}

function SaveViewButton({ view, q, filters, sort, customColumns, onSaved }: { view: string; q: string; filters: ListFilterValues; sort: string; customColumns: string[]; onSaved: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(q || '');
  const views = useViews();
  const base = (views.data?.items ?? []).find((v) => v.id === view);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('views.saveCurrent')}</Button>
      <Modal
        open={open}
        title={t('views.saveCurrent')}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          try {
            // The new view is the current view narrowed by the filters and search on screen.
            const saved = await unwrap(api.POST('/api/v1/ticket-views', { body: { name: name.trim(), filters: narrowFilters(base?.filters ?? {}, filters, q), ...(q ? {} : { sort: sort as never }), columns: withCustomKeys([], customColumns) } }));
            await queryClient.invalidateQueries({ queryKey: ticketKeys.views() });
            await queryClient.invalidateQueries({ queryKey: ticketKeys.counts() });
            message.success(t('views.savedOk'));
            setOpen(false);
            onSaved(saved.id);
          } catch (error) {
            message.error((error as Error).message);
          }
        }}
      >
        <Input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('views.viewName')} maxLength={100} />
      </Modal>
    </>
  );
}

function DeleteViewButton({ view, onDeleted }: { view: View; onDeleted: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return (
    <div style={{ padding: 8, textAlign: 'right' }}>
      <Popconfirm
        title={t('views.deleteConfirm', { name: view.name })}
        onConfirm={async () => {
          try {
            await unwrap(api.DELETE('/api/v1/ticket-views/{id}', { params: { path: { id: view.id } } }));
            await queryClient.invalidateQueries({ queryKey: ticketKeys.views() });
            onDeleted();
          } catch (error) {
            message.error((error as Error).message);
          }
        }}
      >
        <Tag color="red" style={{ cursor: 'pointer' }}>
          {t('views.deleteView')}
        </Tag>
      </Popconfirm>
    </div>
  );
}

/**
 * Where a search looked and how many it found ("在全部工单中找到 41 张"), with the one switch
 * between all tickets and the current view (仅当前视图).
 */
function SearchScopeLine({ summary, viewName, currentViewOnly, onChange }: { summary: SearchSummary | null; viewName: string; currentViewOnly: boolean; onChange: (only: boolean) => void }) {
  const { t } = useTranslation();
  const n = summary ? `${summary.total}${summary.totalCapped ? '+' : ''}` : '…';
  return (
    <Space style={{ marginBottom: 8, flexWrap: 'wrap' }} data-testid="search-scope">
      <Typography.Text data-testid="search-found">{currentViewOnly ? t('search.foundView', { n, view: viewName }) : t('search.foundAll', { n })}</Typography.Text>
      <Checkbox checked={currentViewOnly} onChange={(e) => onChange(e.target.checked)} data-testid="search-current-view">
        {t('search.currentViewOnly')}
      </Checkbox>
    </Space>
  );
}
