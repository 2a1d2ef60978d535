import { App, Button, Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client.ts';
import { describeError } from '../../../shared/ui/describe-error.ts';
import { EmptyState, ErrorState, Loading } from '../../../shared/ui/states.tsx';
import { AdminGate } from '../../admin/AdminGate.tsx';
import { useTeams } from '../../tickets/queries.ts';
import { BoardGrid, type SlotDrop } from './BoardGrid.tsx';
import { EngineerProfileModal } from './EngineerProfileModal.tsx';
import { MapView } from './MapView.tsx';
import { useDispatch, useDispatchBoard, type DispatchInput, type WaitingOrder } from './dispatch-api.ts';
import './dispatch-board.css';
import { addDays, today } from './reasons.ts';
import { SuggestionsCard } from './SuggestionsCard.tsx';
import { WaitingList } from './WaitingList.tsx';

const pageSize = 50;

/** 派工台 at /dispatch (supervisors and admins): the waiting orders, the suggested engineers, and the week's board to drop them on. */
export default function DispatchBoardPage() {
  return (
    <AdminGate permission="field_service.dispatch">
      <DispatchBoard />
    </AdminGate>
  );
}

function DispatchBoard() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const teams = useTeams();
  const [from, setFrom] = useState(today);
  const [teamId, setTeamId] = useState<string | undefined>();
  const [limit, setLimit] = useState(pageSize);
  const [selected, setSelected] = useState<WaitingOrder | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [view, setView] = useState<'board' | 'map'>('board');
  const board = useDispatchBoard(from, teamId, limit);
  const dispatch = useDispatch();

  const numberOf = (orderId: string) => board.data?.unscheduled.items.find((o) => o.id === orderId)?.number ?? '';
  const send = (input: DispatchInput, name: string) =>
    dispatch.mutate(input, {
      onSuccess: () => {
        message.success(t('dispatch.dispatched', { number: numberOf(input.orderId), name }));
        if (selected?.id === input.orderId) setSelected(null);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.problem.code === 'work_order.slot_conflict' && !input.force) {
          modal.confirm({
            title: t('dispatch.conflictTitle'),
            content: <ul data-testid="dispatch-conflicts">{(error.problem.errors ?? []).map((e) => <li key={`${e.code}-${e.message}`}>{e.message}</li>)}</ul>,
            okText: t('dispatch.force'),
            cancelText: t('dispatch.cancel'),
            onOk: () => send({ ...input, force: true }, name),
          });
          return;
        }
        message.error(describeError(error, t).message);
      },
    });
  const onDrop = ({ orderId, engineer, start }: SlotDrop) => send({ orderId, engineerId: engineer.id, appointmentStart: start }, engineer.name);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Select allowClear style={{ minWidth: 200 }} placeholder={t('dispatch.allTeams')} aria-label={t('dispatch.team')} value={teamId} onChange={setTeamId} options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))} />
        <Button onClick={() => setFrom((d) => addDays(d, -7))}>{t('dispatch.previousWeek')}</Button>
        <Button onClick={() => setFrom(today())}>{t('dispatch.thisWeek')}</Button>
        <Button onClick={() => setFrom((d) => addDays(d, 7))}>{t('dispatch.nextWeek')}</Button>
      </Space>
      {board.isError ? <ErrorState error={board.error} onRetry={() => board.refetch()} /> : null}
      {board.isLoading ? <Loading /> : null}
      {board.data ? (
        <div className="dispatch-layout">
          <div className="dispatch-side">
            <WaitingList items={board.data.unscheduled.items} more={board.data.unscheduled.nextCursor !== null} selectedId={selected?.id ?? null} onSelect={setSelected} onLoadMore={() => setLimit((n) => Math.min(200, n + pageSize))} />
            <SuggestionsCard order={selected} busy={dispatch.isPending} onAssign={(engineer) => selected && send({ orderId: selected.id, engineerId: engineer.id }, engineer.name)} />
          </div>
          <div className="dispatch-scroll" data-testid="dispatch-board">
            {/* Both views refresh live: the shell's stream invalidates the board when a work order changes (use-live-updates.ts). */}
            <Tabs activeKey={view} onChange={(key) => setView(key === 'map' ? 'map' : 'board')} items={[
              {
                key: 'board', label: t('dispatch.tabs.board'),
                children: board.data.engineers.length === 0 ? <EmptyState title={t('dispatch.noEngineers')} hint={t('dispatch.noEngineersHint')} /> : <BoardGrid board={board.data} onDrop={onDrop} onEditEngineer={setEditing} />,
              },
              { key: 'map', label: t('dispatch.tabs.map'), children: view === 'map' ? <MapView board={board.data} selected={selected} onSelect={setSelected} /> : null },
            ]} />
          </div>
        </div>
      ) : null}
      {editing ? <EngineerProfileModal engineerId={editing} onClose={() => setEditing(null)} /> : null}
    </Space>
  );
}
