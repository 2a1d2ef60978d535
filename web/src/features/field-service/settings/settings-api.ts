import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api/client.ts';
import type { components } from '../../../shared/api/schema';
import { dispatchKeys } from '../dispatch/dispatch-api.ts';

export type ServiceType = components['schemas']['ServiceType'];
export type NoticeSettings = components['schemas']['CustomerNoticeSettings'];
export type MapSettings = components['schemas']['MapSettings'];
export type EngineerProfile = components['schemas']['EngineerProfile'];
export type ServiceTypeChanges = Pick<ServiceType, 'autoDispatch' | 'autoDispatchPick' | 'autoDispatchWithinHours' | 'checkInRadiusMeters'>;

/** Query keys of 设置 › 现场服务; the engineers share the board's key (its profile editor refreshes both). */
export const fieldSettingsKeys = {
  all: ['field-service-settings'] as const,
  types: () => [...fieldSettingsKeys.all, 'types'] as const,
  notices: () => [...fieldSettingsKeys.all, 'notices'] as const,
  map: () => [...fieldSettingsKeys.all, 'map'] as const,
  engineers: () => [...dispatchKeys.all, 'engineers'] as const,
};

export function useServiceTypes() {
  return useQuery({ queryKey: fieldSettingsKeys.types(), queryFn: () => unwrap(api.GET('/api/v1/service-types')).then((r) => r.items) });
}

export function useUpdateServiceType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ type, changes }: { type: ServiceType; changes: ServiceTypeChanges }) =>
      unwrap(api.PATCH('/api/v1/service-types/{key}', { params: { path: { key: type.key }, header: { 'if-match': String(type.version) } }, body: changes })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: fieldSettingsKeys.types() }),
  });
}

export function useNoticeSettings() {
  return useQuery({ queryKey: fieldSettingsKeys.notices(), queryFn: () => unwrap(api.GET('/api/v1/field-service/customer-notice-settings')).then((r) => r.items) });
}

export function useSaveNoticeSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    /** `scope`: 'global' (every service type) or a service type's key (its own settings). */
    mutationFn: ({ scope, ...body }: NoticeSettings) => unwrap(api.PUT('/api/v1/field-service/customer-notice-settings/{scope}', { params: { path: { scope } }, body })),
    onSuccess: (data) => queryClient.setQueryData(fieldSettingsKeys.notices(), data.items),
  });
}

export function useMapSettings() {
  return useQuery({ queryKey: fieldSettingsKeys.map(), queryFn: () => unwrap(api.GET('/api/v1/field-service/map-settings')) });
}

export function useSaveMapSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { apiKey: string; securityCode?: string }) => unwrap(api.PUT('/api/v1/field-service/map-settings', { body })),
    onSuccess: async (data) => {
      queryClient.setQueryData(fieldSettingsKeys.map(), data);
      await queryClient.invalidateQueries({ queryKey: dispatchKeys.map() });
    },
  });
}

export function useRemoveMap() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/field-service/map-settings')),
    onSuccess: async (data) => {
      queryClient.setQueryData(fieldSettingsKeys.map(), data);
      await queryClient.invalidateQueries({ queryKey: dispatchKeys.map() });
    },
  });
}

export function useEngineers() {
  return useQuery({ queryKey: fieldSettingsKeys.engineers(), queryFn: () => unwrap(api.GET('/api/v1/engineers')).then((r) => r.items) });
}
