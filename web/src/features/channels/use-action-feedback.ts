import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/ui/describe-error.ts';

/**
 * Runs one admin action of a settings card with the console's feedback: `successKey`'s toast, or
 * the failure in the user's words. Whatever the action changes after the request (dropping a
 * draft) goes inside it, so it happens only on success.
 */
export function useActionFeedback(): (action: () => Promise<unknown>, successKey: string) => Promise<void> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return async (action, successKey) => {
    try {
      await action();
      message.success(t(successKey));
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  };
}
