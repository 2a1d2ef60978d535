import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { AdminGate } from '../admin/AdminGate.tsx';
import { TeamRobotsCard } from '../channels/TeamRobotsCard.tsx';
import { useFeishuTeamRobots } from './feishu-queries.ts';

/** 设置 › 飞书机器人: each team's Feishu custom robot, on the same card as WeCom's and DingTalk's robots. */
export default function FeishuRobotsPage() {
  const { t } = useTranslation();
  return (
    <AdminGate permission="channels.manage">
      <TeamRobotsCard
        kind="feishu"
        textPrefix="notifications.feishu"
        useSource={useFeishuTeamRobots}
        fields={[
          { name: 'webhookUrl', label: 'notifications.feishu.webhookUrl', testId: 'url', width: 320, placeholder: (robot) => (robot?.webhookSet ? t('notifications.feishu.kept') : 'https://open.feishu.cn/open-apis/bot/v2/hook/…') },
          { name: 'secret', label: 'notifications.feishu.secret', testId: 'secret', width: 240, placeholder: (robot) => (robot?.signed ? t('notifications.feishu.kept') : t('notifications.feishu.secretPlaceholder')) },
        ]}
        tags={(robot) => (robot.signed ? <Tag color="green">{t('notifications.feishu.signed')}</Tag> : null)}
      />
    </AdminGate>
  );
}
