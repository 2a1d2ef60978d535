import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../shared/api/client.ts';
import type { components } from '../../shared/api/schema';
import { ticketKeys } from './keys.ts';

export type TicketChannel = components['schemas']['TicketChannel'];

/**
 * The channels installed in the server (GET /ticket-channels): the platform's own, then each
 * channel module's, with their labels. The list changes only when the server restarts with other
 * modules, so it is read once per session.
 */
export function useTicketChannels() {
  return useQuery({ queryKey: ticketKeys.channels(), queryFn: () => unwrap(api.GET('/api/v1/ticket-channels')).then((r) => r.items), staleTime: Infinity });
}

/**
 * A channel's name in `language`: the server's label; `agent` (an internal note) is the console;
 * a channel that is not installed (its module removed, or the list not loaded yet) shows its key.
 */
export function channelName(channels: readonly TicketChannel[] | undefined, key: string, language: string, consoleName: string): string {
  if (key === 'agent') return consoleName;
  const labels = channels?.find((c) => c.key === key)?.labels;
  if (!labels) return key;
  return language.startsWith('zh') ? labels['zh-CN'] : labels.en || labels['zh-CN'];
}

/**
 * `channelName` bound to the installed channels and the console's language (the same function until
 * either changes: memoised lookups keep it). A reply way that is no channel (`wechat_template`, a
 * reply sent as a WeChat template message) is named by the console's catalogue.
 */
export function useChannelName(): (key: string) => string {
  const { t, i18n } = useTranslation();
  const channels = useTicketChannels();
  const consoleName = t('channel.agent');
  return useCallback(
    (key: string) => {
      const name = channelName(channels.data, key, i18n.language, consoleName);
      return name === key && i18n.exists(`channel.${key}`) ? t(`channel.${key}`) : name;
    },
    [channels.data, i18n, t, consoleName],
  );
}
