import { EditOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardEngineer, BoardVisit, DispatchBoardData } from './dispatch-api.ts';
import { conflictText } from './reasons.ts';

/** The hours each day shows as drop slots (local to the installation: offsets from the day's start). */
export const boardHours = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
const hourMs = 3_600_000;

export type SlotDrop = { orderId: string; engineer: BoardEngineer; start: string };

/**
 * Rows of engineers, columns of days, each day a simple time axis of hour slots. A visit sits in
 * the slot of its start hour (red when it has a conflict, the reasons in its tooltip); dropping a
 * waiting order on a slot books that hour. The load per day is against the engineer's capacity.
 */
export function BoardGrid({ board, onDrop, onEditEngineer }: { board: DispatchBoardData; onDrop: (drop: SlotDrop) => void; onEditEngineer: (engineerId: string) => void }) {
  const { t, i18n } = useTranslation();
  const [over, setOver] = useState<string | null>(null);
  const weekday = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString(i18n.language, { timeZone: 'UTC', weekday: 'short', month: 'numeric', day: 'numeric' });
  return (
    <div className="dispatch-grid" role="grid" style={{ gridTemplateColumns: `160px repeat(${board.dates.length}, minmax(130px, 1fr))` }}>
      <div role="columnheader" className="dispatch-head">{t('dispatch.engineer')}</div>
      {board.dates.map((date) => <div role="columnheader" key={date} className="dispatch-head">{weekday(date)}</div>)}
      {board.engineers.map((engineer) => [
        <div role="rowheader" key={engineer.id} className="dispatch-engineer" data-testid={`engineer-${engineer.name}`}>
          <Typography.Text strong>{engineer.name}</Typography.Text>
          <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('dispatch.editProfile', { name: engineer.name })} onClick={() => onEditEngineer(engineer.id)} />
          <div>{engineer.skills.map((skill) => <Tag key={skill} bordered={false}>{skill}</Tag>)}</div>
        </div>,
        ...board.dates.map((date, d) => {
          const day = engineer.days[d]!;
          const dayStart = new Date(board.dayStarts[d]!).getTime();
          return (
            <div role="gridcell" key={`${engineer.id}-${date}`} className="dispatch-day">
              <div className={`dispatch-load${day.overCapacity ? ' dispatch-over' : ''}`} title={day.overCapacity ? t('dispatch.overCapacity') : undefined} data-testid={`load-${engineer.name}-${date}`}>
                {t('dispatch.load', { count: day.count, capacity: engineer.dailyCapacity })}
              </div>
              {boardHours.map((hour) => {
                const key = `${engineer.id}-${date}-${hour}`;
                const start = dayStart + hour * hourMs;
                const visits = engineer.visits.filter((v) => v.date === date && Math.max(boardHours[0]!, Math.min(boardHours.at(-1)!, Math.floor((new Date(v.start).getTime() - dayStart) / hourMs))) === hour);
                return (
                  <div
                    key={hour}
                    className={`dispatch-slot${over === key ? ' dispatch-slot-over' : ''}`}
                    data-testid={`slot-${engineer.name}-${date}-${hour}`}
                    onDragOver={(event) => {
                      event.preventDefault();
                      event.dataTransfer.dropEffect = 'move';
                      if (over !== key) setOver(key);
                    }}
                    onDragLeave={() => setOver((current) => (current === key ? null : current))}
                    onDrop={(event) => {
                      event.preventDefault();
                      setOver(null);
                      const orderId = event.dataTransfer.getData('text/plain');
                      if (orderId) onDrop({ orderId, engineer, start: new Date(start).toISOString() });
                    }}
                  >
                    <span className="dispatch-hour">{String(hour).padStart(2, '0')}</span>
                    {visits.map((visit) => <VisitChip key={visit.id} visit={visit} />)}
                  </div>
                );
              })}
            </div>
          );
        }),
      ])}
    </div>
  );
}

function VisitChip({ visit }: { visit: BoardVisit }) {
  const { t, i18n } = useTranslation();
  const clock = (value: string) => new Date(value).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
  const lines = [
    `${clock(visit.start)}–${clock(visit.end)}`,
    ...(visit.site ? [`${visit.site.regionNames.join('')} ${visit.site.street}`] : []),
    ...(visit.travelFromPrevious ? [t('dispatch.travel', visit.travelFromPrevious)] : []),
    ...visit.conflicts.map((conflict) => conflictText(t, conflict)),
  ];
  return (
    <Tooltip title={<div>{lines.map((line) => <div key={line}>{line}</div>)}</div>}>
      <span className={`dispatch-visit${visit.conflicts.length ? ' dispatch-visit-conflict' : ''}${visit.visible ? '' : ' dispatch-visit-busy'}`} data-testid={`visit-${visit.number ?? visit.id}`} data-conflict={visit.conflicts.length > 0}>
        {visit.visible ? visit.number : t('dispatch.busy')}
      </span>
    </Tooltip>
  );
}
